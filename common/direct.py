"""SQLAlchemy statements run on the bare DB-API connection: the queue engine's busiest actions.

A counter calls and finishes all day, and on SQLite every write holds the database's one write
lock from `BEGIN IMMEDIATE` to `COMMIT`. SQLAlchemy's per-execution work (building the
execution context, processing parameters, wrapping results: ~150 µs a statement here) sat
inside that lock and capped a hall at a few hundred calls a second, whatever the number of
counters. So the hot actions keep their statements as SQLAlchemy constructs (`common/sql.py`,
one definition each), compiled *once* per dialect with SQLAlchemy's own bind and result
processors, and each execution is then a plain `cursor.execute` on the pooled DB-API
connection.

`DirectTx` offers the slice of `Session` the engine uses (`execute(stmt, params)` returning
`first/one/all/scalar_one/scalar_one_or_none/scalars/rowcount`), so the engine's code is the
same on both paths. Driver errors are raised as SQLAlchemy's `DBAPIError` subclasses
(`IntegrityError`, `OperationalError`, with `connection_invalidated` for a lost connection), so
the callers' error handling is the same too.
"""

from __future__ import annotations

import copy
import functools
from collections import namedtuple
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import BindParameter, ClauseElement

Processor = Callable[[Any], Any] | None

# Statements built per call (rare paths, such as closing a day) are compiled each time; the
# cache holds the prebuilt ones, which live as long as the process.
_MAX_CACHED = 512


class Prepared:
    """One statement compiled for one dialect, with its processors, ready for the driver."""

    __slots__ = (
        "string",
        "compiled",
        "dynamic",
        "positional",
        "names",
        "constants",
        "inputs",
        "layout",
        "row_type",
        "columns",
        "result_processors",
    )

    def __init__(self, stmt: ClauseElement, dialect: Dialect, keys: Sequence[str] | None) -> None:
        compiled = _compile_inlining_constants(stmt, dialect, keys)
        self.compiled = compiled
        self.positional = bool(compiled.positional)
        bind_processors: dict[str, Any] = dict(compiled._bind_processors)  # noqa: SLF001
        required = {name for bp, name in compiled.bind_names.items() if bp.required}
        # An IN list given at execution changes the SQL text each time: such statements go
        # through SQLAlchemy's own expansion per execution (none of the hot ones do).
        self.dynamic = any(bp.expanding and bp.required for bp in compiled.bind_names)
        if self.dynamic:
            self.string = ""
            self.names: tuple[tuple[str, Processor], ...] = ()
            self.constants: dict[str, Any] = {}
            self.inputs: tuple[tuple[str, Processor], ...] = ()
            self.layout: tuple[tuple[int, ...], tuple[Any, ...]] = ((), ())
        else:
            state = compiled.construct_expanded_state({name: None for name in required})
            self.string = state.statement
            order = state.positiontup if self.positional else list(state.parameters)
            self.names = tuple(
                (name, None if name not in required else bind_processors.get(name))
                for name in order or ()
            )
            # Values fixed in the statement (`status='called'`, `IN ('called', 'serving')`),
            # processed once.
            self.constants = {}
            for name, value in state.parameters.items():
                if name in required:
                    continue
                base = name.rsplit("_", 1)[0] if name not in bind_processors else name
                proc = bind_processors.get(name) or bind_processors.get(base)
                self.constants[name] = (
                    proc(value) if proc is not None and value is not None else value
                )
            # Positional: each distinct value processed once (a time may fill several
            # placeholders), then laid out: an input's index, or ~index of a constant.
            inputs: dict[str, tuple[int, Processor]] = {}
            fixed: list[Any] = []
            layout: list[int] = []
            for name, proc in self.names:
                if name in self.constants:
                    layout.append(~len(fixed))
                    fixed.append(self.constants[name])
                else:
                    layout.append(inputs.setdefault(name, (len(inputs), proc))[0])
            self.inputs = tuple((name, proc) for name, (_, proc) in inputs.items())
            self.layout = (tuple(layout), tuple(fixed))
        columns = _returned_columns(stmt)
        self.columns = columns
        # Result processors depend on the column types the driver reports (PostgreSQL's
        # numeric OIDs): made at the first execution.
        self.result_processors: tuple[tuple[int, Callable[[Any], Any]], ...] | None = None
        if columns is None:
            self.row_type: Any = None
        else:
            keys_out = [str(k) for k in columns.keys()]  # noqa: SIM118 — iterating gives columns
            self.row_type = namedtuple("Row", keys_out, rename=True)  # type: ignore[misc]

    def processors_for(
        self, dialect: Dialect, description: Sequence[Any]
    ) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        """The columns that need converting (dates, JSON, booleans …), with their processors."""
        if self.result_processors is None:
            self.result_processors = tuple(
                (i, proc)
                for i, (c, d) in enumerate(zip(self.columns, description, strict=True))
                if (proc := c.type.dialect_impl(dialect).result_processor(dialect, d[1]))
                is not None
            )
        return self.result_processors

    def bind(self, params: dict[str, Any]) -> tuple[str, Any]:
        """The SQL text and driver parameters for one execution."""
        if self.dynamic:
            state = self.compiled.construct_expanded_state(params)
            procs: dict[str, Any] = dict(state.processors)
            if self.positional:
                args_list = []
                for name in state.positiontup or ():
                    value = state.parameters[name]
                    fn = procs.get(name)
                    args_list.append(fn(value) if fn is not None and value is not None else value)
                return state.statement, args_list
            out = {}
            for name, value in state.parameters.items():
                fn = procs.get(name)
                out[name] = fn(value) if fn is not None and value is not None else value
            return state.statement, out
        constants = self.constants
        if self.positional:
            values = []
            for name, proc in self.inputs:
                value = params[name]
                values.append(proc(value) if proc is not None and value is not None else value)
            layout, fixed = self.layout
            return self.string, [values[i] if i >= 0 else fixed[~i] for i in layout]
        named = {}
        for name, proc in self.names:
            if name in constants:
                named[name] = constants[name]
                continue
            value = params[name]
            named[name] = proc(value) if proc is not None and value is not None else value
        return self.string, named

    def result(
        self,
        dialect: Dialect,
        raw_rows: list[Any],
        rowcount: int,
        description: Callable[[], Sequence[Any]],
    ) -> DirectResult:
        """The driver's rows of one execution as this statement's rows (none if it returns
        none). `description` (the columns' types) is asked for only to make the processors."""
        if self.row_type is None:
            return DirectResult([], rowcount)
        rows = raw_rows
        if rows:
            processors = self.result_processors
            if processors is None:
                processors = self.processors_for(dialect, description())
            rows = self.make_rows(processors, rows)
        return DirectResult(rows, rowcount)

    def make_rows(
        self, processors: tuple[tuple[int, Callable[[Any], Any]], ...], raw_rows: list[Any]
    ) -> list[Any]:
        make = self.row_type._make
        if not processors:
            return [make(r) for r in raw_rows]
        rows = []
        for raw in raw_rows:
            values = list(raw)
            for i, proc in processors:
                if values[i] is not None:
                    values[i] = proc(values[i])
            rows.append(make(values))
        return rows


_INLINE_COMPILERS: dict[type, type] = {}


def _compile_inlining_constants(
    stmt: ClauseElement, dialect: Dialect, keys: Sequence[str] | None
) -> SQLCompiler:
    """Compile `stmt` with its fixed values (`status = 'waiting'`, `LIMIT 1`) written into the
    SQL text instead of sent as parameters.

    PostgreSQL plans a prepared statement once for all executions (a generic plan) only if
    that plan is not much dearer than planning each execution for its values; with `LIMIT $1`
    or `status = $2` it cannot tell the plan is a short index walk, and a probe was planned
    anew each time (~0.25 ms of the server's CPU against ~0.05 ms of execution).
    """
    base = dialect.statement_compiler
    compiler = _INLINE_COMPILERS.get(base)
    if compiler is None:

        def visit_bindparam(self: Any, bindparam: BindParameter[Any], **kw: Any) -> Any:
            if not bindparam.required and bindparam.value is not None:
                kw["literal_execute"] = True
            return base.visit_bindparam(self, bindparam, **kw)

        compiler = _INLINE_COMPILERS[base] = type(
            f"Inline{base.__name__}", (base,), {"visit_bindparam": visit_bindparam}
        )
    return cast(SQLCompiler, compiler(dialect, stmt, column_keys=list(keys) if keys else None))


def _returned_columns(stmt: Any) -> Any:
    if hasattr(stmt, "selected_columns") and not hasattr(stmt, "table"):
        return stmt.selected_columns
    returning = getattr(stmt, "_returning", ())
    return stmt.exported_columns if returning else None


class DirectResult:
    """The rows of one execution, with the `Result` methods the engine uses."""

    __slots__ = ("_rows", "rowcount")

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self._rows = rows
        self.rowcount = rowcount

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def all(self) -> list[Any]:
        return self._rows

    def one(self) -> Any:
        if len(self._rows) != 1:
            raise LookupError(f"expected one row, got {len(self._rows)}")
        return self._rows[0]

    def one_or_none(self) -> Any:
        if len(self._rows) > 1:
            raise LookupError(f"expected at most one row, got {len(self._rows)}")
        return self._rows[0] if self._rows else None

    def scalar_one(self) -> Any:
        return self.one()[0]

    def scalar_one_or_none(self) -> Any:
        row = self.one_or_none()
        return None if row is None else row[0]

    def scalars(self) -> DirectResult:
        return DirectResult([r[0] for r in self._rows], self.rowcount)


class StatementCache:
    """Prepared statements of one database (shared by its connections).

    PostgreSQL statements are compiled with the server's own placeholders (`$1`) and run on
    psycopg's `RawCursor`: psycopg otherwise rewrites `%(name)s` placeholders at every
    execution, and caches the rewrite only for statements shorter than 4 KB (a window's
    whole call is longer).
    """

    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        self.compile_dialect = dialect
        self.raw_cursor: Any = None
        if dialect.name == "postgresql":
            import psycopg

            native = copy.copy(dialect)
            native.paramstyle = "numeric_dollar"
            native.positional = True
            self.compile_dialect = native
            self.raw_cursor = psycopg.RawCursor
        self._cache: dict[tuple[Any, tuple[str, ...] | None], Prepared] = {}

    def get(self, stmt: ClauseElement, params: dict[str, Any]) -> Prepared:
        # An INSERT compiles to the columns given; other statements do not depend on the keys.
        keys = tuple(params) if getattr(stmt, "is_insert", False) else None
        key = (stmt, keys)
        prepared = self._cache.get(key)
        if prepared is None:
            prepared = Prepared(stmt, self.compile_dialect, keys)
            if len(self._cache) < _MAX_CACHED:
                self._cache[key] = prepared
        return prepared


class DirectTx:
    """One transaction on a DB-API connection, executing SQLAlchemy statements directly.

    On PostgreSQL every statement is a round trip, so a transaction can send several at once
    (psycopg's pipeline mode; the server still runs them one after another, each seeing what
    the previous one did):

    - `execute_all` sends statements together and returns all their results;
    - `defer` holds a write whose result nobody reads (an event row, a status update) and
      sends it with the next statement or with COMMIT.

    On SQLite, which has no round trips, all of them simply run in order.
    """

    def __init__(
        self,
        dbapi_conn: Any,
        cache: StatementCache,
        *,
        pipeline: bool = False,
    ) -> None:
        self.dbapi_conn = dbapi_conn
        self.cache = cache
        self.cursor = self.new_cursor()
        self.pipeline = pipeline
        self._deferred: list[tuple[Prepared, str, Any]] = []
        # Statements for after COMMIT, each in a transaction of its own (PostgreSQL).
        self._then: list[tuple[str, Any]] = []
        # The server's clock as read with the first statements (PostgreSQL), when known.
        self.server_now: Any = None

    def new_cursor(self) -> Any:
        factory = self.cache.raw_cursor
        return self.dbapi_conn.cursor() if factory is None else factory(self.dbapi_conn)

    def execute(self, stmt: Any, params: dict[str, Any] | None = None) -> DirectResult:
        if self._deferred:
            return self.execute_all([(stmt, params or {})])[0]
        prepared = self.cache.get(stmt, params or {})
        sql_text, args = prepared.bind(params or {})
        cursor = self.cursor
        try:
            cursor.execute(sql_text, args)
            return self._result(prepared, cursor)
        except Exception as e:  # noqa: BLE001 — re-raised as SQLAlchemy's error classes
            raise self.wrap(e, sql_text, args) from e

    def _result(self, prepared: Prepared, cursor: Any) -> DirectResult:
        """The rows of `cursor`'s last statement, as `prepared` describes them.

        Whether a statement returns rows is known from the statement itself: psycopg builds a
        `Column` object per column each time `description` is read, a tenth of a call's
        client time, so it is read once per statement, for the result processors.
        """
        if prepared.row_type is None:
            return DirectResult([], cursor.rowcount)
        description = lambda: cursor.description  # noqa: E731
        return prepared.result(self.cache.dialect, cursor.fetchall(), cursor.rowcount, description)

    def execute_all(self, statements: Sequence[tuple[Any, dict[str, Any]]]) -> list[DirectResult]:
        """Run statements in order and return their results: one round trip on PostgreSQL."""
        bound: list[tuple[Prepared, str, Any]] = []
        sql_text: str = ""
        args: Any = ()
        for stmt, params in statements:
            prepared = self.cache.get(stmt, params)
            bound.append((prepared, *prepared.bind(params)))
        if not self.pipeline:
            out = []
            for prepared, sql_text, args in bound:
                try:
                    self.cursor.execute(sql_text, args)
                    out.append(self._result(prepared, self.cursor))
                except Exception as e:  # noqa: BLE001
                    raise self.wrap(e, sql_text, args) from e
            return out
        deferred, self._deferred = self._deferred, []
        conn = self.dbapi_conn
        try:
            with conn.pipeline():
                for _, sql_text, args in deferred:
                    self.new_cursor().execute(sql_text, args)
                cursors = []
                for _, sql_text, args in bound:
                    cursor = self.new_cursor()
                    cursor.execute(sql_text, args)
                    cursors.append(cursor)
            return [
                self._result(prepared, cursor)
                for (prepared, _, _), cursor in zip(bound, cursors, strict=True)
            ]
        except Exception as e:  # noqa: BLE001
            raise self.wrap(e, sql_text, args) from e

    def defer(self, stmt: Any, params: dict[str, Any]) -> None:
        """A write whose result is not needed: sent with the next statement or the COMMIT."""
        prepared = self.cache.get(stmt, params)
        if not self.pipeline:
            sql_text, args = prepared.bind(params)
            try:
                self.cursor.execute(sql_text, args)
            except Exception as e:  # noqa: BLE001
                raise self.wrap(e, sql_text, args) from e
            return
        self._deferred.append((prepared, *prepared.bind(params)))

    @property
    def has_then(self) -> bool:
        return bool(self._then)

    def then(self, stmt: Any, params: dict[str, Any]) -> None:
        """A statement to run after COMMIT in a transaction of its own, sent with the COMMIT
        (PostgreSQL; the change feed's wake-up). The same statement twice runs once."""
        if not self.pipeline:
            return
        bound = self.cache.get(stmt, params).bind(params)
        if bound not in self._then:
            self._then.append(bound)

    def commit(self) -> None:
        """COMMIT, sending the deferred writes with it and the `then` statements after it
        (PostgreSQL)."""
        conn = self.dbapi_conn
        if not self.pipeline:  # nothing deferred: `defer` ran its statement at once
            try:
                # SQLite: the transaction was opened by hand (BEGIN IMMEDIATE); a COMMIT through
                # the cursor reuses its prepared statement.
                if self.cache.dialect.name == "sqlite":
                    self.cursor.execute("COMMIT")
                else:
                    conn.commit()
            except Exception as e:  # noqa: BLE001
                raise self.wrap(e, "COMMIT", ()) from e
            return
        deferred, self._deferred = self._deferred, []
        then, self._then = self._then, []
        sql_text: str = "COMMIT"
        args: Any = ()
        try:
            if deferred or then:
                with conn.pipeline():
                    for _, sql_text, args in deferred:
                        self.new_cursor().execute(sql_text, args)
                    sql_text, args = "COMMIT", ()
                    conn.commit()
                    for sql_text, args in then:
                        self.new_cursor().execute(sql_text, args)
                        conn.commit()
            else:
                conn.commit()
        except Exception as e:  # noqa: BLE001
            raise self.wrap(e, sql_text, args) from e

    def exec_driver_sql(self, sql_text: str) -> None:
        try:
            self.cursor.execute(sql_text)
        except Exception as e:  # noqa: BLE001
            raise self.wrap(e, sql_text, ()) from e

    def wrap(self, error: Exception, statement: str, params: Any) -> Exception:
        return _wrap(self.cache.dialect, self.dbapi_conn, self.cursor, error, statement, params)


def run_alone(
    dbapi_conn: Any,
    cache: StatementCache,
    stmt: Any,
    params: dict[str, Any],
    then: Sequence[tuple[Any, dict[str, Any]]] = (),
) -> DirectResult:
    """Run one statement as its own transaction, then each of `then` as its own, in one round
    trip (PostgreSQL, on a connection in autocommit: `common.pgwire`)."""
    from common import pgwire

    prepared = cache.get(stmt, params)
    sql_text, args = prepared.bind(params)
    statements = [(sql_text, args)]
    statements += [cache.get(s, p).bind(p) for s, p in then]
    try:
        outcome = pgwire.run(dbapi_conn, statements)[0]
    except Exception as e:  # noqa: BLE001
        raise _wrap(cache.dialect, dbapi_conn, None, e, sql_text, args) from e
    description = lambda: [(None, oid) for oid in outcome.type_oids]  # noqa: E731
    return prepared.result(cache.dialect, outcome.rows, outcome.rowcount, description)


def run_local(
    dbapi_conn: Any,
    cache: StatementCache,
    statements: Sequence[tuple[Any, dict[str, Any]]],
) -> list[DirectResult]:
    """Run statements as one write transaction on a SQLite connection (`BEGIN IMMEDIATE` …
    `COMMIT`) and return their results.

    The database's one write lock is held from BEGIN to COMMIT: the statements are bound
    before it is taken and their rows converted after it is given back, so the lock is held
    for SQLite's own work alone (no statement may depend on an earlier one's rows). On an
    error (or an interruption) the caller rolls back.
    """
    bound = []
    for stmt, params in statements:
        prepared = cache.get(stmt, params)
        bound.append((prepared, *prepared.bind(params)))
    fetched: list[tuple[list[Any], int, Any]] = []
    cursor = None
    sql_text, args = "BEGIN IMMEDIATE", ()
    try:
        cursor = dbapi_conn.cursor()
        cursor.execute(sql_text)
        for prepared, sql_text, args in bound:
            cursor.execute(sql_text, args)
            rows = cursor.fetchall() if prepared.row_type is not None else []
            fetched.append((rows, cursor.rowcount, cursor.description))
        sql_text, args = "COMMIT", ()
        cursor.execute(sql_text)
    except Exception as e:  # noqa: BLE001 — re-raised as SQLAlchemy's error classes
        raise _wrap(cache.dialect, dbapi_conn, cursor, e, sql_text, args) from e
    return [
        prepared.result(cache.dialect, rows, rowcount, functools.partial(_given, description))
        for (prepared, _, _), (rows, rowcount, description) in zip(bound, fetched, strict=True)
    ]


def _given(value: Any) -> Any:
    return value


def _wrap(
    dialect: Dialect, dbapi_conn: Any, cursor: Any, error: Exception, statement: str, params: Any
) -> Exception:
    """`error` as SQLAlchemy's exception for it, when it is the driver's."""
    dbapi = dialect.loaded_dbapi
    if not isinstance(error, dbapi.Error):
        return error
    invalidated = bool(dialect.is_disconnect(error, dbapi_conn, cursor))
    return DBAPIError.instance(
        statement,
        params,
        error,
        dbapi.Error,
        connection_invalidated=invalidated,
        dialect=dialect,
    )
