"""The board's parts, fed directly: what each shows, in both orientations and languages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QApplication

from common.admin import NoticeView
from common.clock import ManualClock
from common.engine import ServiceState, WindowState
from common.qt.i18n import install_translations
from display.current_call import CurrentCall
from display.hall_link import HallLink, next_midnight
from display.model_window import ModelWindowCard
from display.notice_band import NoticeBand
from display.operations import CallShown, Refresh
from display.palette import DARK, LIGHT
from display.recent_calls import RecentCalls
from display.waiting_counts import WaitingCounts
from display.window_grid import WindowGrid
from tests.conftest import HALL_TZ, START


def call(label: str, window: int, event_id: int = 1, recall: bool = False) -> CallShown:
    return CallShown(event_id, label, window, datetime.now(UTC), recall)


def window(number: int, state: str = "idle", label: str | None = None) -> WindowState:
    current = None
    if label:
        current = SimpleNamespace(label=label, status="serving" if state == "serving" else "called")
    return WindowState(
        number, f"{number}号窗口", state != "closed", state == "paused", "", None,
        None, None, (("A", 0),), current, (),
    )  # fmt: skip


def service(code: str, waiting: int, open_now: bool = True) -> ServiceState:
    return ServiceState(
        code, f"业务{code}", f"Service {code}", code, False, True, open_now,
        "" if open_now else "hours", "", waiting, 0.0, 0.0, waiting, None,
    )  # fmt: skip


def test_current_call_highlights_a_fresh_call_and_says_recall(qtbot):
    widget = CurrentCall(DARK)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    widget.set_call(call("A001", 1))
    assert not widget.highlighted
    with qtbot.waitSignal(widget.painted, timeout=2000) as blocker:
        widget.show_call(call("B002", 5, recall=True))
    assert blocker.args[0] == "B002"
    assert widget.highlighted
    qtbot.waitUntil(lambda: not widget.highlighted, timeout=12000)


def test_window_grid_follows_calls_and_states(qtbot):
    grid = WindowGrid(LIGHT)
    qtbot.addWidget(grid)
    grid.set_windows((window(1), window(2, "paused"), window(3, "serving", "C001")))
    assert [(n, t.state, t.label) for n, t in sorted(grid.tiles.items())] == [
        (1, "idle", ""),
        (2, "paused", ""),
        (3, "serving", "C001"),
    ]
    grid.show_call(call("A004", 1))
    assert (grid.tiles[1].state, grid.tiles[1].label) == ("calling", "A004")
    grid.show_call(call("Z999", 9))  # not a window of this board: ignored
    grid.update_window(window(1, "serving", "A004"))
    assert grid.tiles[1].state == "serving"
    grid.set_windows((window(1), window(3)))  # window 2 was removed by the admin
    assert sorted(grid.tiles) == [1, 3]


def test_recent_calls_list_a_number_once_newest_first(qtbot):
    recent = RecentCalls(DARK)
    qtbot.addWidget(recent)
    for i, (label, win) in enumerate([("A001", 1), ("A002", 2), ("A003", 1), ("A001", 1)]):
        recent.add(call(label, win, event_id=i + 1, recall=label == "A001" and i == 3))
    assert [(c.label, c.recall) for c in recent.calls] == [
        ("A001", True),
        ("A003", False),
        ("A002", False),
    ]
    # The newest is shown large elsewhere; the list shows the ones before it.
    assert [c.label for c in recent.shown()] == ["A003", "A002"]
    for i in range(20):
        recent.add(call(f"B{i:03d}", 2, event_id=100 + i))
    assert len(recent.calls) == 8


def test_waiting_counts_limit_to_the_services_of_the_board(qtbot):
    counts = WaitingCounts(DARK, english=False)
    qtbot.addWidget(counts)
    counts.set_services((service("A", 3), service("B", 0), service("C", 7, open_now=False)))
    assert [s.code for s in counts.shown()] == ["A", "B", "C"]
    counts.limit_to(frozenset({"A", "C"}))
    assert [(s.code, s.waiting) for s in counts.shown()] == [("A", 3), ("C", 7)]


def test_notice_band_filters_by_validity_and_reacts_to_time(qtbot):
    clock = ManualClock(START)
    band = NoticeBand(DARK, clock, english=True)
    qtbot.addWidget(band)
    now = clock.now()
    band.set_notices(
        (
            NoticeView(1, "outage", "停电", "Outage", now - timedelta(hours=1), now + timedelta(seconds=1)),
            NoticeView(2, "tariff", "电价", "", None, None),
            NoticeView(3, "general", "明天", "Tomorrow", now + timedelta(days=1), None),
        )
    )  # fmt: skip
    assert [n.id for n in band.visible_notices] == [1, 2]
    # English text when there is one, the Chinese otherwise.
    assert [text for _, text in band.segments()] == ["Outage", "电价"]
    clock.advance(seconds=2)
    qtbot.waitUntil(lambda: [n.id for n in band.visible_notices] == [2], timeout=5000)


def test_model_window_card_with_and_without_a_leader(qtbot):
    card = ModelWindowCard(DARK)
    qtbot.addWidget(card)
    card.resize(700, 150)
    card.show()
    card.set_model(None)
    card.grab()
    card.set_model(SimpleNamespace(window=3, staff_name="张敏", avg_score=4.87, ratings=23))
    card.grab()
    assert card.model.window == 3


def test_next_midnight_is_in_the_halls_timezone():
    # 2026-03-02 17:00 UTC is 2026-03-03 01:00 in Shanghai: the next midnight is the 4th.
    now = datetime(2026, 3, 2, 17, 0, tzinfo=UTC)
    midnight = next_midnight(now, HALL_TZ)
    assert midnight == datetime(2026, 3, 4, 0, 0, tzinfo=HALL_TZ)
    assert midnight.astimezone(UTC) == datetime(2026, 3, 3, 16, 0, tzinfo=UTC)


def test_a_window_answer_older_than_a_painted_call_is_dropped(qtbot, runner):
    link = HallLink("sqlite:///unused.db", "main", runner)
    link._syncing = False
    link._direct[1] = 50  # a call painted from the feed at event 50
    shown: list[int] = []
    link.window_updated.connect(lambda state: shown.append(state.number))
    link._refreshing = True
    link._on_refreshed(Refresh(stamp=49, windows=(window(1), window(2))))
    assert shown == [2]
    link._refreshing = True
    link._on_refreshed(Refresh(stamp=50, windows=(window(1),)))
    assert shown == [2, 1]


@pytest.fixture
def english():
    app = QApplication.instance()
    install_translations(app, "en", ["display", "common"])
    yield
    install_translations(app, "zh_CN", ["display", "common"])


def test_the_board_speaks_english_when_asked(qtbot, english):
    widget = CurrentCall(DARK)
    qtbot.addWidget(widget)
    assert widget.tr("请 {number} 号") == "Number {number}"
    assert widget.tr("正在呼叫") == "Now calling"
    grid = WindowGrid(DARK)
    qtbot.addWidget(grid)
    grid.set_windows((window(4, "paused"),))
    assert grid.tiles[4].state_text() == "Paused"


def test_the_board_lays_out_for_portrait(qtbot, make_display, sqlite_url):
    display = make_display(sqlite_url, "main", size=(1080, 1920))
    board = display.board
    qtbot.waitUntil(lambda: board._portrait is True, timeout=5000)
    assert board.windows._columns == 3
    assert board.current_call.width() > board.current_call.height()
    assert board.current_call.width() > 0.9 * board.width()
    board.resize(1920, 1080)
    qtbot.waitUntil(lambda: board._portrait is False, timeout=5000)
    qtbot.waitUntil(lambda: board.current_call.width() < 0.7 * board.width(), timeout=5000)
    assert board.header.time_text()
