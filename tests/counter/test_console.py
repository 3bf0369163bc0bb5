"""The clerk's console: every action by hotkey, what is enabled when, refusals, recovery."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from counter.dialogs.call_number import CallNumberDialog
from counter.dialogs.finish import FinishDialog
from counter.dialogs.pause import PauseDialog
from counter.dialogs.transfer import TransferDialog, TransferRequest
from counter.screens.console import ConsoleScreen
from counter.widgets.waiting_list import wait_level

from .conftest import OFFSCREEN_NOISE, TIMEOUT_MS

pytestmark = OFFSCREEN_NOISE


class SilentFeed(QObject):
    """A feed that never reports anything: the console only knows what it loaded itself."""

    changed = Signal(list)
    connection_changed = Signal(bool, str)


@pytest.fixture
def console(qtbot, hall_engine, runner, feed, log_in, settle):
    def make(window: int = 1, login: str = "1001", change_feed=None) -> ConsoleScreen:
        screen = ConsoleScreen(hall_engine, runner, change_feed or feed, log_in(login, window))
        qtbot.addWidget(screen)
        screen.resize(1366, 700)
        with qtbot.waitSignal(screen.loaded, timeout=TIMEOUT_MS):
            screen.show()
        qtbot.waitExposed(screen)
        screen.activateWindow()
        qtbot.waitUntil(screen.isActiveWindow, timeout=TIMEOUT_MS)
        settle(screen)
        return screen

    return make


def press(qtbot, settle, screen: ConsoleScreen, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)
    settle(screen)


def current(screen: ConsoleScreen):
    assert screen.state is not None
    return screen.state.current


def test_every_action_by_hotkey(qtbot, console, hall_engine, settle, monkeypatch):
    first = hall_engine.issue("A").ticket.label
    second = hall_engine.issue("A").ticket.label
    third = hall_engine.issue("C").ticket.label
    screen = console()
    qtbot.waitUntil(lambda: screen.waiting.count == 3, timeout=TIMEOUT_MS)

    press(qtbot, settle, screen, Qt.Key.Key_F1)
    assert current(screen).label == first and screen.state.state == "calling"
    assert screen.current.number_text == first

    press(qtbot, settle, screen, Qt.Key.Key_F2)
    assert current(screen).recall_count == 1

    press(qtbot, settle, screen, Qt.Key.Key_F3)
    assert screen.state.state == "serving"

    monkeypatch.setattr(FinishDialog, "ask", classmethod(lambda cls, parent, label: "accepted"))
    press(qtbot, settle, screen, Qt.Key.Key_F4)
    assert current(screen) is None
    assert hall_engine.find_ticket(first).outcome == "accepted"
    qtbot.waitUntil(lambda: "1" in screen.figures.text(), timeout=TIMEOUT_MS)

    press(qtbot, settle, screen, Qt.Key.Key_F1)
    assert current(screen).label == second
    # 过号 needs the key twice: the first press only arms it.
    press(qtbot, settle, screen, Qt.Key.Key_F5)
    assert current(screen).label == second
    press(qtbot, settle, screen, Qt.Key.Key_F5)
    assert current(screen) is None
    assert hall_engine.find_ticket(second).status == "no_show"

    press(qtbot, settle, screen, Qt.Key.Key_F1)
    assert current(screen).label == third
    monkeypatch.setattr(
        TransferDialog,
        "ask",
        classmethod(lambda cls, *a: TransferRequest(None, 4, "已收资料")),
    )
    press(qtbot, settle, screen, Qt.Key.Key_F6)
    moved = hall_engine.find_ticket(third)
    assert (moved.status, moved.target_window, moved.transfer_note) == ("waiting", 4, "已收资料")
    assert current(screen) is None

    fourth = hall_engine.issue("A").ticket.label
    qtbot.waitUntil(lambda: fourth in screen.waiting.labels, timeout=TIMEOUT_MS)
    monkeypatch.setattr(CallNumberDialog, "ask", classmethod(lambda cls, parent, s="": fourth))
    press(qtbot, settle, screen, Qt.Key.Key_F10)
    assert current(screen).label == fourth

    press(qtbot, settle, screen, Qt.Key.Key_F7)
    assert current(screen) is None and [t.label for t in screen.state.parked] == [fourth]
    press(qtbot, settle, screen, Qt.Key.Key_F8)
    assert current(screen).label == fourth

    monkeypatch.setattr(PauseDialog, "ask", classmethod(lambda cls, parent: "午间休息"))
    press(qtbot, settle, screen, Qt.Key.Key_F9)
    assert screen.state.paused and screen.state.pause_reason == "午间休息"
    assert not screen.action_panel.buttons["call_next"].isEnabled()
    press(qtbot, settle, screen, Qt.Key.Key_F9)
    assert not screen.state.paused


def test_actions_that_do_not_apply_are_disabled(qtbot, console, hall_engine, settle):
    screen = console()
    buttons = screen.action_panel.buttons
    assert buttons["pause"].isEnabled()
    for action in (
        "call_next",
        "recall",
        "start",
        "finish",
        "no_show",
        "transfer",
        "park",
        "resume",
    ):
        assert not buttons[action].isEnabled(), action
    press(qtbot, settle, screen, Qt.Key.Key_F2)
    assert current(screen) is None
    hall_engine.issue("A")
    qtbot.waitUntil(lambda: buttons["call_next"].isEnabled(), timeout=TIMEOUT_MS)
    press(qtbot, settle, screen, Qt.Key.Key_F1)
    assert buttons["start"].isEnabled() and buttons["no_show"].isEnabled()
    assert not buttons["call_next"].isEnabled() and not buttons["call_number"].isEnabled()
    press(qtbot, settle, screen, Qt.Key.Key_F3)
    assert not buttons["no_show"].isEnabled() and not buttons["recall"].isEnabled()
    assert buttons["finish"].isEnabled() and buttons["transfer"].isEnabled()


def test_a_refused_call_shows_a_short_message(qtbot, console, hall_engine, settle):
    hall_engine.issue("A")
    screen = console(change_feed=SilentFeed())
    assert screen.action_panel.buttons["call_next"].isEnabled()
    # Another window takes the only customer; this console has not heard of it yet.
    hall_engine.call_next(2)
    press(qtbot, settle, screen, Qt.Key.Key_F1)
    assert current(screen) is None
    assert screen.status.isVisible() and screen.status.text() == "没有等候的客户。"
    assert screen.waiting.count == 0


def test_restart_resumes_the_current_ticket(qtbot, console, hall_engine, settle):
    label = hall_engine.issue("A").ticket.label
    hall_engine.call_next(1, staff="1001")
    hall_engine.start(1)
    hall_engine.issue("A")
    hall_engine.call_next(2, staff="1002")
    hall_engine.park(2)
    hall_engine.pause(1, "午间休息")
    before = console()
    assert current(before).label == label and before.state.state == "serving"
    assert before.current.number_text == label
    before.close()
    before.deleteLater()
    again = console()
    assert current(again).label == label and again.state.paused
    assert again.action_panel.buttons["finish"].isEnabled()
    assert not again.action_panel.buttons["call_next"].isEnabled()


def test_live_updates_and_takeover(qtbot, console, hall_engine, log_in):
    screen = console()
    issued = hall_engine.issue("A", "elderly").ticket.label
    qtbot.waitUntil(lambda: screen.waiting.labels == [issued], timeout=TIMEOUT_MS)
    hall_engine.call_next(2)
    qtbot.waitUntil(lambda: screen.waiting.count == 0, timeout=TIMEOUT_MS)
    with qtbot.waitSignal(screen.signed_out, timeout=TIMEOUT_MS) as signal:
        log_in("1002", 1, takeover=True)
    assert "1002" in signal.args[0]


def test_waits_are_coloured_against_the_sla():
    assert wait_level(5, 20) == "ok"
    assert wait_level(15, 20) == "near"
    assert wait_level(20, 20) == "over"


def test_a_ticket_from_another_process_appears(qtbot, console, sqlite_url):
    screen = console()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "common.cli",
            "issue",
            "A",
            "--priority",
            "elderly",
            "--db",
            sqlite_url,
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    qtbot.waitUntil(lambda: screen.waiting.labels == ["A001"], timeout=TIMEOUT_MS)
    assert screen.action_panel.buttons["call_next"].isEnabled()
    assert "A001" in screen.current.hint_text
