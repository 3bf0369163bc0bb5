"""Shared fixtures.

* `QT_QPA_PLATFORM=offscreen` is set here, before anything imports Qt.
* `sqlite_url`: a fresh SQLite file with the schema and the demo hall.
* `pg_url`: a PostgreSQL database made for this test session (from `HALLQ_TEST_PG`), migrated
  once; each test gets its own hall in it (`hall_code`), so tests never see each other's data.
  Without a server the PostgreSQL tests skip visibly — or fail, when `HALLQ_REQUIRE_PG=1`.
* `db_url` / `hall_code`: parametrised over both backends.
* `clock`: a `ManualClock` at Monday 2026-03-02 09:00 in Asia/Shanghai.
* `engine`: a `QueueEngine` on that clock.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from common import hall, schema
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine

HALL_TZ = ZoneInfo("Asia/Shanghai")
START = datetime(2026, 3, 2, 9, 0, tzinfo=HALL_TZ)
_hall_numbers = itertools.count(1)


def _pg_base_url() -> str | None:
    return os.environ.get("HALLQ_TEST_PG")


def _pg_unavailable(reason: str) -> None:
    if os.environ.get("HALLQ_REQUIRE_PG") == "1":
        pytest.fail(f"PostgreSQL is required (HALLQ_REQUIRE_PG=1) but {reason}", pytrace=False)
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A database of its own on the test server, migrated once, dropped at the end."""
    base = _pg_base_url()
    if not base:
        _pg_unavailable("HALLQ_TEST_PG is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    url = make_url(base).set(drivername="postgresql")
    name = f"hallq_test_{uuid.uuid4().hex[:10]}"
    try:
        with psycopg.connect(
            url.render_as_string(hide_password=False), autocommit=True, connect_timeout=5
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as e:
        _pg_unavailable(f"cannot reach {url.render_as_string()}: {e}")
    test_url = url.set(database=name, drivername="postgresql+psycopg").render_as_string(
        hide_password=False
    )
    db = Database(test_url)
    schema.upgrade(db)
    db.dispose()
    yield test_url
    with psycopg.connect(url.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def sqlite_demo_hall(path: Path) -> str:
    """The URL of a new SQLite database at `path` holding the demo hall "main"."""
    url = f"sqlite:///{path.as_posix()}"
    db = Database(url)
    schema.upgrade(db)
    db.transaction(lambda s: hall.seed_demo(s, "main"))
    db.dispose()
    return url


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return sqlite_demo_hall(tmp_path / "hall.db")


@pytest.fixture
def pg_hall(pg_server_url) -> tuple[str, str]:
    """(url, hall code) of a fresh demo hall on the session's PostgreSQL database."""
    code = f"h{next(_hall_numbers)}_{uuid.uuid4().hex[:6]}"
    db = Database(pg_server_url)
    db.transaction(lambda s: hall.seed_demo(s, code))
    db.dispose()
    return pg_server_url, code


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_hall(backend, request) -> tuple[str, str]:
    """(url, hall code) of a fresh demo hall, on SQLite and on PostgreSQL."""
    if backend == "sqlite":
        return request.getfixturevalue("sqlite_url"), "main"
    return request.getfixturevalue("pg_hall")


@pytest.fixture
def db_url(db_hall) -> str:
    return db_hall[0]


@pytest.fixture
def hall_code(db_hall) -> str:
    return db_hall[1]


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def database(db_url) -> Iterator[Database]:
    db = Database(db_url)
    yield db
    db.dispose()


@pytest.fixture
def engine(database, hall_code, clock) -> QueueEngine:
    return QueueEngine(database, hall_code, clock=clock)
