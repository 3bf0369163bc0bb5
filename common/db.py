"""Database access: engines for SQLite and PostgreSQL, and one-transaction helpers.

SQLite: WAL, `busy_timeout`, and every write transaction opened with `BEGIN IMMEDIATE` (a
deferred BEGIN lets two counters read the same "next" ticket before either writes). Readers use
a plain deferred BEGIN and never block writers under WAL.

PostgreSQL: psycopg 3; the engine locks rows with `FOR UPDATE SKIP LOCKED`, and timestamps come
from the server's clock (`now()`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from common.errors import ConfigError, DatabaseUnavailable, HallqError

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 15_000


def normalize_url(url: str) -> URL:
    """Parse a DB URL, mapping plain `postgresql://` onto the psycopg 3 driver."""
    try:
        parsed = make_url(url.strip())
    except ArgumentError as e:
        raise ConfigError(f"数据库地址无效 / not a database URL: {url!r}") from e
    backend = parsed.get_backend_name()
    if backend in ("postgres", "postgresql"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if parsed.drivername != "sqlite":
            raise ConfigError(
                f"不支持的 SQLite 驱动 / unsupported SQLite driver: {parsed.drivername}"
            )
        return parsed
    raise ConfigError(
        f"不支持的数据库 / unsupported database {backend!r}: use sqlite:///PATH or "
        "postgresql://USER@HOST/DB"
    )


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook issue BEGIN itself (pysqlite's own BEGIN is deferred).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    if conn.get_execution_options().get("hallq_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def is_disconnect(error: BaseException) -> bool:
    return isinstance(error, DBAPIError) and bool(error.connection_invalidated)


def describe_db_error(error: BaseException) -> str:
    """A one-line, human reason for a database failure."""
    orig = getattr(error, "orig", None) or error
    first = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    if "database is locked" in first:
        return "数据库忙，请稍后重试 / the database is busy (locked), try again"
    if "no such table" in first or "does not exist" in first and "relation" in first:
        return "数据库尚未初始化，请运行 hallq init / the database has no hallq schema: run `hallq init`"
    return f"数据库不可用 / database unavailable: {first}"


class Database:
    """One database: its engine, its sessions, and the dialect's quirks."""

    def __init__(self, url: str, *, pool_size: int = 5) -> None:
        self.url = normalize_url(url)
        self.dialect = self.url.get_backend_name()
        try:
            if self.is_sqlite:
                database = self.url.database or ""
                if database and database != ":memory:" and not database.startswith("file:"):
                    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
                self.engine: Engine = create_engine(self.url)
                event.listen(self.engine, "connect", _sqlite_on_connect)
                event.listen(self.engine, "begin", _sqlite_on_begin)
            else:
                self.engine = create_engine(
                    self.url,
                    pool_size=pool_size,
                    connect_args={"connect_timeout": 5, "application_name": "hallq"},
                )
        except NoSuchModuleError as e:
            raise ConfigError(f"数据库驱动缺失 / missing database driver: {e}") from e
        self._write_engine = self.engine.execution_options(hallq_write=True)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    def safe_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, write: bool) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error.

        Database failures become `DatabaseUnavailable` with a readable reason.
        """
        factory = self._write_sessions if write else self._read_sessions
        try:
            with factory() as session, session.begin():
                yield session
        except HallqError:
            raise
        except OperationalError as e:
            raise DatabaseUnavailable(describe_db_error(e), code="db_unavailable") from e
        except DBAPIError as e:
            if is_disconnect(e):
                raise DatabaseUnavailable(describe_db_error(e), code="db_unavailable") from e
            raise

    def transaction(self, fn: Callable[[Session], T], *, write: bool = True, retries: int = 1) -> T:
        """Run `fn` in one transaction; retry once when the connection was lost before COMMIT.

        A connection lost while `fn` runs (the server restarted, a stale pooled connection)
        rolls the whole transaction back, so running it again cannot write anything twice. A
        connection lost during COMMIT leaves the outcome unknown: that is never retried.
        """
        attempt = 0
        while True:
            committing = False
            try:
                with self.session(write=write) as session:
                    result = fn(session)
                    committing = True
                return result
            except DatabaseUnavailable as e:
                cause = e.__cause__
                if committing or attempt >= retries or cause is None or not is_disconnect(cause):
                    raise
                attempt += 1
                log.warning("database connection lost; retrying once: %s", e)

    def server_now(self, session: Session) -> datetime:
        """The database server's clock (PostgreSQL); the PC's clock for SQLite."""
        if self.is_postgresql:
            value = session.execute(text("SELECT now()")).scalar_one()
            return value.astimezone(UTC)
        return datetime.now(UTC)

    def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers."""
        with self.session(write=False) as s:
            s.execute(text("SELECT 1"))

    def dispose(self) -> None:
        self.engine.dispose()
