"""SQLite's one-UPDATE call and finish (sql.sqlite_call_next, sql.SQLITE_FINISH with their
events), run by `Database.local` with the whole transaction bound before BEGIN IMMEDIATE.

They must do exactly what the long way does (the same ticket, the same rows, the same events),
fall back to it whenever they do not apply, and leave nothing half-written.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text, update

from common import sql
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from common.errors import DatabaseUnavailable, HallqError
from common.models import Event, Ticket, Window
from tests.common.hall_db import snapshot, update_window
from tests.common.test_engine_fast import STEP, assert_agree
from tests.common.test_engine_fast import _counting as _counting_the
from tests.conftest import START, sqlite_demo_hall


def _long_way_only(engine: QueueEngine) -> QueueEngine:
    engine._sqlite_params = lambda window: None  # type: ignore[method-assign]  # noqa: SLF001
    return engine


def _counting(engine: QueueEngine) -> dict[str, int]:
    """Count the one-UPDATE calls `engine` makes (and those that fell back)."""
    return _counting_the(engine, "_sqlite_call_next")


def _traced(db: Database) -> list[str]:
    """The SQL each connection `db` opens from now on runs (sqlite3's trace callback)."""
    statements: list[str] = []
    db.dispose()

    from sqlalchemy import event

    @event.listens_for(db.engine, "connect")
    def trace(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.set_trace_callback(statements.append)

    return statements


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=20, max_size=60))
def test_one_update_and_long_way_agree(steps):
    clock = ManualClock(START)
    with tempfile.TemporaryDirectory() as directory:
        fast_db = Database(sqlite_demo_hall(Path(directory, "fast.db")))
        long_db = Database(sqlite_demo_hall(Path(directory, "long.db")))
        try:
            fast = QueueEngine(fast_db, "main", clock=clock)
            long = _long_way_only(QueueEngine(long_db, "main", clock=clock))
            assert_agree(fast, long, _counting(fast), steps, clock)
        finally:
            fast_db.dispose()
            long_db.dispose()


@pytest.fixture
def lite(sqlite_url, clock):
    db = Database(sqlite_url, pool_size=1)
    yield QueueEngine(db, "main", clock=clock)
    db.dispose()


def _warm(engine: QueueEngine, tickets: int, staff: str | None = None) -> None:
    """Issue `tickets`, then the day's first call and finish (the long way)."""
    for _ in range(tickets):
        engine.issue("A")
    engine.call_next(1, staff=staff)
    engine.finish(1)


def test_a_call_and_a_finish_are_one_update_and_one_insert_each(lite: QueueEngine, clock):
    _warm(lite, 3, staff="1001")  # the engine learns the window and the clerk
    counts = _counting(lite)
    statements = _traced(lite.db)
    clock.advance(minutes=1)
    called = lite.call_next(1, staff="1001")
    done = lite.finish(1, "advice")
    assert counts == {"fast": 1, "long": 0}
    writes = [s.split()[0] for s in statements if not s.startswith("PRAGMA")]
    assert writes == ["BEGIN", "UPDATE", "INSERT", "COMMIT", "BEGIN", "INSERT", "UPDATE", "COMMIT"]
    assert (called.label, called.status, called.window, called.called_at) == (
        "A002",
        "called",
        1,
        clock.now(),
    )
    assert (called.staff_login, called.staff_name) == ("1001", "王丽")
    assert (called.service_code, called.service_name_zh) == ("A", lite.services()[0].name_zh)
    assert (done.label, done.status, done.outcome, done.finished_at, done.window) == (
        "A002",
        "done",
        "advice",
        clock.now(),
        1,
    )
    assert done.staff_login == "1001"


def test_waits_and_handling_times_are_exact_to_the_microsecond(lite: QueueEngine, clock):
    _warm(lite, 1)
    clock.advance(seconds=0.5)
    lite.issue("A")  # issued at .500000
    clock.advance(minutes=3, seconds=0.499999)  # called at .999999 of a second
    lite.call_next(1)
    lite.start(1)
    clock.advance(seconds=61.000002)
    lite.finish(1)
    row = lite.db.transaction(
        lambda s: s.execute(
            select(Ticket.wait_s, Ticket.handling_s, Ticket.called_at, Ticket.issued_at).where(
                Ticket.hall_id == lite.hall_id, Ticket.label == "A002"
            )
        ).one(),
        write=False,
    )
    assert row.wait_s == (row.called_at - row.issued_at).total_seconds() == 180.499999
    assert row.handling_s == 61.000002


def test_the_events_are_those_of_the_long_way(lite: QueueEngine, clock):
    _warm(lite, 2)
    lite.call_next(1, staff="1001")
    lite.finish(1, "办结")
    events = lite.db.transaction(
        lambda s: s.execute(
            select(Event.kind, Event.at, Event.details, Event.staff_id.is_not(None))
            .where(Event.hall_id == lite.hall_id, Event.kind.in_(["called", "finished"]))
            .order_by(Event.id)
        ).all(),
        write=False,
    )
    now = lite.clock.now()  # type: ignore[union-attr]
    assert [tuple(e) for e in events] == [
        ("called", now, {"label": "A001", "window": 1}, False),
        ("finished", now, {"label": "A001", "window": 1, "outcome": "done"}, False),
        ("called", now, {"label": "A002", "window": 1}, True),
        ("finished", now, {"label": "A002", "window": 1, "outcome": "办结"}, True),
    ]


def test_what_the_update_cannot_do_is_said_the_long_way(lite: QueueEngine, clock):
    _warm(lite, 1)
    counts = _counting(lite)
    with pytest.raises(HallqError) as empty:
        lite.call_next(1)
    assert empty.value.code == "empty"
    lite.issue("A")
    lite.issue("A")
    lite.call_next(2)  # window 2 learns its services (the long way)
    update_window(lite, 1, paused=True)
    before = snapshot(lite)
    with pytest.raises(HallqError) as paused:
        lite.call_next(1)
    assert paused.value.code == "paused"
    update_window(lite, 1, paused=False, active=False)
    with pytest.raises(HallqError) as closed:
        lite.call_next(1)
    assert closed.value.code == "window_closed"
    with pytest.raises(HallqError) as busy:
        lite.call_next(2)
    assert busy.value.code == "window_busy"
    with pytest.raises(HallqError) as nothing:
        lite.finish(1)
    assert nothing.value.code == "window_closed"
    after = snapshot(lite)
    assert (after.tickets, after.events) == (before.tickets, before.events)
    assert counts == {"fast": 0, "long": 5}


def test_a_new_service_day_takes_the_long_way(lite: QueueEngine, clock):
    """The counter's first call of a new day closes the earlier days first, the long way,
    even when the kiosk (another PC) already issued that day."""
    kiosk = QueueEngine(lite.db, "main", clock=clock)
    _warm(lite, 2)
    lite.call_next(1)  # A002, left called overnight
    counts = _counting(lite)
    clock.advance(days=1)
    kiosk.issue("A")
    kiosk.issue("A")
    assert lite.call_next(1).label == "A001"
    assert counts == {"fast": 0, "long": 1}
    lite.finish(1)
    assert lite.call_next(1).label == "A002"
    assert counts == {"fast": 1, "long": 1}


def test_a_window_renumbered_meanwhile_is_not_mistaken(lite: QueueEngine, clock):
    """The engine keeps window ids by number; a window deleted and made again under that
    number (another id) is found the long way until the engine refreshes."""
    _warm(lite, 3)
    lite.db.transaction(
        lambda s: s.execute(
            update(Window)
            .where(Window.hall_id == lite.hall_id, Window.number == 1)
            .values(number=99)
        )
    )
    with pytest.raises(HallqError) as unknown:
        lite.call_next(1)
    assert unknown.value.code == "unknown_window"


def test_a_failing_statement_leaves_nothing_and_no_lock(
    lite: QueueEngine, clock, sqlite_url, monkeypatch
):
    """The UPDATE runs, its event fails: both are rolled back, the write lock is given back,
    and the engine's next action works on the same connection."""
    _warm(lite, 3)
    before = snapshot(lite)
    monkeypatch.setattr(sql, "SQLITE_CALLED_EVENT", text("INSERT INTO no_such_table VALUES (1)"))
    with pytest.raises(HallqError):
        lite.call_next(1)
    monkeypatch.undo()
    assert snapshot(lite) == before
    other = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"), timeout=0)
    other.execute("BEGIN IMMEDIATE")  # the lock is free
    other.rollback()
    other.close()
    assert lite.call_next(1).label == "A002"


def _with_cursor_factory(factory: Any) -> Any:
    """common.db.run_local, on connections whose cursors are made by `factory`."""
    from common import direct

    class Conn:
        def __init__(self, conn: Any) -> None:
            self._conn = conn

        def cursor(self) -> Any:
            return self._conn.cursor(factory)

        def __getattr__(self, name: str) -> Any:
            return getattr(self._conn, name)

    return lambda conn, cache, statements: direct.run_local(Conn(conn), cache, statements)


def test_an_interrupted_transaction_is_rolled_back(lite: QueueEngine, clock, monkeypatch):
    """Ctrl-C while the UPDATE's rows are read: the transaction is rolled back, the lock
    given back, and the next action works."""
    _warm(lite, 3)
    before = snapshot(lite)

    class Interrupted(sqlite3.Cursor):
        def fetchall(self) -> list[Any]:
            super().fetchall()
            raise KeyboardInterrupt

    monkeypatch.setattr("common.db.run_local", _with_cursor_factory(Interrupted))
    with pytest.raises(KeyboardInterrupt):
        lite.call_next(1)
    monkeypatch.undo()
    leased = lite.db._lease.proxied  # noqa: SLF001
    assert leased is not None and not leased.driver_connection.in_transaction
    assert snapshot(lite) == before
    assert lite.call_next(1).label == "A002"


def test_the_connection_is_kept_between_actions_and_handed_back(lite: QueueEngine, clock):
    """A counter PC with one pooled connection: its actions keep it, and a transaction (here
    the window's state) gets that very connection back from the pool."""
    _warm(lite, 3)
    lite.call_next(1)
    leased = lite.db._lease.proxied  # noqa: SLF001
    assert leased is not None
    lite.finish(1)
    assert lite.db._lease.proxied is leased  # noqa: SLF001
    assert lite.window_state(1).number == 1  # pool_size=1: it waits for no second connection
    assert lite.db._lease.proxied is None  # noqa: SLF001
    assert lite.call_next(1).label == "A003"


def test_a_connection_gone_is_a_clear_message_then_replaced(lite: QueueEngine, clock):
    _warm(lite, 3)
    lite.call_next(1)
    leased = lite.db._lease.proxied  # noqa: SLF001
    leased.driver_connection.close()
    with pytest.raises(DatabaseUnavailable) as gone:
        lite.finish(1)
    assert "数据库" in str(gone.value)
    assert lite.db._lease.proxied is None  # noqa: SLF001
    assert lite.finish(1).label == "A002"
