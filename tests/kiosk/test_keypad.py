"""Kiosks with a keypad: digit keys take a service tile on the home screen and give a score."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import update

from common.models import Service
from tests.kiosk.test_rating_flow import finished_ticket, ratings, scan


def test_digit_n_issues_the_nth_service_tile(qtbot, make_kiosk, staff_engine):
    window = make_kiosk().window
    codes = list(window.home.services.tiles)
    qtbot.keyClick(window, Qt.Key.Key_3)
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=5000)
    assert window.ticket.issued.ticket.label == f"{codes[2]}001"
    assert [t.label for t in staff_engine.waiting()] == [f"{codes[2]}001"]


def test_a_digit_without_a_tile_or_off_the_home_screen_issues_nothing(
    qtbot, make_kiosk, staff_engine
):
    window = make_kiosk().window
    qtbot.keyClick(window, Qt.Key.Key_9)
    window.show_screen(window.complaint)
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert window.current is window.complaint
    assert staff_engine.waiting() == []


def test_a_closed_service_cannot_be_taken_by_its_key(qtbot, make_kiosk, staff_engine):
    staff_engine.db.transaction(
        lambda s: s.execute(update(Service).where(Service.code == "A").values(daily_limit=0))
    )
    window = make_kiosk().window
    assert list(window.home.services.tiles)[0] == "A"
    assert not window.home.services.tiles["A"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_1)
    assert window.current is window.home
    assert staff_engine.waiting() == []


def test_digits_of_a_scan_are_not_taken_for_keys(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    assert [t.label for t in staff_engine.waiting()] == []


def test_digit_n_on_the_faces_gives_score_n(qtbot, make_kiosk, staff_engine):
    issued = finished_ticket(staff_engine)
    window = make_kiosk().window
    scan(qtbot, window, issued.qr_payload)
    qtbot.waitUntil(lambda: window.current is window.rate_score, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: window.current is window.thanks, timeout=5000)
    assert ratings(staff_engine) == [(4, [], "")]
