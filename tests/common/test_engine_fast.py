"""PostgreSQL's one-statement call and finish (sql.fast_call_next, sql.FAST_FINISH).

They must do exactly what the long way does (the same ticket, the same rows, the same events),
fall back to it whenever they do not apply, and survive what the long way survives.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from common import hall
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine, TicketView
from common.errors import HallqError
from common.models import Event, Ticket, Window
from tests.conftest import START

pytestmark = pytest.mark.pg

PRIORITIES = ["none", "none", "none", "elderly", "military", "vip"]
ISSUE = st.tuples(st.just("issue"), st.sampled_from("ABCDE"), st.sampled_from(PRIORITIES))
STEP = st.one_of(
    ISSUE,
    ISSUE,
    st.tuples(st.just("wait"), st.integers(min_value=1, max_value=25)),
    # What a clerk does all day: finish the current customer (if any), call the next one.
    st.tuples(st.just("next"), st.integers(min_value=1, max_value=6), st.booleans()),
    st.tuples(st.just("next"), st.integers(min_value=1, max_value=6), st.booleans()),
    st.tuples(st.just("call"), st.integers(min_value=1, max_value=6), st.booleans()),
    st.tuples(st.just("finish"), st.integers(min_value=1, max_value=6)),
    st.tuples(st.just("send"), st.integers(min_value=1, max_value=6)),
)


def _demo_hall(url: str) -> str:
    code = f"f_{uuid.uuid4().hex[:8]}"
    db = Database(url)
    db.transaction(lambda s: hall.seed_demo(s, code))
    db.dispose()
    return code


def _long_way_only(engine: QueueEngine) -> QueueEngine:
    engine._fast_params = lambda window: None  # type: ignore[method-assign]  # noqa: SLF001
    return engine


def _counting(engine: QueueEngine, short_way: str = "_fast_call_next") -> dict[str, int]:
    """Count the one-statement calls `engine` makes (and those that fell back), as its method
    `short_way` answers them."""
    counts = {"fast": 0, "long": 0}
    original = getattr(engine, short_way)

    def counted(window: int, staff: str | None) -> TicketView | None:
        view = original(window, staff)
        counts["fast" if view is not None else "long"] += 1
        return view

    setattr(engine, short_way, counted)
    return counts


def _comparable(view: TicketView) -> dict[str, Any]:
    return {k: v for k, v in dataclasses.asdict(view).items() if k not in ("id", "token")}


def _run(engine: QueueEngine, step: tuple[Any, ...], clock: ManualClock) -> Any:
    kind = step[0]
    try:
        if kind == "issue":
            return _comparable(engine.issue(step[1], priority=step[2]).ticket)
        if kind == "wait":
            clock.advance(minutes=step[1])
            return None
        if kind == "next":
            with contextlib.suppress(HallqError):
                engine.finish(step[1])
        if kind in ("call", "next"):
            staff = f"100{step[1]}" if step[2] else None
            return _comparable(engine.call_next(step[1], staff=staff))
        if kind == "finish":
            return _comparable(engine.finish(step[1], "done"))
        # Send the window's current customer to window (n % 6) + 1, to be called there first.
        return _comparable(engine.transfer(step[1], to_window=step[1] % 6 + 1))
    except HallqError as e:
        return (type(e).__name__, e.code)


def _written(engine: QueueEngine) -> tuple[list[Any], list[Any]]:
    def run(s: Any) -> tuple[list[Any], list[Any]]:
        windows = dict(
            s.execute(
                select(Window.id, Window.number).where(Window.hall_id == engine.hall_id)
            ).all()
        )
        tickets = [
            (
                r.label,
                r.status,
                windows.get(r.window_id),
                r.staff_id is not None,
                r.called_at,
                r.first_called_at,
                r.finished_at,
                r.wait_s,
                r.handling_s,
                r.outcome,
            )
            for r in s.execute(
                select(Ticket).where(Ticket.hall_id == engine.hall_id).order_by(Ticket.id)
            ).scalars()
        ]
        events = [
            (r.kind, r.at, windows.get(r.window_id), r.staff_id is not None, r.details)
            for r in s.execute(
                select(Event).where(Event.hall_id == engine.hall_id).order_by(Event.id)
            ).scalars()
            if r.kind != "settings_changed"
        ]
        return tickets, events

    return engine.db.transaction(run, write=False)


def assert_agree(
    fast: QueueEngine,
    long: QueueEngine,
    counts: dict[str, int],
    steps: list[tuple[Any, ...]],
    clock: ManualClock,
) -> None:
    """`fast` and `long` (the long way only) answer `steps` alike and write the same."""
    # Every window once the long way first: the engine then knows its services.
    prelude = [("call", n, False) for n in range(1, 7)]
    # And a clerk's usual morning at the end, so each example takes the short way.
    coda = [("issue", "A", "none")] * 3 + [("next", 1, True)] * 3
    for step in prelude + steps + coda:
        assert _run(fast, step, clock) == _run(long, step, clock), step
    assert _written(fast) == _written(long)
    assert counts["fast"] >= 1


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEP, min_size=20, max_size=60))
def test_one_statement_and_long_way_agree(pg_server_url, steps):
    clock = ManualClock(START)
    db = Database(pg_server_url)
    try:
        fast = QueueEngine(db, _demo_hall(pg_server_url), clock=clock)
        long = _long_way_only(QueueEngine(db, _demo_hall(pg_server_url), clock=clock))
        assert_agree(fast, long, _counting(fast), steps, clock)
    finally:
        db.dispose()


def test_the_one_statement_path_is_taken(engine: QueueEngine, clock):
    counts = _counting(engine)
    for _ in range(4):
        engine.issue("A")
    clock.advance(minutes=1)
    first = engine.call_next(1, staff="1001")  # the day's first action: the long way
    engine.finish(1)
    second = engine.call_next(1, staff="1001")
    assert (first.label, second.label) == ("A001", "A002")
    assert counts == {"fast": 1, "long": 1}
    assert second.staff_login == "1001" and second.staff_name == "王丽"
    assert second.called_at == clock.now() and second.window == 1
    done = engine.finish(1, "advice")
    assert (done.label, done.status, done.outcome, done.finished_at) == (
        "A002",
        "done",
        "advice",
        clock.now(),
    )


@pytest.fixture
def engine(pg_hall, clock):
    url, code = pg_hall
    db = Database(url)
    yield QueueEngine(db, code, clock=clock)
    db.dispose()


def _admin_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_a_second_current_ticket_is_refused_not_written(engine: QueueEngine, clock):
    """A call that waited for the window's lock while another PC called there: its statement
    still sees the window idle, the database refuses a second current ticket, and the long
    way says why."""
    for _ in range(3):
        engine.issue("A")
    engine.call_next(1)
    engine.finish(1)  # the day's first actions: the engine knows window 1 now
    window_id, waiting = engine.db.transaction(
        lambda s: (
            s.execute(
                select(Window.id).where(Window.hall_id == engine.hall_id, Window.number == 1)
            ).scalar_one(),
            s.execute(
                select(Ticket.id)
                .where(Ticket.hall_id == engine.hall_id, Ticket.status == "waiting")
                .order_by(Ticket.id)
            )
            .scalars()
            .all(),
        ),
        write=False,
    )
    other = psycopg.connect(_admin_url(engine.db.url.render_as_string(hide_password=False)))
    other.execute("SELECT 1 FROM windows WHERE id = %s FOR UPDATE", (window_id,))
    other.execute(
        "UPDATE tickets SET status = 'called', window_id = %s, called_at = now() WHERE id = %s",
        (window_id, waiting[-1]),
    )
    outcome: list[Any] = []

    def call() -> None:
        try:
            outcome.append(engine.call_next(1))
        except HallqError as e:
            outcome.append(e)

    caller = threading.Thread(target=call)
    caller.start()
    time.sleep(0.5)  # the call waits for the window's lock
    assert not outcome
    other.commit()
    other.close()
    caller.join(10)
    assert len(outcome) == 1 and isinstance(outcome[0], HallqError)
    assert outcome[0].code == "window_busy"
    current = engine.db.transaction(
        lambda s: (
            s.execute(
                select(Ticket.id).where(
                    Ticket.window_id == window_id, Ticket.status.in_(["called", "serving"])
                )
            )
            .scalars()
            .all()
        ),
        write=False,
    )
    assert current == [waiting[-1]]


def _counter_pc(pg_hall: tuple[str, str], clock: ManualClock, tickets: int) -> Any:
    """A counter PC's engine (one pooled connection) after the day's first call and finish,
    with `tickets` issued: the next call and finish take the short way."""
    url, code = pg_hall
    db = Database(url, pool_size=1)
    engine = QueueEngine(db, code, clock=clock)
    counts = _counting(engine)
    for _ in range(tickets):
        engine.issue("A")
    engine.call_next(1)
    engine.finish(1)
    return url, db, engine, counts


def test_a_connection_the_server_ended_is_replaced_first(pg_hall, clock):
    url, db, engine, counts = _counter_pc(pg_hall, clock, 3)
    pid = db.transaction(lambda s: s.execute(text("SELECT pg_backend_pid()")).scalar_one())
    with psycopg.connect(_admin_url(url), autocommit=True) as conn:
        assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
    time.sleep(0.2)
    assert engine.call_next(1).label == "A002"
    assert counts["fast"] == 1
    # And once more after finishing, on the same (new) connection.
    engine.finish(1)
    db.dispose()


def test_a_new_service_day_takes_the_long_way(engine: QueueEngine, clock):
    """The statement checks the day it was meant for: the first call of a new day closes the
    earlier days first, the long way, even when the kiosk already issued that day."""
    kiosk = QueueEngine(engine.db, engine.hall_code, clock=clock)
    kiosk.issue("A")
    engine.call_next(1)
    engine.finish(1)
    kiosk.issue("A")
    engine.call_next(1)  # left called overnight
    counts = _counting(engine)
    clock.advance(days=1)
    kiosk.issue("A")
    kiosk.issue("A")
    assert engine.call_next(1).label == "A001"
    assert counts == {"fast": 0, "long": 1}
    statuses = engine.db.transaction(
        lambda s: s.execute(
            select(Ticket.label, Ticket.day, Ticket.status)
            .where(Ticket.hall_id == engine.hall_id)
            .order_by(Ticket.id)
        ).all(),
        write=False,
    )
    today = engine.service_day(clock.now())
    assert [(label, status) for label, day, status in statuses if day < today] == [
        ("A001", "done"),
        ("A002", "expired"),
    ]
    engine.finish(1)
    assert engine.call_next(1).label == "A002"
    assert counts == {"fast": 1, "long": 1}


def test_listeners_hear_one_statement_actions_and_the_rest(engine: QueueEngine, clock):
    url = _admin_url(engine.db.url.render_as_string(hide_password=False))
    listener = psycopg.connect(url, autocommit=True)
    listener.execute(f"LISTEN hallq_{engine.hall_id}")

    def heard(within: float = 2.0) -> int:
        got = 0
        for _ in listener.notifies(timeout=within, stop_after=1):
            got += 1
        deadline = time.monotonic() + 0.2
        while time.monotonic() < deadline:
            for _ in listener.notifies(timeout=0.05):
                got += 1
        return got

    engine.issue("A")  # a direct transaction: woken after COMMIT
    assert heard() >= 1
    engine.issue("A")
    engine.call_next(1)
    assert heard() >= 1
    engine.finish(1)
    assert heard() >= 1
    engine.call_next(1)  # one statement
    assert heard() >= 1
    engine.finish(1)  # one statement
    assert heard() >= 1
    # A write through a Session (the supervisor's screens) is woken by the trigger.
    engine.db.transaction(
        lambda s: s.add(
            Event(hall_id=engine.hall_id, at=clock.now(), kind="settings_changed", details={})
        )
    )
    assert heard() >= 1
    listener.close()


def test_the_trigger_leaves_the_wake_up_to_who_asks(engine: QueueEngine, clock):
    url = _admin_url(engine.db.url.render_as_string(hide_password=False))
    listener = psycopg.connect(url, autocommit=True)
    listener.execute(f"LISTEN hallq_{engine.hall_id}")
    insert = "INSERT INTO events (hall_id, at, kind, details) VALUES (%s, now(), 'device', '{}')"
    with psycopg.connect(url) as writer:
        writer.execute("SELECT set_config('hallq.notify', 'after_commit', true)")
        writer.execute(insert, (engine.hall_id,))
        writer.commit()
        assert list(listener.notifies(timeout=0.5)) == []
        writer.execute(insert, (engine.hall_id,))  # a new transaction: the trigger wakes
        writer.commit()
        assert len(list(listener.notifies(timeout=2, stop_after=1))) == 1
    listener.close()


def test_a_paused_window_or_empty_queue_is_said_the_long_way(engine: QueueEngine, clock):
    from tests.common.hall_db import snapshot, update_window

    engine.issue("A")
    engine.call_next(1)
    engine.finish(1)
    counts = _counting(engine)
    with pytest.raises(HallqError) as empty:
        engine.call_next(1)
    assert empty.value.code == "empty"
    update_window(engine, 1, paused=True)
    engine.issue("A")
    before = snapshot(engine)
    with pytest.raises(HallqError) as paused:
        engine.call_next(1)
    assert paused.value.code == "paused"
    assert snapshot(engine) == before
    assert counts == {"fast": 0, "long": 2}


def test_one_statement_actions_and_transactions_share_a_connection(pg_hall, clock):
    """The thread keeps its connection between one-statement actions and hands it back to
    the pool for its next transaction: a counter PC holds no extra connection."""
    _, db, engine, counts = _counter_pc(pg_hall, clock, 4)
    pid = lambda: db.transaction(  # noqa: E731
        lambda s: s.execute(text("SELECT pg_backend_pid()")).scalar_one(), write=False
    )
    before = pid()
    engine.call_next(1)
    engine.finish(1)
    engine.call_next(1)
    assert db.engine.pool.checkedout() == 1  # kept by this thread
    assert pid() == before  # …and handed back for a transaction
    assert db.engine.pool.checkedout() == 0
    assert engine.issue("A").ticket.label == "A005"
    assert counts["fast"] == 2
    db.dispose()


@pytest.fixture
def probe(pg_hall: tuple[str, str]) -> Iterator[tuple[Database, Any]]:
    """A database, and a table whose rows say which transaction wrote them and whether it
    waited for the disk at COMMIT (dropped afterwards: the schema is compared with the
    models elsewhere)."""
    from sqlalchemy import BigInteger, Column, Integer, MetaData, Table, Text

    db = Database(pg_hall[0], pool_size=1)
    table = Table(
        f"probe_{uuid.uuid4().hex[:8]}",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("xid", BigInteger, nullable=False),
        Column("sync", Text, nullable=False),
    )
    table.create(db.engine)
    yield db, table
    db.dispose()
    table.drop(db.engine)
    db.dispose()


def _probe_insert(table: Any) -> Any:
    from sqlalchemy import func, insert

    return (
        insert(table)
        .values(xid=func.txid_current(), sync=func.current_setting("synchronous_commit"))
        .returning(table.c.xid, table.c.sync)
    )


def _probe_rows(db: Database, table: Any) -> list[tuple[int, str]]:
    return db.transaction(
        lambda s: [
            tuple(r) for r in s.execute(select(table.c.xid, table.c.sync).order_by(table.c.id))
        ],
        write=False,
    )


def test_a_one_statement_action_commits_durably_and_alone(probe):
    """The action's statement is a transaction of its own, waiting for the disk at COMMIT;
    the wake-up after it is another, which does not wait (the two once shared one implicit
    transaction, and the action's COMMIT skipped the flush)."""
    from common import sql

    db, table = probe
    wake = (sql.WAKE, {"channel": "hallq_probe"})
    row = db.alone(_probe_insert(table), {}, [wake, (_probe_insert(table), {})]).first()
    assert row is not None and row.sync == "on"
    (first, first_sync), (second, second_sync) = _probe_rows(db, table)
    assert first_sync == second_sync == "on"
    assert first != second and first == row.xid


def test_a_transactions_wake_up_is_its_own_transaction(probe):
    from common import sql

    db, table = probe

    def run(tx: Any) -> None:
        tx.execute(_probe_insert(table), {})
        tx.then(sql.WAKE, {"channel": "hallq_probe"})
        tx.then(_probe_insert(table), {})

    db.transaction(run, direct=True)
    (first, first_sync), (second, second_sync) = _probe_rows(db, table)
    assert first_sync == second_sync == "on"
    assert first != second


def test_what_follows_an_action_cannot_undo_it(probe):
    """A statement sent after the action's own (the wake-up) fails: the action stays
    written, and the failure is said."""
    from sqlalchemy import literal
    from sqlalchemy import select as select_

    db, table = probe
    failing = select_(literal(1) / literal(0))
    with pytest.raises(DBAPIError, match="division by zero"):
        db.alone(_probe_insert(table), {}, [(failing, {})])
    assert len(_probe_rows(db, table)) == 1
