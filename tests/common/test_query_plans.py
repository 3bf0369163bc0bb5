"""The queue's indexes hold only the tickets they serve (common.models.Ticket): the waiting ones,
the ones at a window, the parked ones. SQLite uses such a partial index only for a condition
written as the index's own, with the status in the SQL text (`status_is`), never bound.

Every statement the engine and the staff functions send during a day's work is recorded here
and its plan read back with the same values: none may read the whole tickets or events table,
the waiting tickets are read from the waiting indexes (not from the reports' index, which holds
every ticket of the day), and each partial index is used by something.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from typing import Any

import pytest

from common import admin, staff
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from common.errors import HallqError
from tests.conftest import START, sqlite_demo_hall

PARTIAL_INDEXES = {
    "ix_tickets_queue",
    "ix_tickets_waiting",
    "ix_tickets_target",
    "ix_tickets_parked",
    "ux_tickets_window_current",
}


class _Recorded:
    """The statements sent to sqlite3, each once, with the values of its first use."""

    def __init__(self) -> None:
        self.statements: dict[str, Any] = {}

    def add(self, sql_text: str, params: Any) -> None:
        first = sql_text.lstrip().split(None, 1)[0].upper() if sql_text.strip() else ""
        if first in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH"):
            self.statements.setdefault(sql_text, params)


@pytest.fixture
def recorded(monkeypatch) -> _Recorded:
    record = _Recorded()

    class Cursor(sqlite3.Cursor):
        def execute(self, sql_text: str, params: Any = ()) -> Any:  # type: ignore[override]
            record.add(sql_text, params)
            return super().execute(sql_text, params)

    class Connection(sqlite3.Connection):
        def cursor(self, factory: Any = Cursor) -> Any:  # type: ignore[override]
            return super().cursor(factory)

        def execute(self, sql_text: str, params: Any = ()) -> Any:  # type: ignore[override]
            record.add(sql_text, params)
            return super().execute(sql_text, params)

    real_connect = sqlite3.dbapi2.connect

    def connect(*args: Any, **kwargs: Any) -> Any:
        kwargs.setdefault("factory", Connection)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(sqlite3.dbapi2, "connect", connect)
    return record


def _a_day(engine: QueueEngine, clock: ManualClock) -> None:
    """Every action of a day at the counters, the kiosk and the supervisor's screens."""
    for code in ("A", "A", "B", "C", "A"):
        engine.issue(code)
    engine.issue("A", priority="elderly")
    staff.login(engine, "1001", "demo", window=1)
    engine.services()
    engine.waiting()
    engine.waiting(window=1)
    engine.call_next(1)
    engine.start(1)
    engine.park(1)
    engine.call_next(1)
    engine.finish(1)
    engine.resume(1)
    engine.recall(1)
    engine.transfer(1, to_service="B", note="企业户")
    engine.call_next(2)
    engine.transfer(2, to_window=3)
    engine.call_next(3)
    engine.reactivate(engine.no_show(3).label)
    issued = engine.issue("C")
    label = issued.ticket.label
    engine.call_specific(1, label)
    engine.finish(1)
    engine.rating_target(token=issued.ticket.token)
    engine.windows()
    engine.window_state(1)
    engine.pause(1, "午休")
    engine.unpause(1)
    staff.login(engine, "1002", "demo", window=1, takeover=True)  # the window's tickets move
    staff.today_figures(engine, "1002")
    window = next(w for w in admin.list_windows(engine) if w.number == 6)
    admin.save_window(engine, "9001", dataclasses.replace(window, active=False))
    clock.advance(minutes=5)
    engine.cancel(engine.issue("D").ticket.label)
    engine.close_day()


def test_queue_reads_use_the_partial_indexes(tmp_path, recorded) -> None:
    url = sqlite_demo_hall(tmp_path / "hall.db")
    db = Database(url)
    clock = ManualClock(START)
    engine = QueueEngine(db, "main", clock=clock)
    try:
        _a_day(engine, clock)
    except HallqError as e:  # pragma: no cover — the scenario itself is wrong
        pytest.fail(f"the scenario was refused: {e}")
    db.dispose()
    assert len(recorded.statements) > 20

    plans: dict[str, list[str]] = {}
    with sqlite3.connect(tmp_path / "hall.db") as conn:
        for sql_text, params in recorded.statements.items():
            plans[sql_text] = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql_text, params)]

    scans = {
        sql_text: line
        for sql_text, plan in plans.items()
        for line in plan
        if line.startswith("SCAN") and any(t in line for t in ("tickets", "events", "ticket "))
    }
    assert not scans, scans
    waiting_from_report_index = [
        sql_text
        for sql_text, plan in plans.items()
        if "'waiting'" in sql_text and any("ix_tickets_report" in line for line in plan)
    ]
    assert not waiting_from_report_index
    used = {
        name for plan in plans.values() for line in plan for name in PARTIAL_INDEXES if name in line
    }
    assert used == PARTIAL_INDEXES
