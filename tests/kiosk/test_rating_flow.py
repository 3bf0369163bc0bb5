"""意见反馈: scan or type a finished ticket, see who served you, score with a face."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from common.engine import QueueEngine
from common.models import Rating


def finished_ticket(engine: QueueEngine, service: str = "A", window: int = 1, staff: str = "1001"):
    issued = engine.issue(service)
    engine.call_next(window, staff=staff)
    engine.start(window)
    engine.finish(window)
    return issued


def ratings(engine: QueueEngine) -> list[tuple[int, list[str], str]]:
    rows = engine.db.transaction(
        lambda s: s.execute(select(Rating.score, Rating.reasons, Rating.phone)).all(),
        write=False,
    )
    return [(r.score, list(r.reasons), r.phone) for r in rows]


def scan(qtbot, window, text: str) -> None:
    """A USB scanner: the code typed fast, then Enter."""
    qtbot.keyClicks(window, text)
    qtbot.keyClick(window, Qt.Key.Key_Return)


def test_scan_a_finished_ticket_see_the_clerk_and_rate_very_satisfied(
    qtbot, make_kiosk, staff_engine
):
    issued = finished_ticket(staff_engine)
    kiosk = make_kiosk()
    window = kiosk.window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    assert "1 号窗口" in window.rate_score._who.text()
    assert "王丽" in window.rate_score._who.text()
    window.rate_score.faces[5].click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    assert ratings(staff_engine) == [(5, [], "")]


def test_below_satisfied_asks_reasons_and_a_phone_number(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    kiosk = make_kiosk()
    window = kiosk.window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    window.rate_score.faces[2].click()
    assert window.current is window.rate_reasons
    assert list(window.rate_reasons.reason_buttons) == list(
        kiosk.hall.snapshot.settings.rating_reasons
    )
    window.rate_reasons.reason_buttons["等候时间"].click()
    window.rate_reasons.reason_buttons["效率"].click()
    for key in "13800138000":
        window.rate_reasons.pad.key.emit(key)
    window.rate_reasons.submit_button.click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    ((score, reasons, phone),) = ratings(staff_engine)
    assert score == 2 and phone == "13800138000"
    assert sorted(reasons) == sorted(["等候时间", "效率"])


def test_satisfied_needs_no_reasons(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    window.rate_score.faces[4].click()
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)


def type_ticket(window, label: str, code: str) -> None:
    screen = window.rate_lookup
    for key in label:
        screen.pad.key.emit(key)
    screen.ok_button.click()  # "next": on to the check code
    for key in code:
        screen.pad.key.emit(key)
    screen.ok_button.click()


def test_typing_the_number_and_check_code_works_without_a_scanner(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine, "C")
    window = make_kiosk().window
    window.home.rate_button.click()
    assert window.current is window.rate_lookup
    type_ticket(window, issued.ticket.label, issued.check_code)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    assert window.rate_score.target.ticket.label == "C001"


def lookup_error(qtbot, window) -> str:
    qtbot.waitUntil(lambda: window.rate_lookup.error.text() != "", timeout=5000)
    assert window.current is window.rate_lookup
    return window.rate_lookup.error.text()


def test_a_forged_code_gets_a_friendly_message(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    forged = issued.qr_payload[:-4] + ("AAAA" if not issued.qr_payload.endswith("AAAA") else "BBBB")
    scan(qtbot, window, forged)
    assert lookup_error(qtbot, window) == "二维码无效，请扫描本厅小票上的二维码。"


def test_something_that_is_not_a_ticket_gets_a_friendly_message(qtbot, make_kiosk):
    window = make_kiosk().window
    scan(qtbot, window, "https://example.com/not-a-ticket")
    assert lookup_error(qtbot, window) == "无法识别这个二维码，请扫描小票上的二维码。"


def test_a_ticket_not_yet_finished_cannot_be_rated(qtbot, make_kiosk, staff_engine):
    issued = staff_engine.issue("A")
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    assert lookup_error(qtbot, window) == "业务办结后才能评价。"


def test_a_ticket_is_rated_once(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    staff_engine.rate(issued.ticket.token, 5)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    assert lookup_error(qtbot, window) == "这张小票已经评价过了，谢谢！"


def test_a_rating_made_meanwhile_elsewhere_is_caught_at_submit(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    staff_engine.rate(issued.ticket.token, 3)
    window.rate_score.faces[5].click()
    assert lookup_error(qtbot, window) == "这张小票已经评价过了，谢谢！"


def test_a_ticket_past_the_rating_period_is_too_old(qtbot, make_kiosk, staff_engine, clock):
    issued = finished_ticket(staff_engine)
    clock.advance(hours=staff_engine.settings.rating_valid_hours + 1)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    assert lookup_error(qtbot, window) == "这张小票的评价期已过。"


@pytest.mark.parametrize("code", ["000000", "123456"])
def test_a_wrong_check_code_is_refused(qtbot, make_kiosk, staff_engine, code):
    issued = finished_ticket(staff_engine)
    if issued.check_code == code:
        code = "999999"
    window = make_kiosk().window
    window.home.rate_button.click()
    type_ticket(window, issued.ticket.label, code)
    assert lookup_error(qtbot, window) == "号码或校验码不对，请核对小票。"


def test_an_incomplete_check_code_is_caught_on_screen(qtbot, make_kiosk):
    window = make_kiosk().window
    window.home.rate_button.click()
    type_ticket(window, "A001", "123")
    assert window.rate_lookup.error.text() == "请输入小票上的号码和 6 位校验码"


def test_a_scan_on_the_home_screen_goes_straight_to_rating(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    assert window.current is window.home
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)


def test_slow_typing_is_not_taken_for_a_scan(qtbot, make_kiosk):
    window = make_kiosk().window
    qtbot.keyClick(window, Qt.Key.Key_Return)
    qtbot.keyClicks(window, "A1")
    qtbot.keyClick(window, Qt.Key.Key_Return)
    assert window.current is window.home
