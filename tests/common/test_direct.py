"""Statements run on the bare driver (common.direct) behave as through a SQLAlchemy Session."""

from __future__ import annotations

import errno
import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, insert, select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from common import db as db_module
from common import sql
from common.db import Database, flush_sqlite_log
from common.direct import DirectTx
from common.engine import QueueEngine
from common.errors import DatabaseUnavailable
from common.models import Event, Ticket


def _device_event(hall_id: int, at: datetime, details: dict | None) -> dict:
    """The parameters of sql.EVENT for a hall-level event row."""
    columns = ("ticket_id", "window_id", "staff_id", "service_id")
    return {"hall_id": hall_id, "at": at, "kind": "device", "details": details} | dict.fromkeys(
        columns
    )


def _both(db: Database, stmt, params, *, write: bool = False):
    via_session = db.transaction(lambda s: [tuple(r) for r in s.execute(stmt, params)], write=write)
    via_driver = db.transaction(
        lambda s: [tuple(r) for r in s.execute(stmt, params)], write=write, direct=True
    )
    return via_session, via_driver


def test_reads_give_the_same_rows_and_types(database, hall_code, clock):
    engine = QueueEngine(database, hall_code, clock=clock)
    engine.issue("A")
    engine.issue("A", priority="elderly")
    clock.advance(minutes=1)
    called = engine.call_next(1, staff="1001")
    engine.start(1)
    day = engine.service_day(clock.now())
    checks = [
        (sql.WINDOW_AND_CURRENT, {"hall_id": engine.hall_id, "number": 1}),
        (sql.WINDOW_AND_CURRENT, {"hall_id": engine.hall_id, "number": 2}),
        (sql.TICKET_BY_ID, {"ticket_id": called.id}),
        (
            sql.next_ticket(1, lock=False),
            {
                "hall_id": engine.hall_id,
                "day": day,
                "window_id": 1,
                "rank_0": 1,
                "cutoff": clock.now(),
            },
        ),
        (sql.WINDOW_RANKS, {"window_id": 1}),
        (sql.STAFF_BY_ID, {"staff_id": 1}),
    ]
    for stmt, params in checks:
        via_session, via_driver = _both(database, stmt, params)
        assert via_driver == via_session
    row = database.transaction(
        lambda s: s.execute(sql.TICKET_BY_ID, {"ticket_id": called.id}).one(), direct=True
    )
    assert row.label == called.label and row.status == "serving"
    assert row.issued_at.tzinfo is not None and row.issued_at == called.issued_at
    assert row.day == day and isinstance(row.printed, bool | None)


def test_writes_read_back_through_a_session(database, hall_code, clock):
    engine = QueueEngine(database, hall_code, clock=clock)
    at = datetime(2026, 3, 2, 1, 2, 3, 456789, tzinfo=UTC)

    def write(s: DirectTx) -> None:
        assert isinstance(s, DirectTx)
        s.execute(
            sql.EVENT,
            _device_event(engine.hall_id, at, {"名称": "取号机", "n": 1}),
        )

    database.transaction(write, direct=True)
    back = database.transaction(
        lambda s: s.execute(
            select(Event.at, Event.details).where(
                Event.hall_id == engine.hall_id, Event.kind == "device"
            )
        ).one(),
        write=False,
    )
    assert back.at == at
    assert back.details == {"名称": "取号机", "n": 1}


def test_a_failing_direct_transaction_writes_nothing(database, hall_code, clock):
    engine = QueueEngine(database, hall_code, clock=clock)
    engine.issue("A")

    def half(s: DirectTx) -> None:
        s.execute(
            sql.EVENT,
            _device_event(engine.hall_id, clock.now(), None),
        )
        raise RuntimeError("boom")

    count = lambda: database.transaction(  # noqa: E731
        lambda s: len(s.execute(select(Event.id).where(Event.kind == "device")).all()), write=False
    )
    before = count()
    with pytest.raises(RuntimeError):
        database.transaction(half, direct=True)
    assert count() == before
    # The connection went back to the pool clean: the next action works.
    assert engine.issue("A").ticket.label == "A002"


def test_driver_errors_are_sqlalchemys(database, hall_code, clock):
    engine = QueueEngine(database, hall_code, clock=clock)
    issued = engine.issue("A").ticket
    duplicate = {
        c.key: getattr(r, c.key)
        for r in [
            database.transaction(
                lambda s: s.execute(select(Ticket).where(Ticket.id == issued.id)).scalar_one(),
                write=False,
            )
        ]
        for c in Ticket.__table__.columns
        if c.key != "id"
    }
    stmt = insert(Ticket.__table__)
    with pytest.raises(IntegrityError):
        database.transaction(lambda s: s.execute(stmt, duplicate), direct=True)
    # A window holds one current ticket: the unique index's refusal is the engine's Refused.
    engine.call_next(1)
    assert engine.window_state(1).current.label == issued.label


def test_direct_sqlite_writes_take_the_lock_at_begin(sqlite_url):
    db = Database(sqlite_url)
    other = sqlite3.connect(make_url(sqlite_url).database, timeout=0, isolation_level=None)
    try:

        def check(s: DirectTx) -> None:
            s.execute(sql.STAFF_BY_ID, {"staff_id": 1})  # a read: the lock is already held
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")

        db.transaction(check, direct=True)
        other.execute("BEGIN IMMEDIATE")  # released at COMMIT
        other.execute("ROLLBACK")
    finally:
        other.close()
        db.dispose()


def test_a_locked_database_is_one_clear_error_on_the_direct_path(sqlite_url, monkeypatch):
    from common import db as db_module

    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    db = Database(sqlite_url)
    holder = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseUnavailable, match="locked"):
            db.transaction(lambda s: None, direct=True)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        db.dispose()


def test_a_writing_process_checkpoints_in_the_background(sqlite_url, clock):
    import time

    db = Database(sqlite_url)
    engine = QueueEngine(db, "main", clock=clock)
    for _ in range(20):
        engine.issue("A")
    checkpointer = db._checkpointer
    assert checkpointer is not None and checkpointer.is_alive()
    deadline = time.monotonic() + 5
    while not (checkpointer.last_log > 0 and checkpointer.last_done == checkpointer.last_log):
        assert time.monotonic() < deadline, "the log was not copied into the database"
        time.sleep(0.02)
    db.dispose()
    assert not checkpointer.is_alive()


def test_batched_and_deferred_statements_keep_their_order(database, hall_code, clock):
    """PostgreSQL sends them together (pipeline mode); SQLite runs them one by one."""
    engine = QueueEngine(database, hall_code, clock=clock)
    issued = engine.issue("A").ticket
    event = _device_event(engine.hall_id, clock.now(), {"step": 1})

    def run(s: DirectTx):
        s.defer(sql.START, {"ticket_id": issued.id, "now": clock.now()})
        s.defer(sql.EVENT, event)
        # A read after deferred writes sees them.
        first, second = s.execute_all(
            [
                (sql.TICKET_BY_ID, {"ticket_id": issued.id}),
                (sql.STAFF_BY_ID, {"staff_id": -1}),
            ]
        )
        s.defer(sql.EVENT, {**event, "details": {"step": 2}})
        return first.one().status, second.first()

    assert database.transaction(run, direct=True) == ("serving", None)
    steps = database.transaction(
        lambda s: [
            d["step"]
            for d in s.execute(
                select(Event.details)
                .where(Event.hall_id == engine.hall_id, Event.kind == "device")
                .order_by(Event.id)
            ).scalars()
        ],
        write=False,
    )
    assert steps == [1, 2]


def test_a_deferred_write_that_fails_at_commit_undoes_the_transaction(database, hall_code, clock):
    engine = QueueEngine(database, hall_code, clock=clock)
    issued = engine.issue("A").ticket

    def run(s: DirectTx):
        s.defer(sql.START, {"ticket_id": issued.id, "now": clock.now()})
        # An event for a hall that does not exist: the foreign key refuses it.
        s.defer(
            sql.EVENT,
            _device_event(987654, clock.now(), None),
        )

    with pytest.raises(IntegrityError):
        database.transaction(run, direct=True)
    assert engine.find_ticket(issued.label).status == "waiting"
    assert engine.issue("A").ticket.label == "A002"


def test_an_in_list_given_at_execution(database, hall_code, clock):
    from sqlalchemy import bindparam

    engine = QueueEngine(database, hall_code, clock=clock)
    ids = [engine.issue("A").ticket.id for _ in range(3)]
    stmt = (
        select(Ticket.label, Ticket.issued_at)
        .where(Ticket.id.in_(bindparam("ids", expanding=True)))
        .order_by(Ticket.id)
    )
    for wanted in (ids[:1], ids, []):
        via_session, via_driver = _both(database, stmt, {"ids": wanted})
        assert via_driver == via_session
        assert len(via_driver) == len(wanted)


class _Flushes:
    """Records each flush of a SQLite database's log (common.db's `_flush`) and what was true
    while it ran: which file, whether the write lock was free, what others could read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.files: list[str] = []
        self.lock_free: list[bool] = []
        self.events_seen: list[int] = []

    def __call__(self, fd: int) -> None:
        here = os.fstat(fd)
        for name in (self.path.name + "-wal", self.path.name):
            there = self.path.with_name(name)
            if there.exists() and os.path.samestat(here, there.stat()):
                self.files.append(name)
                break
        other = sqlite3.connect(self.path, isolation_level=None, timeout=0)
        try:
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                self.lock_free.append(True)
            except sqlite3.OperationalError:
                self.lock_free.append(False)
            self.events_seen.append(other.execute("SELECT count(*) FROM events").fetchone()[0])
        finally:
            other.close()
        os.fsync(fd)


@pytest.fixture
def flushes(sqlite_url, monkeypatch) -> _Flushes:
    recorder = _Flushes(Path(make_url(sqlite_url).database or ""))
    monkeypatch.setattr(db_module, "_flush", recorder)
    return recorder


def _add_event(tx) -> None:
    tx.execute(sql.EVENT, _device_event(1, datetime.now(UTC), {"probe": 1}))


@pytest.mark.parametrize("direct", [False, True])
def test_a_durable_sqlite_write_is_flushed_after_commit_outside_the_lock(
    sqlite_url, flushes, direct
):
    """Its log is flushed once COMMIT is done: the write is already there for everyone, and
    the write lock is free, so no other PC waits for this one's disk."""
    db = Database(sqlite_url)
    before = db.transaction(lambda s: s.execute(sql_text("SELECT count(*) FROM events")).scalar())
    db.transaction(_add_event, direct=direct, durable=True)
    assert flushes.files == ["hall.db-wal"]
    assert flushes.lock_free == [True]
    assert flushes.events_seen == [before + 1]
    db.transaction(_add_event, direct=direct)  # not durable: no flush
    db.transaction(lambda s: s.execute(sql_text("SELECT 1")), direct=direct, write=False)
    assert len(flushes.files) == 1
    db.dispose()


def test_what_a_customer_holds_is_on_disk_a_counters_click_need_not_be(sqlite_url, flushes, clock):
    """A printed number, a rating and a complaint are flushed before the engine answers;
    calls and finishes are not (a flush per action would halve a hall's dispatch)."""
    db = Database(sqlite_url, pool_size=1)
    engine = QueueEngine(db, "main", clock=clock)

    def flushed(action) -> int:
        done = len(flushes.files)
        action()
        assert all(flushes.lock_free)
        return len(flushes.files) - done

    issued = engine.issue("A")
    assert flushes.files == ["hall.db-wal"]
    assert flushed(lambda: engine.call_next(1)) == 0
    assert flushed(lambda: engine.finish(1)) == 0
    assert flushed(lambda: engine.rate(issued.ticket.token, 5)) == 1
    assert flushed(lambda: engine.add_feedback("suggestion", "多开一个窗口")) == 1
    assert flushed(lambda: db.local([(sql.EVENT, _device_event(1, clock.now(), None))])) == 0
    assert (
        flushed(lambda: db.local([(sql.EVENT, _device_event(1, clock.now(), None))], durable=True))
        == 1
    )
    db.dispose()


def test_a_flush_that_fails_says_so_and_the_write_stays(sqlite_url, monkeypatch, clock):
    """The disk refuses: the kiosk is told in one line (it prints nothing); the committed
    number is kept, so it is never issued twice."""

    def broken(fd: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(db_module, "_flush", broken)
    db = Database(sqlite_url)
    engine = QueueEngine(db, "main", clock=clock)
    with pytest.raises(DatabaseUnavailable, match="could not put the database on disk"):
        engine.issue("A")
    monkeypatch.undo()
    assert engine.issue("A").ticket.number == 2
    db.dispose()


def test_without_a_log_the_database_file_itself_is_flushed(tmp_path, monkeypatch):
    path = tmp_path / "plain.db"
    path.write_bytes(b"")
    seen: list[int] = []
    monkeypatch.setattr(db_module, "_flush", lambda fd: seen.append(os.fstat(fd).st_ino))
    flush_sqlite_log(path)
    assert seen == [path.stat().st_ino]


@pytest.mark.pg
def test_postgresql_flushes_nothing_itself(pg_hall, monkeypatch):
    """PostgreSQL waits for its disk at COMMIT; there is no file here to flush."""
    monkeypatch.setattr(db_module, "_flush", lambda fd: pytest.fail("flushed a file"))
    url, code = pg_hall
    db = Database(url)
    QueueEngine(db, code).add_feedback("suggestion", "多开一个窗口")
    db.dispose()


def test_issue_counts_the_queue_before_it_takes_the_write_lock(sqlite_url, clock):
    """The people ahead are counted in a read transaction of their own: a long queue must not
    keep every counter waiting for SQLite's write lock while a kiosk counts it."""
    db = Database(sqlite_url, pool_size=1)
    statements: list[str] = []
    event.listen(db.engine, "connect", lambda c, _: c.set_trace_callback(statements.append))
    engine = QueueEngine(db, "main", clock=clock)
    engine.issue("A")
    engine.issue("A")
    statements.clear()
    issued = engine.issue("A")
    assert issued.ahead == 2
    counts = [i for i, s in enumerate(statements) if "count(" in s.lower()]
    write = statements.index("BEGIN IMMEDIATE")
    assert counts and all(i < write for i in counts)
    assert statements[:write].count("BEGIN") == 1  # the count's own (read) transaction
    db.dispose()
