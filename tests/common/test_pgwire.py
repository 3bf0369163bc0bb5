"""`common.pgwire`: one-statement transactions straight through libpq (PostgreSQL)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from common import pgwire

pytestmark = pytest.mark.pg


@pytest.fixture
def conn(pg_server_url) -> Any:
    url = make_url(pg_server_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as c:
        yield c


@pytest.fixture
def table(conn) -> Iterator[str]:
    name = f"wire_{uuid.uuid4().hex[:8]}"
    conn.execute(f"CREATE TABLE {name} (id serial PRIMARY KEY, v integer UNIQUE, xid bigint)")
    dsn = conn.info.dsn
    yield name
    # The schema is compared with the models elsewhere (and `conn` may have been closed).
    with psycopg.connect(dsn, autocommit=True) as admin:
        admin.execute(f"DROP TABLE {name}")


def _insert(table: str) -> str:
    return f"INSERT INTO {table} (v, xid) VALUES ($1::integer, txid_current()) RETURNING id, xid"


def _count(conn: Any, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_values_go_and_come_back_as_psycopg_gives_them(conn):
    at = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
    (out,) = pgwire.run(
        conn,
        [
            (
                "SELECT $1::integer, $2::text, $3::date, $4::timestamptz, $5::boolean, "
                "$6::text IS NULL, json_build_object('号', $2::text)",
                [7, "请 A012 号", date(2026, 3, 2), at, True, None],
            )
        ],
    )
    assert out.rows == [(7, "请 A012 号", date(2026, 3, 2), at, True, True, {"号": "请 A012 号"})]
    assert out.rowcount == 1 and len(out.type_oids) == 7


def test_each_statement_is_its_own_transaction_in_one_round_trip(conn, table):
    first, second = pgwire.run(conn, [(_insert(table), [1]), (_insert(table), [2])])
    assert first.rows[0][1] != second.rows[0][1]  # two transactions
    assert conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    assert not conn.pgconn.pipeline_status  # left out of pipeline mode


def test_an_error_is_psycopgs_and_what_ran_before_it_stays(conn, table):
    pgwire.run(conn, [(_insert(table), [1])])
    with pytest.raises(psycopg.errors.UniqueViolation):
        pgwire.run(conn, [(_insert(table), [2]), (_insert(table), [1]), (_insert(table), [3])])
    # 2 committed before the failure; 3, its own transaction, ran after it.
    assert sorted(r[0] for r in conn.execute(f"SELECT v FROM {table}")) == [1, 2, 3]
    # The connection is fine afterwards.
    assert pgwire.run(conn, [("SELECT 1", [])])[0].rows == [(1,)]


def test_statements_psycopg_dropped_are_prepared_again(conn, table):
    pgwire.run(conn, [(_insert(table), [1]), ("SELECT pg_notify('wire', '')", [])])
    conn.execute("DEALLOCATE ALL")
    pgwire.run(conn, [(_insert(table), [2]), ("SELECT pg_notify('wire', '')", [])])
    assert _count(conn, table) == 2


def test_a_follow_up_dropped_alone_runs_again_not_the_action(conn, table):
    """Only what the server did not know runs again: the action is written once."""
    wake = "SELECT pg_notify('wire', '')"
    pgwire.run(conn, [(_insert(table), [1]), (wake, [])])
    name = conn.execute(
        "SELECT name FROM pg_prepared_statements WHERE statement LIKE '%pg_notify%'"
    ).fetchone()[0]
    conn.execute(f"DEALLOCATE {name}")
    listener = psycopg.connect(conn.info.dsn, autocommit=True)
    listener.execute("LISTEN wire")
    pgwire.run(conn, [(_insert(table), [2]), (wake, [])])
    assert _count(conn, table) == 2
    assert len(list(listener.notifies(timeout=2, stop_after=1))) == 1
    listener.close()


def test_a_connection_lost_on_the_way_is_closed_for_its_pool(conn, pg_server_url):
    url = make_url(pg_server_url).set(drivername="postgresql")
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as admin:
        pid = conn.info.backend_pid
        with pytest.raises(psycopg.OperationalError):
            pgwire.run(conn, [(f"SELECT pg_terminate_backend({pid})", [])])
        assert conn.closed
        assert admin.execute("SELECT 1").fetchone() == (1,)


def test_an_interrupted_batch_closes_its_connection(conn, table, monkeypatch):
    """Ctrl-C while waiting for the answers: nobody can tell what is pending on the
    connection, so it is closed (its pool replaces it), not handed on half-read."""

    def interrupted(fd: int, *, write: bool) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(pgwire, "_wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        pgwire.run(conn, [(_insert(table), [1])])
    assert conn.closed


def test_an_interrupted_action_leaves_the_next_one_working(pg_hall, clock, monkeypatch):
    from common.db import Database
    from common.engine import QueueEngine

    url, code = pg_hall
    db = Database(url, pool_size=1)
    engine = QueueEngine(db, code, clock=clock)
    for _ in range(3):
        engine.issue("A")
    engine.call_next(1)
    engine.finish(1)  # from here on the one-statement actions
    real_wait = pgwire._wait  # noqa: SLF001

    def interrupted(fd: int, *, write: bool) -> bool:
        monkeypatch.setattr(pgwire, "_wait", real_wait)
        raise KeyboardInterrupt

    monkeypatch.setattr(pgwire, "_wait", interrupted)
    with pytest.raises(KeyboardInterrupt):
        engine.call_next(1)
    # Whether A002 was called before the interruption is unknown to this PC; the hall knows.
    time.sleep(0.2)  # the server finishes what it was sent, or not
    (window,) = [w for w in engine.windows() if w.number == 1]
    view = engine.finish(1) if window.current else engine.call_next(1)
    assert view.label == "A002"
    db.dispose()
