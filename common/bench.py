"""`hallq bench`: the performance targets of the issues, measured (a benchmark, not a test).

* dispatch — P counter processes (1, 8, 32) each calling then finishing from a pre-issued
  backlog while 2 kiosk processes keep issuing: calls/s, call latency p50/p95, duplicates
  (tickets called twice: must be 0), and `raw_calls_per_s`, the same transactions written
  directly with the driver (sqlite3 / psycopg) in the same run, as the ceiling.
* feed — commit in one process → callback in another, over ≥ 500 changes.
* issue — latency of `QueueEngine.issue`.
* kiosk / display / report — the apps' own figures (tap → ticket, call → painted, memory
  growth, report times), measured by their modules.

Every figure is measured in this run on this machine; compare ratios within one run.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing as mp
import os
import queue
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import DBAPIError

from common import hall, schema
from common.db import Database, normalize_url
from common.models import DailyCounter, Event, Service, Ticket, Window

PROCESS_COUNTS = (1, 8, 32)
KIOSKS = 2
# Each kiosk issues on a schedule: a ticket every 50 ms, a hundred times faster than people
# tap, so issuing keeps contending for the write lock without turning the dispatch benchmark
# into an issuing benchmark (unpaced, the kiosks took most of SQLite's write lock).
KIOSK_ISSUES_PER_S = 20


def _pct(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def _summary(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(_pct(latencies_ms, 0.50), 2),
        "p95_ms": round(_pct(latencies_ms, 0.95), 2),
        "n": len(latencies_ms),
    }


# ---------------------------------------------------------------------------- databases


class _Target:
    """A database to measure on: a temp SQLite file, or a database made on the PostgreSQL server."""

    def __init__(self, backend: str, pg_url: str | None, workdir: Path) -> None:
        self.backend = backend
        self._pg_admin: str | None = None
        self._pg_name: str | None = None
        if backend == "sqlite":
            self.url = f"sqlite:///{(workdir / f'bench-{uuid.uuid4().hex[:8]}.db').as_posix()}"
        else:
            import psycopg

            assert pg_url is not None
            admin = normalize_url(pg_url).set(drivername="postgresql")
            self._pg_admin = admin.render_as_string(hide_password=False)
            self._pg_name = f"hallq_bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(self._pg_admin, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f'CREATE DATABASE "{self._pg_name}"')
            self.url = admin.set(
                database=self._pg_name, drivername="postgresql+psycopg"
            ).render_as_string(hide_password=False)
        db = Database(self.url)
        schema.upgrade(db)
        db.dispose()

    def drop(self) -> None:
        if self._pg_admin and self._pg_name:
            import psycopg

            with psycopg.connect(self._pg_admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self._pg_name}" WITH (FORCE)')


def _make_hall(url: str, code: str, windows: int) -> None:
    """A hall with one service A served by `windows` windows, open around the clock."""
    db = Database(url)

    def run(s: Any) -> None:
        hall_id = hall.ensure_hall(s, code)
        service_id = hall.add_service(s, hall_id, "A", "综合业务", "General", number_width=5)
        for number in range(1, windows + 1):
            hall.add_window(s, hall_id, number, [(service_id, 0)])

    db.transaction(run)
    db.dispose()


def _preissue(url: str, code: str, count: int) -> None:
    """A backlog of waiting tickets, written in bulk (as if issued earlier today)."""
    from common.engine import QueueEngine

    db = Database(url)
    engine = QueueEngine(db, code)
    now = engine.now()
    day = engine.service_day(now)
    start = now - timedelta(minutes=5)

    def run(s: Any) -> None:
        service_id = s.execute(
            select(Service.id).where(Service.hall_id == engine.hall_id, Service.code == "A")
        ).scalar_one()
        rows = [
            {
                "hall_id": engine.hall_id,
                "day": day,
                "issue_service_id": service_id,
                "service_id": service_id,
                "number": n,
                "label": f"A{n:05d}",
                "priority": "none",
                "status": "waiting",
                "issued_at": start + timedelta(microseconds=n),
                "queue_at": start + timedelta(microseconds=n),
                "recall_count": 0,
                "transfer_count": 0,
                "transfer_note": "",
                "outcome": "",
                "token": "",
            }
            for n in range(1, count + 1)
        ]
        for i in range(0, len(rows), 2000):
            s.execute(insert(Ticket), rows[i : i + 2000])
        s.execute(
            insert(DailyCounter),
            [
                {
                    "hall_id": engine.hall_id,
                    "day": day,
                    "service_id": service_id,
                    "last_number": count,
                }
            ],
        )

    db.transaction(run)
    if db.is_postgresql:
        # As autovacuum would after such a load (the planner needs the table's statistics, and
        # the first reads of fresh rows would otherwise write hint bits), then a checkpoint, so
        # that the run does not pay for the load's own.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM (ANALYZE) tickets")
            # CHECKPOINT needs the pg_checkpoint role: without it, measure anyway.
            with contextlib.suppress(DBAPIError):
                conn.exec_driver_sql("CHECKPOINT")
    db.dispose()


# ---------------------------------------------------------------------------- workers


def _counter_worker(
    url: str, code: str, window: int, seconds: float, gate: _Gate, out: Any
) -> None:
    from common.db import Database
    from common.engine import QueueEngine
    from common.errors import NothingToDo

    engine = QueueEngine(Database(url, pool_size=1), code)
    engine.settings  # noqa: B018 — load before the clock starts
    latencies: list[float] = []
    called: list[int] = []
    empty = 0
    deadline = gate.wait() + seconds
    while time.time() < deadline:
        t0 = time.perf_counter()
        try:
            ticket = engine.call_next(window)
        except NothingToDo:
            empty += 1
            continue
        latencies.append((time.perf_counter() - t0) * 1000)
        called.append(ticket.id)
        engine.finish(window)
    out.put({"latencies": latencies, "called": called, "empty": empty})


def _kiosk_worker(url: str, code: str, seconds: float, gate: _Gate, out: Any) -> None:
    from common.db import Database
    from common.engine import QueueEngine

    engine = QueueEngine(Database(url, pool_size=1), code)
    engine.settings  # noqa: B018
    issued = 0
    start = gate.wait()
    deadline = start + seconds
    period = 1.0 / KIOSK_ISSUES_PER_S
    while (now := time.time()) < deadline:
        due = start + issued * period
        if now < due:
            time.sleep(due - now)
            continue
        engine.issue("A")
        issued += 1
    out.put({"issued": issued})


def _driver_statements(url: str) -> Callable[..., tuple[str, Any]]:
    """The engine's statements as SQL text and driver parameters for `url`'s database: the
    raw loops run the very statements the engine runs, without the engine."""
    from common.direct import StatementCache

    db = Database(url)
    dialect = db.engine.dialect
    with db.engine.connect():  # the dialect learns the server's version
        pass
    cache = StatementCache(dialect)
    db.dispose()

    def bind(stmt: Any, **params: Any) -> tuple[str, Any]:
        return cache.get(stmt, params).bind(params)

    return bind


def _raw_sqlite_worker(
    path: str, hall_id: int, window_id: int, day: str, seconds: float, gate: _Gate, out: Any
) -> None:
    """The engine's call and finish transactions, run directly with sqlite3.

    Call: BEGIN IMMEDIATE, the one-UPDATE call (`sql.sqlite_call_next`) and its event
    (`sql.SQLITE_CALLED_EVENT`), COMMIT. Finish: BEGIN IMMEDIATE, the event
    (`sql.SQLITE_FINISHED_EVENT`) and the one-UPDATE finish (`sql.SQLITE_FINISH`), COMMIT.
    """
    from common import sql
    from common.db import WAL_AUTOCHECKPOINT_PAGES, Checkpointer

    bind = _driver_statements(f"sqlite:///{path}")
    conn = sqlite3.connect(path, isolation_level=None, timeout=15)
    conn.execute("PRAGMA busy_timeout = 15000")
    conn.execute("PRAGMA synchronous = NORMAL")
    # Checkpoints as the engine does them (common.db.Checkpointer).
    conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT_PAGES}")
    Checkpointer(Path(path)).start()
    window = conn.execute("SELECT number FROM windows WHERE id = ?", (window_id,)).fetchone()[0]
    ranks = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT rank FROM window_services WHERE window_id = ? ORDER BY rank",
            (window_id,),
        )
    ]
    on_window = {"hall_id": hall_id, "number": window, "window_id": window_id}
    ranked = {f"rank_{i}": rank for i, rank in enumerate(ranks)}
    call_next = sql.sqlite_call_next(len(ranks))
    calls = empty = 0
    deadline = gate.wait() + seconds
    while time.time() < deadline:
        now = datetime.now(UTC)
        call = dict(on_window, day=date.fromisoformat(day), now=now, staff_id=None, **ranked)
        call["cutoff"] = now - timedelta(minutes=20)
        conn.execute("BEGIN IMMEDIATE")
        called = conn.execute(*bind(call_next, **call)).fetchall()
        conn.execute(*bind(sql.SQLITE_CALLED_EVENT, **call))
        conn.execute("COMMIT")
        if not called:
            empty += 1
            continue
        calls += 1
        finish = dict(on_window, now=now, outcome="done")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(*bind(sql.SQLITE_FINISHED_EVENT, **finish))
        conn.execute(*bind(sql.SQLITE_FINISH, **finish)).fetchall()
        conn.execute("COMMIT")
    out.put({"calls": calls, "empty": empty})


def _raw_pg_worker(
    conninfo: str,
    url: str,
    hall_id: int,
    window_id: int,
    day: str,
    seconds: float,
    gate: _Gate,
    out: Any,
) -> None:
    """The engine's call and finish, run directly on psycopg's libpq layer: each one statement
    in its own transaction (`sql.fast_call_next`, `sql.FAST_FINISH`), followed by the change
    feed's wake-up (`sql.WAKE`) in a transaction of its own, in one round trip, as the
    engine sends them (`common.pgwire`)."""
    import psycopg

    from common import pgwire, sql

    bind = _driver_statements(url)
    conn = psycopg.connect(conninfo, autocommit=True)
    window = conn.execute("SELECT number FROM windows WHERE id = %s", (window_id,)).fetchone()[0]  # type: ignore[index]
    ranks = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT rank FROM window_services WHERE window_id = %s ORDER BY rank",
            (window_id,),
        )
    ]
    action = {
        "hall_id": hall_id,
        "number": window,
        "now": None,
        "tz": "Asia/Shanghai",
        "any_day": True,
        "day": date.fromisoformat(day),
    }
    call = bind(
        sql.fast_call_next(len(ranks)),
        **action,
        sla_minutes=20,
        staff_id=None,
        **{f"rank_{i}": rank for i, rank in enumerate(ranks)},
    )
    finish = bind(sql.FAST_FINISH, **action, outcome="done")
    wake = bind(sql.WAKE, channel=f"hallq_{hall_id}")
    calls = empty = 0
    deadline = gate.wait() + seconds
    while time.time() < deadline:
        if not pgwire.run(conn, [call, wake])[0].rows:
            empty += 1
            continue
        calls += 1
        pgwire.run(conn, [finish, wake])
    conn.close()
    out.put({"calls": calls, "empty": empty})


class _Gate:
    """Start every worker at once, after all of them have imported and connected."""

    def __init__(self, ctx: Any) -> None:
        self.ready = ctx.Queue()
        self.go = ctx.Event()
        self.start_at = ctx.Value("d", 0.0)

    def wait(self) -> float:
        self.ready.put(os.getpid())
        self.go.wait(600)
        start_at = self.start_at.value
        while time.time() < start_at:
            time.sleep(0.0005)
        return start_at


def _run_processes(specs: list[tuple[Callable[..., None], tuple[Any, ...]]]) -> list[Any]:
    """Run workers `fn(*args, gate, out)` in spawned processes; return what each put in `out`."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    gate = _Gate(ctx)
    procs = [ctx.Process(target=fn, args=(*args, gate, out), daemon=True) for fn, args in specs]
    for p in procs:
        p.start()
    for _ in procs:
        _collect(gate.ready, procs)
    gate.start_at.value = time.time() + 0.2
    gate.go.set()
    results = [_collect(out, procs) for _ in procs]
    for p in procs:
        p.join(30)
    return results


def _collect(q: Any, procs: list[Any], timeout: float = 600) -> Any:
    """The next item of `q`; a worker that died meanwhile (its error is on stderr) stops the
    measurement at once instead of leaving it waiting."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return q.get(timeout=0.5)
        except queue.Empty:
            failed = [p for p in procs if p.exitcode not in (None, 0)]
            if failed:
                for p in procs:
                    p.kill()
                raise RuntimeError(
                    f"a benchmark worker failed (exit code {failed[0].exitcode})"
                ) from None
            if time.monotonic() > deadline:
                raise


# ---------------------------------------------------------------------------- benchmarks


def _hall_ids(url: str, code: str) -> tuple[int, dict[int, int], str]:
    from common.engine import QueueEngine

    db = Database(url)
    engine = QueueEngine(db, code)
    day = engine.service_day(engine.now()).isoformat()
    windows = dict(
        db.transaction(
            lambda s: s.execute(
                select(Window.number, Window.id).where(Window.hall_id == engine.hall_id)
            ).all(),
            write=False,
        )
    )
    db.dispose()
    return engine.hall_id, windows, day


def _duplicates(url: str, code: str) -> int:
    from common.engine import QueueEngine

    db = Database(url)
    engine = QueueEngine(db, code)

    def run(s: Any) -> int:
        rows = s.execute(
            select(Event.ticket_id).where(Event.hall_id == engine.hall_id, Event.kind == "called")
        ).scalars()
        seen: set[int] = set()
        dup = 0
        for tid in rows:
            dup += tid in seen
            seen.add(tid)
        return dup

    n = db.transaction(run, write=False)
    db.dispose()
    return n


def _settle() -> None:
    """Write the machine's dirty pages out before a measurement: otherwise a run pays for the
    writeback of what earlier ones wrote (the SQLite runs leave ~100 MB behind), and every
    COMMIT's flush waits behind it."""
    if hasattr(os, "sync"):
        os.sync()


def _settle_target(target: _Target) -> None:
    """`_settle`, after a PostgreSQL checkpoint: a measurement after the dispatch runs would
    otherwise pay for their writes (the server's own checkpoint, the machine's writeback)."""
    if target.backend == "postgresql":
        db = Database(target.url)
        try:
            # CHECKPOINT needs the pg_checkpoint role: without it, measure anyway.
            with (
                db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn,
                contextlib.suppress(DBAPIError),
            ):
                conn.exec_driver_sql("CHECKPOINT")
        finally:
            db.dispose()
    _settle()


def bench_dispatch(target: _Target, processes: int, seconds: float, backlog: int) -> dict[str, Any]:
    code = f"d{processes}_{uuid.uuid4().hex[:6]}"
    _make_hall(target.url, code, processes)
    _preissue(target.url, code, backlog)
    _settle()
    specs: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
        (_counter_worker, (target.url, code, w, seconds)) for w in range(1, processes + 1)
    ]
    specs += [(_kiosk_worker, (target.url, code, seconds)) for _ in range(KIOSKS)]
    results = _run_processes(specs)
    latencies = [x for r in results if "latencies" in r for x in r["latencies"]]
    calls = sum(len(r["called"]) for r in results if "called" in r)
    issued = sum(r["issued"] for r in results if "issued" in r)
    duplicates = _duplicates(target.url, code)

    # The ceiling: the same transactions through the bare driver, on a fresh backlog.
    raw_code = f"r{processes}_{uuid.uuid4().hex[:6]}"
    _make_hall(target.url, raw_code, processes)
    _preissue(target.url, raw_code, backlog)
    hall_id, windows, day = _hall_ids(target.url, raw_code)
    _settle()
    if target.backend == "sqlite":
        path = normalize_url(target.url).database or ""
        raw_specs: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
            (_raw_sqlite_worker, (path, hall_id, windows[w], day, seconds))
            for w in range(1, processes + 1)
        ]
    else:
        conninfo = (
            normalize_url(target.url)
            .set(drivername="postgresql")
            .render_as_string(hide_password=False)
        )
        raw_specs = [
            (_raw_pg_worker, (conninfo, target.url, hall_id, windows[w], day, seconds))
            for w in range(1, processes + 1)
        ]
    # Under the same load: the same kiosks issue meanwhile.
    raw_specs += [(_kiosk_worker, (target.url, raw_code, seconds)) for _ in range(KIOSKS)]
    raw_results = _run_processes(raw_specs)
    raw_calls = sum(r["calls"] for r in raw_results if "calls" in r)
    return {
        "calls_per_s": round(calls / seconds, 1),
        **{k: v for k, v in _summary(latencies).items() if k != "n"},
        "calls": calls,
        "duplicates": duplicates,
        "issued_meanwhile": issued,
        "raw_calls_per_s": round(raw_calls / seconds, 1),
        # Calls that found the queue empty: the backlog ran out and the figure is a floor.
        "empty_calls": sum(r["empty"] for r in results if "empty" in r),
        "raw_empty_calls": sum(r["empty"] for r in raw_results if "calls" in r),
        "kiosks": KIOSKS,
        "kiosk_issues_per_s": KIOSK_ISSUES_PER_S,
        "share_of_raw": round(calls / raw_calls, 2) if raw_calls else None,
    }


def _feed_writer(url: str, code: str, count: int, gate: _Gate, out: Any) -> None:
    from common.db import Database
    from common.engine import QueueEngine

    engine = QueueEngine(Database(url, pool_size=1), code)
    engine.settings  # noqa: B018
    committed: dict[int, float] = {}
    gate.wait()
    time.sleep(0.5)  # the listener is connected by now
    for _ in range(count):
        ticket = engine.issue("A")
        committed[ticket.ticket.id] = time.time()
        time.sleep(0.01)
    out.put({"committed": committed})


def _feed_listener(url: str, code: str, count: int, gate: _Gate, out: Any) -> None:
    import threading

    from common.db import Database
    from common.engine import QueueEngine
    from common.feed import ChangeFeed

    engine = QueueEngine(Database(url, pool_size=1), code)
    received: dict[int, float] = {}
    done = threading.Event()

    def on_changes(changes: list[Any]) -> None:
        now = time.time()
        for c in changes:
            if c.kind == "issued" and c.ticket_id is not None:
                received[c.ticket_id] = now
        if len(received) >= count:
            done.set()

    feed = ChangeFeed(url, engine.hall_id, on_changes).start()
    feed.ready.wait(30)
    gate.wait()
    done.wait(60.0 + count * 0.05)
    feed.stop()
    out.put({"received": received})


def bench_feed(target: _Target, count: int) -> dict[str, Any]:
    code = f"f_{uuid.uuid4().hex[:6]}"
    _make_hall(target.url, code, 1)
    _settle_target(target)
    results = _run_processes(
        [(_feed_listener, (target.url, code, count)), (_feed_writer, (target.url, code, count))]
    )
    committed = next(r["committed"] for r in results if "committed" in r)
    received = next(r["received"] for r in results if "received" in r)
    latencies = [(received[t] - c) * 1000 for t, c in committed.items() if t in received]
    return {**_summary(latencies), "lost": len(committed) - len(latencies)}


def bench_issue(target: _Target, count: int) -> dict[str, Any]:
    from common.engine import QueueEngine

    code = f"i_{uuid.uuid4().hex[:6]}"
    _make_hall(target.url, code, 2)
    _settle_target(target)
    db = Database(target.url)
    engine = QueueEngine(db, code)
    engine.issue("A")
    latencies = []
    for _ in range(count):
        t0 = time.perf_counter()
        engine.issue("A")
        latencies.append((time.perf_counter() - t0) * 1000)
    db.dispose()
    return _summary(latencies)


def _app_figures(fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except Exception as e:  # noqa: BLE001 — one failing figure must not hide the others
        return {"error": f"{type(e).__name__}: {e}"}


def run(
    pg_url: str | None = None, *, quick: bool = False, only: list[str] | None = None
) -> dict[str, Any]:
    """Run every benchmark (or `only` some: dispatch, feed, issue, kiosk, display, report)."""
    wanted = set(only or ["dispatch", "feed", "issue", "kiosk", "display", "report"])
    seconds = 2.0 if quick else 4.0
    backends = ["sqlite"] + (["postgresql"] if pg_url else [])
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "quick": quick}}
    with tempfile.TemporaryDirectory(prefix="hallq-bench-") as tmp:
        workdir = Path(tmp)
        for backend in backends:
            target = _Target(backend, pg_url, workdir)
            try:
                if "dispatch" in wanted:
                    for p in PROCESS_COUNTS:
                        # Enough that neither the engine nor the raw loop runs dry.
                        backlog = 12_000 if backend == "postgresql" else 40_000
                        results.setdefault("dispatch", {}).setdefault(backend, {})[str(p)] = (
                            bench_dispatch(
                                target, p, seconds, backlog if not quick else backlog // 2
                            )
                        )
                if "feed" in wanted:
                    results.setdefault("feed", {})[backend] = bench_feed(
                        target, 200 if quick else 500
                    )
                if "issue" in wanted:
                    results.setdefault("issue", {})[backend] = bench_issue(
                        target, 100 if quick else 300
                    )
                if "kiosk" in wanted and backend == "sqlite":
                    results["kiosk"] = {"tap_to_ticket_ms": _app_figures(partial(_kiosk, target))}
                if "display" in wanted:
                    display = results.setdefault("display", {})
                    display.setdefault("call_to_paint_ms", {})[backend] = _app_figures(
                        partial(_display_paint, target, quick)
                    )
                    if backend == "sqlite":
                        display["rss_growth_mb"] = _app_figures(
                            partial(_display_rss, target, quick)
                        )
            finally:
                target.drop()
        if not pg_url:
            for key in ("dispatch", "feed", "issue"):
                if key in wanted:
                    results.setdefault(key, {})["postgresql"] = {"skipped": "no --pg URL given"}
        if "report" in wanted:
            results["report"] = _app_figures(partial(_report, pg_url))
    return results


def _demo_hall(target: _Target) -> str:
    code = f"app_{uuid.uuid4().hex[:6]}"
    db = Database(target.url)
    db.transaction(lambda s: hall.seed_demo(s, code))
    db.dispose()
    return code


def _kiosk(target: _Target) -> Any:
    from kiosk import bench as kiosk_bench

    return kiosk_bench.measure_tap_to_ticket(target.url, _demo_hall(target))


def _display_paint(target: _Target, quick: bool) -> Any:
    from display import bench as display_bench

    return display_bench.measure_call_to_paint(
        target.url, _demo_hall(target), 100 if quick else 200
    )


def _display_rss(target: _Target, quick: bool) -> Any:
    from display import bench as display_bench

    return display_bench.measure_rss_growth(
        target.url, _demo_hall(target), 2000 if quick else 10000
    )


def _report(pg_url: str | None) -> Any:
    """Report times on ~3 years of history (built once and kept in the user data dir)."""
    from common import report_bench

    return report_bench.run(_report_sqlite_url(), pg_url)


def _report_sqlite_url() -> str:
    from common.config import data_dir

    path = data_dir() / "bench" / "report-history.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.as_posix()}"


def format_results(results: dict[str, Any]) -> str:
    return json.dumps(results, ensure_ascii=False, indent=2)
