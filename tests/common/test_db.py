"""The database layer: URLs, SQLite locking, lost connections, and a database without schema."""

from __future__ import annotations

import sqlite3

import psycopg
import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url

from common import db as db_module
from common import schema
from common.db import Database, normalize_url
from common.engine import QueueEngine
from common.errors import ConfigError, DatabaseUnavailable
from common.models import Event
from tests.common.hall_db import snapshot

UNREACHABLE_PG = "postgresql://postgres@127.0.0.1:1/hallq"


@pytest.mark.parametrize(
    ("url", "driver"),
    [
        ("postgresql://u@h/db", "postgresql+psycopg"),
        ("postgres://u@h/db", "postgresql+psycopg"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg"),
        (" sqlite:///x.db ", "sqlite"),
    ],
)
def test_urls_map_onto_the_supported_drivers(url, driver):
    assert normalize_url(url).drivername == driver


@pytest.mark.parametrize(
    "url", ["not a url", "mysql://u@h/db", "sqlite+pysqlcipher:///x.db", "oracle://h/x", ""]
)
def test_unsupported_urls_are_config_errors(url):
    with pytest.raises(ConfigError) as err:
        Database(url)
    assert err.value.exit_code == 2
    assert "\n" not in err.value.message


def test_sqlite_file_gets_wal_and_its_folder(tmp_path):
    db = Database(f"sqlite:///{tmp_path}/new/folder/hall.db")
    with db.session(write=False) as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert s.execute(text("PRAGMA busy_timeout")).scalar_one() == 15_000
        assert s.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    db.dispose()
    assert (tmp_path / "new" / "folder" / "hall.db").exists()


def test_sqlite_write_transactions_take_the_lock_at_begin(sqlite_url):
    db = Database(sqlite_url)
    path = make_url(sqlite_url).database
    other = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        with db.session(write=True) as s:
            s.execute(text("SELECT 1"))  # no write yet: BEGIN IMMEDIATE already holds the lock
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        with db.session(write=False) as s:
            s.execute(text("SELECT 1"))
            other.execute("BEGIN IMMEDIATE")  # readers do not block writers
            other.execute("ROLLBACK")
    finally:
        other.close()
        db.dispose()


def test_a_locked_sqlite_database_is_one_clear_error(sqlite_url, clock, monkeypatch):
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    db = Database(sqlite_url)
    engine = QueueEngine(db, "main", clock=clock)
    engine.issue("A")
    before = snapshot(engine)
    holder = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseUnavailable) as err:
            engine.issue("A")
        assert err.value.code == "db_unavailable"
        assert "locked" in err.value.message and "\n" not in err.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(engine) == before
    assert engine.issue("A").ticket.label == "A002"
    db.dispose()


def test_a_failing_transaction_writes_nothing(sqlite_url):
    db = Database(sqlite_url)

    def half(s):
        s.execute(insert(Event), {"hall_id": 1, "at": _now(), "kind": "device"})
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        db.transaction(half)
    count = db.transaction(lambda s: len(s.execute(select(Event.id)).all()), write=False)
    assert count == 0
    db.dispose()


def _now():
    from datetime import UTC, datetime

    return datetime.now(UTC)


def test_a_database_without_schema(tmp_path):
    db = Database(f"sqlite:///{tmp_path}/empty.db")
    with pytest.raises(DatabaseUnavailable) as err:
        schema.check(db)
    assert err.value.code == "no_schema"
    assert "hallq init" in err.value.message
    with pytest.raises(DatabaseUnavailable) as err:
        QueueEngine(db, "main")
    assert "hallq init" in err.value.message
    db.dispose()


def test_an_old_schema_asks_for_an_upgrade(sqlite_url):
    db = Database(sqlite_url)
    schema.check(db)
    db.transaction(lambda s: s.execute(text("UPDATE alembic_version SET version_num = '0000'")))
    with pytest.raises(DatabaseUnavailable) as err:
        schema.check(db)
    assert err.value.code == "old_schema"
    assert "hallq init" in err.value.message
    db.dispose()


def test_an_unknown_hall(sqlite_url):
    from common.errors import BadInput

    db = Database(sqlite_url)
    with pytest.raises(BadInput) as err:
        QueueEngine(db, "nowhere")
    assert err.value.code == "unknown_hall"
    db.dispose()


def test_unreachable_postgresql_is_one_clear_error():
    db = Database(UNREACHABLE_PG)
    assert db.is_postgresql
    with pytest.raises(DatabaseUnavailable) as err:
        db.ping()
    assert err.value.code == "db_unavailable"
    assert "\n" not in err.value.message
    with pytest.raises(DatabaseUnavailable):
        schema.check(db)
    with pytest.raises(DatabaseUnavailable):
        QueueEngine(db, "main")
    db.dispose()


@pytest.mark.pg
def test_a_lost_postgresql_connection_is_retried_once(pg_hall, clock):
    url, code = pg_hall
    db = Database(url, pool_size=1)
    engine = QueueEngine(db, code, clock=clock)
    engine.issue("A")
    pid = db.transaction(lambda s: s.execute(text("SELECT pg_backend_pid()")).scalar_one())
    admin = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        assert conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
    assert engine.issue("A").ticket.label == "A002"
    db.dispose()


@pytest.mark.pg
def test_postgresql_time_is_the_servers(pg_hall):
    url, code = pg_hall
    db = Database(url)
    engine = QueueEngine(db, code)  # no injected clock
    now = engine.now()
    assert now.utcoffset().total_seconds() == 0
    assert abs((now - _now()).total_seconds()) < 300
    issued = engine.issue("A")
    assert issued.ticket.day == engine.service_day(issued.ticket.issued_at)
    db.dispose()


def test_a_connection_lost_during_commit_is_not_retried(tmp_path, monkeypatch):
    """Only a failure before COMMIT is safe to run again; during COMMIT the outcome is unknown."""
    from sqlalchemy.exc import OperationalError

    from common.db import Database
    from common.errors import DatabaseUnavailable

    db = Database(f"sqlite:///{(tmp_path / 'x.db').as_posix()}")
    runs = []

    def lost(*_args, **_kwargs):
        error = OperationalError("COMMIT", {}, Exception("server closed the connection"))
        error.connection_invalidated = True
        raise error

    monkeypatch.setattr("sqlalchemy.orm.session.SessionTransaction.commit", lost)
    with pytest.raises(DatabaseUnavailable):
        db.transaction(lambda s: runs.append(1))
    assert runs == [1]
