"""Database access: engines for SQLite and PostgreSQL, and one-transaction helpers.

SQLite: WAL, `busy_timeout`, and every write transaction opened with `BEGIN IMMEDIATE` (a
deferred BEGIN lets two counters read the same "next" ticket before either writes). Readers use
a plain deferred BEGIN and never block writers under WAL.

PostgreSQL: psycopg 3; the engine locks rows with `FOR UPDATE SKIP LOCKED`, and timestamps come
from the server's clock (`now()`).
"""

from __future__ import annotations

import logging
import os
import select as select_module
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar, cast

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from common.direct import DirectResult, DirectTx, StatementCache, run_alone, run_local
from common.errors import ConfigError, DatabaseUnavailable, HallqError

log = logging.getLogger(__name__)
T = TypeVar("T")

SQLITE_BUSY_TIMEOUT_MS = 15_000
WAL_AUTOCHECKPOINT_PAGES = 8000
CHECKPOINT_INTERVAL_S = 0.1
_NOW = select(func.now())
_PING = select(1)
# libpq's CONNECTION_OK and PQTRANS_UNKNOWN (psycopg.pq.ConnStatus / TransactionStatus).
_CONNECTION_OK = 0
_TRANSACTION_UNKNOWN = 4


class Checkpointer(threading.Thread):
    """Copies SQLite's write-ahead log into the database file in the background.

    By default the writer whose commit makes the log pass 1,000 pages does the checkpoint
    (with an fsync) on its way out: on the counters' hot path that cost more than the
    transaction itself. A process that writes runs this thread instead: a PASSIVE checkpoint
    every CHECKPOINT_INTERVAL_S on a connection of its own, which never waits for readers or
    writers. Writers still checkpoint past WAL_AUTOCHECKPOINT_PAGES, should nobody else.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(name="hallq-sqlite-checkpoint", daemon=True)
        self.path = path
        self._stop_event = threading.Event()
        # Pages in the log and pages copied, as of the last checkpoint.
        self.last_log = self.last_done = 0

    def run(self) -> None:
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as e:
            log.info("no background checkpoints for %s: %s", self.path, e)
            return
        try:
            while not self._stop_event.wait(CHECKPOINT_INTERVAL_S):
                try:
                    _, self.last_log, self.last_done = conn.execute(
                        "PRAGMA wal_checkpoint(PASSIVE)"
                    ).fetchone()
                except sqlite3.Error as e:  # busy, or the file went away: try again later
                    log.debug("checkpoint skipped: %s", e)
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop_event.set()
        if self.is_alive() and threading.current_thread() is not self:
            self.join(5)


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
    cur.execute("PRAGMA synchronous = NORMAL")  # see flush_sqlite_log
    # Checkpoints are the Checkpointer's work; a writer only steps in when the log is long.
    cur.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    if options.get("hallq_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def flush_sqlite_log(database: Path) -> None:
    """Put everything SQLite has committed to `database` on disk, outside its write lock.

    In WAL mode with `synchronous = NORMAL` a COMMIT is written but not flushed: the database
    stays whole whatever happens, but a power cut can take the last transactions with it. A
    counter's call or finish lost that way is done again; a ticket number already printed, a
    rating or a complaint is not. Those are flushed after their COMMIT by this: the
    write-ahead log holds every committed transaction not yet copied into the database file
    (and a checkpoint flushes the database file before it starts the log again), so flushing
    the log puts them on disk. `synchronous = FULL` would flush inside COMMIT, while holding
    the database's one write lock: every counter of the hall waits for the disk, ~0.6 ms at
    each durable commit and a quarter of a second when the disk is busy (measured).
    """
    wal = database.with_name(database.name + "-wal")
    # Windows flushes only through a handle that may write; nothing is written through it.
    flags = os.O_RDWR | getattr(os, "O_BINARY", 0) if os.name == "nt" else os.O_RDONLY
    try:
        fd = os.open(wal, flags)
    except FileNotFoundError:
        # No log: SQLite removed it after a last checkpoint; flush the database file itself.
        fd = os.open(database, flags)
    try:
        _flush(fd)
    finally:
        os.close(fd)


_flush = getattr(os, "fdatasync", os.fsync)


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
        # The SQLite database file, whose log a durable write flushes (none in memory).
        self._sqlite_file: Path | None = None
        try:
            if self.is_sqlite:
                database = self.url.database or ""
                if database and database != ":memory:" and not database.startswith("file:"):
                    self._sqlite_file = Path(database).expanduser().absolute()
                    self._sqlite_file.parent.mkdir(parents=True, exist_ok=True)
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
        self._statements = StatementCache(self.engine.dialect)
        self._checkpointer: Checkpointer | None = None
        self._lease = _Lease()
        self._checkpointer_lock = threading.Lock()

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    @property
    def is_postgresql(self) -> bool:
        return self.dialect == "postgresql"

    def safe_url(self) -> str:
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self, *, write: bool, durable: bool = False) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error.

        Database failures become `DatabaseUnavailable` with a readable reason.
        """
        self._end_lease()
        factory = self._write_sessions if write else self._read_sessions
        with _readable_errors():
            with factory() as session, session.begin():
                yield session
            if write and durable:
                self._flush_committed()

    @contextmanager
    def direct_session(self, *, write: bool, durable: bool = False) -> Iterator[DirectTx]:
        """One transaction on the bare driver connection (see `common.direct`).

        The same guarantees as `session`: commit on success, roll back on any error, and
        database failures as `DatabaseUnavailable`. A lost connection is dropped from the pool.
        """
        self._end_lease()
        with _readable_errors():
            proxied = self.engine.raw_connection()
            try:
                dbapi_conn = proxied.driver_connection
                assert dbapi_conn is not None
                tx = DirectTx(
                    dbapi_conn,
                    self._statements,
                    pipeline=self.is_postgresql,
                )
                try:
                    if self.is_sqlite:
                        if write and self._checkpointer is None:
                            self._start_checkpointer()
                        tx.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
                    yield tx
                    tx.commit()
                    if write and durable:
                        self._flush_committed()
                except BaseException as e:
                    if isinstance(e, DBAPIError) and e.connection_invalidated:
                        proxied.invalidate(e)
                    else:
                        _rollback_quietly(dbapi_conn, self.is_sqlite)
                    raise
            finally:
                proxied.close()

    def alone(
        self, stmt: Any, params: dict[str, Any], then: Sequence[tuple[Any, dict[str, Any]]] = ()
    ) -> DirectResult:
        """One statement as its own transaction on the bare driver (PostgreSQL autocommit),
        then each of `then` as its own, all in one round trip (`common.pgwire`).

        The calling thread keeps the pooled connection, in autocommit, for its next such
        statement (a counter's calls and finishes follow each other); it goes back to the
        pool when the thread next opens a transaction (`session`, `direct_session`), which
        then gets that very connection. A connection the server has closed meanwhile (it
        restarted, or ended the session) is replaced before the statement is sent; one lost
        while the statement runs leaves its outcome unknown: that is not retried
        (`DatabaseUnavailable`).
        """
        with _readable_errors():
            proxied = self._lease.proxied
            if proxied is None:
                proxied = self.engine.raw_connection()
                self._lease.proxied = proxied
            if _closed_by_server(proxied.driver_connection):
                proxied.invalidate()
                proxied.close()
                proxied = self._lease.proxied = self.engine.raw_connection()
            conn = cast(Any, proxied.driver_connection)
            if not conn.autocommit:
                try:
                    conn.autocommit = True
                except BaseException:
                    self._lease.proxied = None
                    proxied.close()
                    raise
            try:
                return run_alone(conn, self._statements, stmt, params, then)
            except DBAPIError as e:
                if e.connection_invalidated:
                    self._drop_lease(proxied, e)
                raise

    def local(
        self, statements: Sequence[tuple[Any, dict[str, Any]]], *, durable: bool = False
    ) -> list[DirectResult]:
        """Statements as one write transaction on SQLite, bound before it begins and holding
        the write lock for the database's work alone (`common.direct.run_local`); their
        results.

        Like `alone`, the calling thread keeps its pooled connection for its next such
        transaction (no checkout and return around each), until it next opens a `session`
        or `direct_session`. `durable`: as for `transaction`.
        """
        with _readable_errors():
            proxied = self._lease.proxied
            if proxied is None:
                proxied = self._lease.proxied = self.engine.raw_connection()
            if self._checkpointer is None:
                self._start_checkpointer()
            conn = proxied.driver_connection
            try:
                results = run_local(conn, self._statements, statements)
            except BaseException as e:
                if isinstance(e, DBAPIError) and e.connection_invalidated:
                    self._drop_lease(proxied, e)
                else:
                    _rollback_quietly(conn, sqlite=True)
                raise
            if durable:
                self._flush_committed()
            return results

    def _flush_committed(self) -> None:
        """After a durable write's COMMIT: on SQLite, put it on disk (`flush_sqlite_log`);
        PostgreSQL has already waited for its disk."""
        if self._sqlite_file is None:
            return
        try:
            flush_sqlite_log(self._sqlite_file)
        except OSError as e:
            raise DatabaseUnavailable(
                f"数据未能写入磁盘 / could not put the database on disk: {e.strerror or e}",
                code="db_unavailable",
            ) from e

    def _drop_lease(self, proxied: Any, error: BaseException) -> None:
        """The thread's connection is gone: the pool replaces it."""
        self._lease.proxied = None
        proxied.invalidate(error)
        proxied.close()

    def _end_lease(self) -> None:
        """Give the thread's `alone` or `local` connection back to the pool (on PostgreSQL,
        out of autocommit)."""
        proxied = self._lease.proxied
        if proxied is None:
            return
        self._lease.proxied = None
        if self.is_postgresql:
            try:
                proxied.driver_connection.autocommit = False
            except Exception:  # noqa: BLE001 — a broken connection: the pool drops it
                proxied.invalidate()
        proxied.close()

    def transaction(
        self,
        fn: Callable[[Any], T],
        *,
        write: bool = True,
        retries: int = 1,
        direct: bool = False,
        durable: bool = False,
    ) -> T:
        """Run `fn` in one transaction; retry once when the connection was lost before COMMIT.

        `fn` gets a `Session`, or with `direct=True` a `DirectTx` (prebuilt statements only).
        A `durable` write is on disk when this returns, even on SQLite (which otherwise may
        lose the last transactions in a power cut; PostgreSQL always waits for the disk).

        A connection lost while `fn` runs (the server restarted, a stale pooled connection)
        rolls the whole transaction back, so running it again cannot write anything twice. A
        connection lost during COMMIT leaves the outcome unknown: that is never retried.
        """
        attempt = 0
        opener = self.direct_session if direct else self.session
        while True:
            committing = False
            try:
                with opener(write=write, durable=durable) as session:
                    result = fn(session)
                    committing = True
                return result
            except DatabaseUnavailable as e:
                cause = e.__cause__
                if committing or attempt >= retries or cause is None or not is_disconnect(cause):
                    raise
                attempt += 1
                log.warning("database connection lost; retrying once: %s", e)

    def server_now(self, session: Session | DirectTx | None) -> datetime:
        """The database server's clock (PostgreSQL, read in `session`); the PC's clock for
        SQLite."""
        if self.is_postgresql:
            assert session is not None
            known = getattr(session, "server_now", None)
            value = known if known is not None else session.execute(_NOW).scalar_one()
            return value.astimezone(UTC)
        return datetime.now(UTC)

    def ping(self) -> None:
        """Raise DatabaseUnavailable unless the database answers."""
        with self.session(write=False) as s:
            s.execute(_PING)

    def _start_checkpointer(self) -> None:
        database = self.url.database or ""
        if not database or database == ":memory:" or database.startswith("file:"):
            return
        with self._checkpointer_lock:
            if self._checkpointer is None:
                self._checkpointer = Checkpointer(Path(database).expanduser())
                self._checkpointer.start()

    def dispose(self) -> None:
        self._end_lease()
        with self._checkpointer_lock:
            if self._checkpointer is not None:
                self._checkpointer.stop()
                self._checkpointer = None
        self.engine.dispose()


@contextmanager
def _readable_errors() -> Iterator[None]:
    """Database failures as `DatabaseUnavailable` with a readable reason."""
    try:
        yield
    except HallqError:
        raise
    except OperationalError as e:
        raise DatabaseUnavailable(describe_db_error(e), code="db_unavailable") from e
    except DBAPIError as e:
        if is_disconnect(e):
            raise DatabaseUnavailable(describe_db_error(e), code="db_unavailable") from e
        raise


class _Lease(threading.local):
    """The pooled connection a thread keeps for its one-statement transactions."""

    proxied: Any = None


def _closed_by_server(dbapi_conn: Any) -> bool:
    """Whether the server has closed this idle PostgreSQL connection: a server that restarts
    or ends the session says so and closes its end, so the socket turns readable although
    nothing was asked. (A few microseconds; SQLAlchemy's pre-ping costs a round trip.)"""
    pgconn = dbapi_conn.pgconn
    if dbapi_conn.closed or pgconn.status != _CONNECTION_OK:
        return True
    try:
        readable, _, _ = select_module.select([pgconn.socket], [], [], 0)
        if not readable:
            return False
        pgconn.consume_input()
        # What arrived may be harmless (a notice); the connection is gone if the server
        # has hung up or sent its last words.
        readable, _, _ = select_module.select([pgconn.socket], [], [], 0)
        if readable:
            pgconn.consume_input()
    except Exception:  # noqa: BLE001 — a socket or protocol error: the connection is gone
        return True
    return pgconn.status != _CONNECTION_OK or pgconn.transaction_status == _TRANSACTION_UNKNOWN


def _rollback_quietly(dbapi_conn: Any, sqlite: bool) -> None:
    try:
        if sqlite:
            if dbapi_conn.in_transaction:
                dbapi_conn.execute("ROLLBACK")
        else:
            dbapi_conn.rollback()
    except Exception:  # noqa: BLE001 — the original error is what matters
        log.debug("rollback failed", exc_info=True)
