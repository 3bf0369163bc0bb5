"""Kiosk mode: idle return, database outage and recovery, the hidden way out, languages."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from common.errors import DatabaseUnavailable


def test_idle_goes_home_and_back_to_the_pcs_language(qtbot, make_kiosk):
    window = make_kiosk().window
    window.set_language("en")
    window.home.complaint_button.click()
    window.complaint.free_text.setText("left behind")
    window.idle.set_seconds(0.2)
    qtbot.waitUntil(lambda: window.current is window.home, timeout=5000)
    assert window.language == "zh_CN"
    assert window.home.rate_button.text() == "评价服务"
    assert window.complaint.free_text.text() == ""


def test_the_idle_time_comes_from_the_hall_settings(make_kiosk):
    kiosk = make_kiosk()
    assert kiosk.window.idle.seconds == kiosk.hall.snapshot.settings.kiosk_idle_seconds


def fail_database(engine, monkeypatch) -> None:
    def unavailable(*args, **kwargs):
        raise DatabaseUnavailable(
            "数据库不可用 / database unavailable: test", code="db_unavailable"
        )

    monkeypatch.setattr(engine.db, "transaction", unavailable)


def test_an_outage_pauses_ticketing_and_it_recovers_by_itself(qtbot, make_kiosk, monkeypatch):
    monkeypatch.setattr("kiosk.hall_state.RETRY_MS", 100)
    kiosk = make_kiosk()
    window = kiosk.window
    fail_database(kiosk.hall.engine, monkeypatch)
    window.home.services.tiles["A"].click()
    qtbot.waitUntil(lambda: window.current is window.suspended, timeout=5000)
    assert window.suspended._title.text() == "暂停取号"
    # A tap while paused does nothing.
    assert kiosk.desk.issue("A") is False
    monkeypatch.undo()
    qtbot.waitUntil(lambda: window.current is window.home, timeout=5000)
    assert kiosk.hall.available is True


def test_the_feed_losing_the_database_pauses_and_its_return_recovers(qtbot, make_kiosk):
    kiosk = make_kiosk(feed=True)
    window = kiosk.window
    feed = kiosk.hall.feed
    qtbot.waitUntil(lambda: feed.connected, timeout=5000)
    feed.connection_changed.emit(False, "server closed the connection")
    assert window.current is window.suspended
    feed.connection_changed.emit(True, "")
    qtbot.waitUntil(lambda: window.current is window.home, timeout=5000)


def test_a_kiosk_that_starts_without_its_database_waits_and_then_opens(
    qtbot, make_kiosk, monkeypatch, hall_url
):
    import kiosk.app as app_module
    from common.db import Database

    monkeypatch.setattr("kiosk.hall_state.RETRY_MS", 100)
    attempts = []
    real = app_module.build_kiosk

    def flaky_build(connect, *args, **kwargs):
        def connect_later():
            attempts.append(1)
            if len(attempts) < 3:
                raise DatabaseUnavailable("down", code="db_unavailable")
            return connect()

        return real(connect_later, *args, **kwargs)

    monkeypatch.setattr("tests.kiosk.conftest.build_kiosk", flaky_build)
    kiosk = make_kiosk()
    assert len(attempts) == 3
    assert kiosk.window.current is kiosk.window.home
    assert isinstance(kiosk.hall.engine.db, Database)


def test_an_unexpected_error_shows_no_traceback_and_goes_home(qtbot, make_kiosk, monkeypatch):
    kiosk = make_kiosk()
    window = kiosk.window

    def bug(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("kiosk.operations.issue_ticket", bug)
    window.home.services.tiles["A"].click()
    qtbot.waitUntil(lambda: window.ticket.error_text != "", timeout=5000)
    assert window.ticket.error_text == "系统出了点问题，请稍后再试或联系工作人员。"
    assert "ZeroDivisionError" not in window.ticket._service.text()
    assert kiosk.hall.available is True


def test_fullscreen_cannot_be_closed_without_the_pin(qtbot, make_kiosk):
    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint
    assert flags & Qt.WindowType.WindowStaysOnTopHint
    window.close()
    assert window.isVisible()


def test_a_long_press_in_the_corner_and_the_pin_close_the_kiosk(qtbot, make_kiosk):
    kiosk = make_kiosk(kiosk_mode=True)
    window = kiosk.window
    QTest.mousePress(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.waitUntil(lambda: window.current is window.admin_exit, timeout=6000)
    QTest.mouseRelease(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    screen = window.admin_exit
    for key in "1234":
        screen.pad.key.emit(key)
    screen.ok_button.click()
    assert screen.error.text() == "密码不对"
    assert window.isVisible()
    for key in kiosk.hall.snapshot.settings.kiosk_pin:
        screen.pad.key.emit(key)
    screen.ok_button.click()
    assert not window.isVisible()


def test_a_short_press_in_the_corner_does_nothing(qtbot, make_kiosk):
    window = make_kiosk(kiosk_mode=True).window
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    qtbot.wait(200)
    assert window.current is window.home
    assert not window.corner._hold.isActive()


def test_the_language_button_switches_every_screen(qtbot, make_kiosk):
    kiosk = make_kiosk()
    window = kiosk.window
    window.header._language.click()
    assert window.language == "en"
    assert window.home.rate_button.text() == "Rate our service"
    assert window.home.services.tiles["A"].detail_lines()[0] == "0 waiting"
    assert window.header._name.text() == "Demo Power Supply Hall"
    assert window.header._language.text() == "中文"
    window.header._language.click()
    assert window.home.rate_button.text() == "评价服务"


def test_both_shapes_lay_out(qtbot, make_kiosk):
    kiosk = make_kiosk(size=(1920, 1080))
    assert kiosk.window.home.landscape
    kiosk.window.resize(1080, 1920)
    qtbot.waitUntil(lambda: not kiosk.window.home.landscape, timeout=2000)
