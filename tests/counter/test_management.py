"""Management pages: validation shown at the field, nothing half-saved, changes saved live."""

from __future__ import annotations

import pytest

from common import admin
from counter.dialogs.confirm import Confirm
from counter.screens.management import ManagementView

from .conftest import OFFSCREEN_NOISE, TIMEOUT_MS

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def pages(qtbot, hall_engine, runner, feed, settle):
    def make(first: str = "services"):
        view = ManagementView(hall_engine, runner, feed, "9001", first)
        qtbot.addWidget(view)
        view.resize(1366, 700)
        with qtbot.waitSignal(view.loaded, timeout=TIMEOUT_MS):
            view.show()
        settle()
        return view

    return make


def saved(qtbot, page, text: str) -> None:
    qtbot.waitUntil(lambda: text in page.feedback.text(), timeout=TIMEOUT_MS)


def test_services_page_validates_then_saves(qtbot, pages, hall_engine):
    view = pages()
    page = view.pages["services"]
    page.code.setText("F")
    page.name_zh.setText("电费发票")
    page.prefix.setText("B")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.feedback.marked == "prefix", timeout=TIMEOUT_MS)
    assert "B" in page.feedback.text()
    assert "F" not in [s.code for s in admin.list_services(hall_engine)]

    page.prefix.setText("F")
    page.always_open.setChecked(False)
    page.hours[0].setText("08:30-soon")
    page.save_button.click()
    assert page.feedback.marked == "hours_0"
    page.hours[0].setText("08:30-12:00, 13:30-17:30")
    page.daily_limit.setValue(80)
    page.save_button.click()
    saved(qtbot, page, "F")
    created = {s.code: s for s in admin.list_services(hall_engine)}["F"]
    assert created.daily_limit == 80
    assert created.opening_hours == {"0": [["08:30", "12:00"], ["13:30", "17:30"]]}
    qtbot.waitUntil(lambda: page.table.rowCount() == 6, timeout=TIMEOUT_MS)


def test_windows_page_assigns_services(qtbot, pages, hall_engine):
    view = pages("windows")
    page = view.pages["windows"]
    assert page.number.value() == 7
    page.set_assignment("E", 0)
    page.set_assignment("A", 2)
    page.save_button.click()
    saved(qtbot, page, "7")
    window = {w.number: w for w in admin.list_windows(hall_engine)}[7]
    assert window.services == (("E", 0), ("A", 2))
    page.edit(None)
    page.number.setValue(1)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.feedback.marked == "number", timeout=TIMEOUT_MS)


def test_staff_page_creates_and_resets(qtbot, pages, hall_engine):
    view = pages("staff")
    page = view.pages["staff"]
    page.login.setText("2001")
    page.name.setText("周洁")
    page.role.setCurrentIndex(page.role.findData("supervisor"))
    page.password.setText("ab")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.feedback.marked == "password", timeout=TIMEOUT_MS)
    page.password.setText("secret")
    page.save_button.click()
    saved(qtbot, page, "2001")
    people = {p.login: p for p in admin.list_staff(hall_engine, "9001")}
    assert people["2001"].role == "supervisor"
    page.password.setText("newsecret")
    page.reset_button.click()
    saved(qtbot, page, "周洁")


def test_notices_page(qtbot, pages, hall_engine, monkeypatch):
    view = pages("notices")
    page = view.pages["notices"]
    before = len(admin.notices(hall_engine, valid_only=False))
    page.kind.setCurrentIndex(page.kind.findData("outage"))
    page.text_zh.setPlainText("明日 8:00–12:00 光明路检修停电")
    page.from_now.setChecked(True)
    page.no_end.setChecked(False)
    page.save_button.click()
    saved(qtbot, page, "公告已保存")
    everything = admin.notices(hall_engine, valid_only=False)
    assert len(everything) == before + 1
    assert (
        "光明路" in [n.text_zh for n in admin.valid_notices(hall_engine) if n.kind == "outage"][-1]
    )
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: True))
    page.delete_button.click()
    saved(qtbot, page, "公告已删除")
    assert len(admin.notices(hall_engine, valid_only=False)) == before


def test_settings_page(qtbot, pages, hall_engine):
    view = pages("settings")
    page = view.pages["settings"]
    assert view.currentWidget() is page
    page.voice_template_zh.setText("请到 {window} 号窗口")
    page.save_button.click()
    qtbot.waitUntil(lambda: "{number}" in page.feedback.text(), timeout=TIMEOUT_MS)
    assert (
        hall_engine.refresh_settings().voice_template_zh == "请 {number} 号到 {window} 号窗口办理"
    )
    page.voice_template_zh.setText("请 {number} 号到 {window} 号窗口")
    page.sla_minutes.setValue(25)
    page.priority_kinds["vip"].setChecked(True)
    page.save_button.click()
    saved(qtbot, page, "设置已保存")
    settings = hall_engine.refresh_settings()
    assert settings.sla_minutes == 25 and "vip" in settings.priority_kinds
