"""Logging in at the counter: wrong passwords, lock-out, takeover, and who may open what."""

from __future__ import annotations

import pytest

from counter.dialogs.confirm import Confirm
from counter.screens.login import LoginScreen
from counter.screens.workspace import Workspace
from counter.ticket_printing import TicketPrinting

from .conftest import OFFSCREEN_NOISE, TIMEOUT_MS

pytestmark = OFFSCREEN_NOISE


@pytest.fixture
def login_screen(qtbot, hall_engine, runner):
    screen = LoginScreen(hall_engine, runner, hall_engine.settings, window=1)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.loaded, timeout=TIMEOUT_MS):
        screen.show()
    return screen


def test_window_list_shows_who_is_there(login_screen, log_in, qtbot):
    field = login_screen.window_field
    assert field.currentData() == 1
    assert field.itemData(0) is None  # supervisors may stay out of any window
    log_in("1002", 2)
    with qtbot.waitSignal(login_screen.loaded, timeout=TIMEOUT_MS):
        login_screen.reload_windows()
    assert "李强" in field.itemText(field.findData(2))


def test_wrong_password_then_lock_out(login_screen, hall_engine, qtbot):
    login_screen.login_field.setText("1001")
    for _ in range(hall_engine.settings.max_failed_logins - 1):
        login_screen.password_field.setText("wrong")
        with qtbot.waitSignal(login_screen.failed, timeout=TIMEOUT_MS) as refused:
            login_screen.submit_button.click()
        assert refused.args == ["工号或密码不对。"]
    login_screen.password_field.setText("wrong")
    with qtbot.waitSignal(login_screen.failed, timeout=TIMEOUT_MS) as locked:
        login_screen.submit_button.click()
    assert "锁定" in locked.args[0]
    login_screen.password_field.setText("demo")
    with qtbot.waitSignal(login_screen.failed, timeout=TIMEOUT_MS) as still:
        login_screen.password_field.returnPressed.emit()
    assert "锁定" in still.args[0]


def test_takeover_asks_first(login_screen, log_in, qtbot, monkeypatch):
    log_in("1002", 1)
    answers = iter([False, True])
    monkeypatch.setattr(Confirm, "ask", classmethod(lambda cls, *a: next(answers)))
    with qtbot.waitSignal(login_screen.failed, timeout=TIMEOUT_MS) as refused:
        login_screen.submit("1001", "demo", 1)
    assert "李强" in refused.args[0]
    with qtbot.waitSignal(login_screen.logged_in, timeout=TIMEOUT_MS) as logged:
        login_screen.submit("1001", "demo", 1)
    assert logged.args[0].took_over_from == "李强"


@pytest.mark.parametrize(
    ("login", "window", "views"),
    [
        ("1001", 1, ["console"]),
        ("9001", None, ["supervisor", "complaints", "admin"]),
        ("9001", 2, ["console", "supervisor", "complaints", "admin"]),
    ],
)
def test_views_follow_the_role(
    qtbot, hall_engine, runner, feed, log_in, login, window, views, monkeypatch
):
    monkeypatch.setattr("counter.screens.workspace.reports_view_class", lambda: None)
    user = log_in(login, window)
    workspace = Workspace(
        hall_engine, runner, feed, user, hall_engine.settings, TicketPrinting.none()
    )
    qtbot.addWidget(workspace)
    assert workspace.available_views == views
    assert workspace.show_view("admin") == ("admin" in views)
    with qtbot.waitSignal(workspace.view_loaded, timeout=TIMEOUT_MS):
        workspace.show()
