"""One-statement transactions sent to PostgreSQL through libpq itself (`psycopg.pq`).

A counter's call and finish are each one statement in a transaction of its own, followed by
the change feed's wake-up in another (`sql.WAKE`). Through psycopg's cursors and pipeline
objects a pair cost a counter PC ~0.6 ms of Python, as much as the server's own work on it,
and with eight counters on a two-core machine that client time was what the hall waited
for. Here the statements go to libpq directly: prepared once per connection (by name, their
types inferred by the server from the casts in the SQL), parameters and rows converted by
psycopg's own `Transformer` (the same conversions its cursors make), everything sent at once
and read back in one pass — one round trip however many statements.

Each statement is followed by a Sync, which ends its implicit transaction: statements sent
together without one would share a transaction (and the wake-up's `synchronous_commit =
off` would apply to the action's own COMMIT). Each runs whatever the ones before it did; the
first error is raised, as psycopg would raise it, once every result has been read.

The connection stays a normal psycopg connection: nothing is left pending, and its own
prepared statements (`_pg3_*`) are not touched. psycopg itself drops every prepared statement
of a connection (`DEALLOCATE ALL`) after a ROLLBACK while it has some of its own, so a
statement the server no longer knows is prepared again and sent once more, with those that
followed it (which must be harmless to repeat, as a wake-up is). A connection found broken
on the way, or interrupted (Ctrl-C), is closed, so its pool replaces it.
"""

from __future__ import annotations

import itertools
import select
import weakref
from collections.abc import Sequence
from typing import Any, cast

import psycopg
from psycopg import pq
from psycopg.adapt import PyFormat, Transformer

_TUPLES_OK = pq.ExecStatus.TUPLES_OK
_COMMAND_OK = pq.ExecStatus.COMMAND_OK
_FATAL_ERROR = pq.ExecStatus.FATAL_ERROR
_PIPELINE_SYNC = pq.ExecStatus.PIPELINE_SYNC
_UNKNOWN_STATEMENT = b"26000"  # invalid_sql_statement_name


class _Connection:
    """What one connection has prepared, and its converter."""

    __slots__ = ("names", "transformer")

    def __init__(self, conn: psycopg.Connection[Any]) -> None:
        self.names: dict[str, bytes] = {}
        self.transformer = Transformer(conn)


_CONNECTIONS: weakref.WeakKeyDictionary[Any, _Connection] = weakref.WeakKeyDictionary()
# Names are never reused in a process: a statement prepared again cannot meet an old one.
_NAMES = itertools.count()


class Outcome:
    """One statement's rows (as tuples, converted to Python by psycopg), their columns'
    type OIDs and the number of rows the statement affected or returned."""

    __slots__ = ("rows", "type_oids", "rowcount")

    def __init__(self, rows: list[tuple[Any, ...]], type_oids: list[int], rowcount: int) -> None:
        self.rows = rows
        self.type_oids = type_oids
        self.rowcount = rowcount


def run(
    conn: psycopg.Connection[Any], statements: Sequence[tuple[str, Sequence[Any]]]
) -> list[Outcome]:
    """Run each of `statements` (SQL with `$n` placeholders, and its parameters) as its own
    transaction, in order, in one round trip. `conn` must be in autocommit and idle."""
    outcomes, error, failed = _run(conn, statements)
    if failed is not None and _sqlstate(error) == _UNKNOWN_STATEMENT:
        # psycopg dropped what this connection had prepared: that statement never ran.
        # Prepare again, and send it with all that followed it (again).
        _CONNECTIONS.pop(conn, None)
        more, error, _ = _run(conn, statements[failed:])
        outcomes = outcomes[:failed] + more
    if error is not None:
        raise psycopg.errors.error_from_result(error, encoding=conn.info.encoding)
    return outcomes


def _sqlstate(result: Any) -> bytes | None:
    return cast(bytes | None, result.error_field(pq.DiagnosticField.SQLSTATE))


def _run(
    conn: psycopg.Connection[Any], statements: Sequence[tuple[str, Sequence[Any]]]
) -> tuple[list[Outcome], Any, int | None]:
    """The statements' outcomes, and the first error with the index of its statement."""
    state = _CONNECTIONS.get(conn)
    if state is None:
        state = _CONNECTIONS[conn] = _Connection(conn)
    pgconn = conn.pgconn
    transformer = state.transformer
    plan: list[tuple[bytes, bytes | None, list[Any] | None]] = []
    new: dict[str, bytes] = {}
    for sql_text, args in statements:
        name = state.names.get(sql_text) or new.get(sql_text)
        sql_bytes = None
        if name is None:
            name = new[sql_text] = f"hallq_{next(_NAMES)}".encode()
            sql_bytes = sql_text.encode()
        params = (
            list(transformer.dump_sequence(args, [PyFormat.TEXT] * len(args))) if args else None
        )
        plan.append((name, sql_bytes, params))
    try:
        pgconn.enter_pipeline_mode()
        for name, sql_bytes, params in plan:
            if sql_bytes is not None:
                pgconn.send_prepare(name, sql_bytes)
            pgconn.send_query_prepared(name, params)
            pgconn.pipeline_sync()
        _flush(pgconn)
        error: Any = None
        failed: int | None = None
        results: list[Any] = []
        for i, (name, sql_bytes, _) in enumerate(plan):
            if sql_bytes is not None:
                prepared = _command_result(pgconn)
                if prepared.status == _COMMAND_OK:
                    state.names[sql_bytes.decode()] = name
                elif error is None and prepared.status == _FATAL_ERROR:
                    error, failed = prepared, i
            result = _command_result(pgconn)
            results.append(result)
            if error is None and result.status == _FATAL_ERROR:
                error, failed = result, i
            if _next_result(pgconn).status != _PIPELINE_SYNC:
                raise psycopg.OperationalError("PostgreSQL answered out of order")
        pgconn.exit_pipeline_mode()
    except BaseException:
        # Broken, out of step or interrupted: nobody can tell what is pending on it.
        conn.close()
        raise
    done = results if failed is None else results[:failed]
    return [_outcome(transformer, r) for r in done], error, failed


def _outcome(transformer: Any, result: Any) -> Outcome:
    ntuples = result.ntuples
    if result.status == _COMMAND_OK:
        return Outcome([], [], result.command_tuples or 0)
    transformer.set_pgresult(result)
    rows = transformer.load_rows(0, ntuples, tuple) if ntuples else []
    return Outcome(rows, [result.ftype(i) for i in range(result.nfields)], ntuples)


def _command_result(pgconn: Any) -> Any:
    """The result of the next command, and the end of its results."""
    result = _next_result(pgconn)
    if result is None or _next_result(pgconn) is not None:
        raise psycopg.OperationalError("PostgreSQL answered out of order")
    return result


def _next_result(pgconn: Any) -> Any:
    while pgconn.is_busy():
        _wait(pgconn.socket, write=False)
        pgconn.consume_input()
    return pgconn.get_result()


def _flush(pgconn: Any) -> None:
    # A non-blocking connection sends what its socket takes; the server may be waiting for
    # its own answers to be read before it reads on.
    while pgconn.flush():
        if _wait(pgconn.socket, write=True):
            pgconn.consume_input()


if hasattr(select, "poll"):

    def _wait(fd: int, *, write: bool) -> bool:
        """Wait until `fd` can be read (or, with `write`, written); True if readable."""
        poller = select.poll()
        poller.register(fd, select.POLLIN | (select.POLLOUT if write else 0))
        events = 0
        while not events:
            events = sum(e for _, e in poller.poll())
        return bool(events & (select.POLLIN | select.POLLERR | select.POLLHUP))

else:  # Windows

    def _wait(fd: int, *, write: bool) -> bool:
        """Wait until `fd` can be read (or, with `write`, written); True if readable."""
        while True:
            readable, writable, broken = select.select([fd], [fd] if write else [], [fd])
            if readable or writable or broken:
                return bool(readable or broken)
