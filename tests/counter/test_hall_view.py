"""The supervisor's hall view and complaints: live windows, waiting, alerts, 代客取号, answers."""

from __future__ import annotations

import pytest

from common import devices
from common.config import PcConfig
from counter.screens.complaints import ComplaintsView
from counter.screens.hall import HallView
from counter.ticket_printing import TicketPrinting

from .conftest import OFFSCREEN_NOISE, TIMEOUT_MS

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def hall_view(qtbot, hall_engine, runner, feed):
    view = HallView(hall_engine, runner, feed, TicketPrinting.none())
    qtbot.addWidget(view)
    view.resize(1366, 700)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT_MS):
        view.show()
    return view


def test_windows_follow_the_hall_live(qtbot, hall_view, hall_engine, log_in):
    assert sorted(hall_view.tiles) == [1, 2, 3, 4, 5, 6]
    log_in("1003", 3)
    issued = hall_engine.issue("B").ticket.label
    hall_engine.call_next(3, staff="1003")
    tile = hall_view.tiles[3]
    qtbot.waitUntil(
        lambda: tile.state is not None and tile.state.current is not None, timeout=TIMEOUT_MS
    )
    assert tile.state.current.label == issued and tile.state.staff_name == "张敏"
    hall_engine.pause(5, "系统故障")
    qtbot.waitUntil(lambda: hall_view.tiles[5].state.state == "paused", timeout=TIMEOUT_MS)


def test_alerts_show_device_faults_and_complaints(qtbot, hall_view, hall_engine):
    assert [a.kind for a in hall_view.alerts.alerts] == []
    devices.report(hall_engine, "kiosk_printer", "fault", "缺纸 / paper out", name="kiosk-1")
    hall_engine.add_feedback("complaint", "排队太久")
    qtbot.waitUntil(
        lambda: {a.kind for a in hall_view.alerts.alerts} == {"device", "complaint"},
        timeout=TIMEOUT_MS,
    )


def test_issue_a_priority_ticket_for_a_customer(qtbot, hall_view, hall_engine):
    panel = hall_view.issue
    panel.service_field.setCurrentIndex(panel.service_field.findData("C"))
    panel.priority_field.setCurrentIndex(panel.priority_field.findData("elderly"))
    panel.issue_button.click()
    qtbot.waitUntil(lambda: panel.result.text() == "C001", timeout=TIMEOUT_MS)
    ticket = hall_engine.find_ticket("C001")
    assert ticket.priority == "elderly" and ticket.status == "waiting"
    assert "本机未配置打印机" in panel.result_detail.text()
    qtbot.waitUntil(
        lambda: {s.code: s.waiting for s in hall_view.snapshot.services}["C"] == 1,
        timeout=TIMEOUT_MS,
    )


def test_answer_a_complaint(qtbot, hall_engine, runner, feed):
    hall_engine.add_feedback("complaint", "等候时间太长", "13800138000")
    view = ComplaintsView(hall_engine, runner, feed, "9001")
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT_MS):
        view.show()
    assert view.table.rowCount() == 1 and view.answer_button.isEnabled()
    view.answer_button.click()
    assert view.status.text() == "请填写答复。"
    view.answer.setPlainText("已增开缴费窗口，感谢您的意见。")
    view.answer_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=TIMEOUT_MS)
    answered = hall_engine.open_feedback("answered")
    assert answered[0].answer == "已增开缴费窗口，感谢您的意见。"
    hall_engine.add_feedback("suggestion", "增加饮水机")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=TIMEOUT_MS)


def test_issue_and_reprint_on_this_pcs_printer(qtbot, hall_engine, runner, feed, tmp_path):
    paper = tmp_path / "ticket.bin"
    printing = TicketPrinting(PcConfig(db_url="", printer=f"file:{paper}"))
    view = HallView(hall_engine, runner, feed, printing)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=TIMEOUT_MS):
        view.show()
    panel = view.issue
    assert panel.reprint_button.isVisibleTo(view)
    panel.service_field.setCurrentIndex(panel.service_field.findData("A"))
    panel.issue_button.click()
    qtbot.waitUntil(lambda: "已打印" in panel.result_detail.text(), timeout=TIMEOUT_MS)
    first = paper.read_bytes()
    assert len(first) > 1000 and hall_engine.find_ticket("A001").printed is True
    paper.unlink()
    panel.reprint_field.setText("a001")
    panel.reprint_button.click()
    qtbot.waitUntil(paper.exists, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "已打印 A001" in view.status.text(), timeout=TIMEOUT_MS)
    # The reprint carries its 补打 mark, so it is not the same picture.
    assert paper.read_bytes() != first
    panel.reprint_field.setText("A999")
    panel.reprint_button.click()
    qtbot.waitUntil(lambda: view.status.text() == "找不到这个号码。", timeout=TIMEOUT_MS)
