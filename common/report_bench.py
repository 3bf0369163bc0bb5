"""The report benchmark: a month's report and a day's figures on three years of a busy hall.

The history (≈1.5 million tickets, half of them rated, a few complaints a day) is built once by
bulk inserts — seeded, so every build is the same — and kept: on SQLite in a file under the
user data dir (or the database given), on PostgreSQL as the hall `bench_history`. Timings are
the median of several warm runs of `reports.compute`, the very function the screens and
`hallq report` call.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import os
import random
import statistics
import time as clock_time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common import hall, reports, schema
from common.clock import ManualClock
from common.config import data_dir
from common.db import Database
from common.engine import QueueEngine
from common.models import Hall, Service, Staff, Ticket, Window

log = logging.getLogger(__name__)

BENCH_HALL = "bench_history"
# Bump when the generated history changes, so an old cache file is not reused.
HISTORY_VERSION = 1
HISTORY_END = date(2026, 10, 31)
HISTORY_DAYS = 3 * 365 + 1
WEEKDAY_TICKETS = 1500
WEEKEND_TICKETS = 1050
RATING_RATE = 0.5
FEEDBACK_PER_DAY = 3
REPEATS = 7
ZONE = ZoneInfo("Asia/Shanghai")

# window number → services (code) it serves; every service has at least two windows.
BENCH_WINDOWS = {
    1: "A",
    2: "A",
    3: "A",
    4: "A",
    5: "B",
    6: "B",
    7: "C",
    8: "C",
    9: "D",
    10: "D",
    11: "E",
    12: "E",
}
SERVICE_WEIGHTS = {"A": 45, "B": 15, "C": 25, "D": 10, "E": 5}
BENCH_CLERKS = 14
SCORE_WEIGHTS = (3, 3, 6, 28, 60)  # scores 1..5
REASONS = ("态度", "效率", "业务能力", "等候时间", "环境")
# Arrivals per half hour from 08:30 to 17:00: a morning peak and a smaller afternoon one.
HALF_HOUR_WEIGHTS = (6, 9, 10, 10, 9, 8, 6, 4, 3, 4, 6, 7, 7, 6, 5, 4, 2)

TICKET_COLUMNS = (
    "id",
    "hall_id",
    "day",
    "issue_service_id",
    "service_id",
    "number",
    "label",
    "priority",
    "status",
    "window_id",
    "staff_id",
    "issued_at",
    "queue_at",
    "called_at",
    "first_called_at",
    "started_at",
    "finished_at",
    "recall_count",
    "transfer_count",
    "transfer_from_service_id",
    "transfer_note",
    "outcome",
    "token",
    "wait_s",
    "handling_s",
)
RATING_COLUMNS = (
    "hall_id",
    "ticket_id",
    "day",
    "service_id",
    "window_id",
    "staff_id",
    "score",
    "reasons",
    "comment",
    "phone",
    "at",
)
FEEDBACK_COLUMNS = (
    "hall_id",
    "at",
    "category",
    "text",
    "phone",
    "status",
    "answer",
    "answered_at",
)


def default_sqlite_path() -> Path:
    return data_dir() / "bench" / f"report-history-v{HISTORY_VERSION}.db"


def _stamp(moment: datetime) -> str:
    """UTC text as both SQLite (SQLAlchemy's storage format) and PostgreSQL (session in UTC) read it."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class _History:
    """Generates the hall's rows day by day (seeded: the same history every time)."""

    def __init__(
        self,
        hall_id: int,
        services: dict[str, int],
        windows: dict[int, int],
        clerks: list[int],
        first_ticket_id: int,
    ) -> None:
        self.hall_id = hall_id
        self.services = services
        self.windows = windows
        self.clerks = clerks
        self.next_id = first_ticket_id
        self.random = random.Random(20261031)
        self.codes = list(SERVICE_WEIGHTS)
        self.code_cdf = _cdf([SERVICE_WEIGHTS[c] for c in self.codes])
        self.slot_cdf = _cdf(HALF_HOUR_WEIGHTS)
        self.score_cdf = _cdf(SCORE_WEIGHTS)
        self.service_windows = {
            code: [n for n, c in BENCH_WINDOWS.items() if c == code] for code in self.codes
        }

    def day(
        self, day: date
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]:
        rnd = self.random
        r = rnd.random
        opening = datetime.combine(day, time(8, 30), ZONE)
        n = WEEKDAY_TICKETS if day.weekday() < 5 else WEEKEND_TICKETS
        n = int(n * (0.85 + 0.3 * r()))
        offsets = sorted((bisect.bisect(self.slot_cdf, r()) + r()) * 1800.0 for _ in range(n))
        # Clerks take turns at the windows from one day to the next.
        shift = day.toordinal() % len(self.clerks)
        clerk_at = {
            number: self.clerks[(i + shift) % len(self.clerks)]
            for i, number in enumerate(sorted(self.windows))
        }
        numbers = dict.fromkeys(self.codes, 0)
        tickets: list[tuple[Any, ...]] = []
        ratings: list[tuple[Any, ...]] = []
        for offset in offsets:
            code = self.codes[bisect.bisect(self.code_cdf, r())]
            numbers[code] += 1
            number = numbers[code]
            issued = opening + timedelta(seconds=offset)
            issue_service = self.services[code]
            service = issue_service
            transfer_count = 0
            transfer_from = None
            current_code = code
            roll = r()
            # Peak-hour waits are longer: the mean follows the arrival weight of the half hour.
            mean_wait = 120.0 + 60.0 * HALF_HOUR_WEIGHTS[min(16, int(offset // 1800))]
            wait: float | None = rnd.expovariate(1.0 / mean_wait)
            handling: float | None = None
            called = first_called = started = finished = None
            window_id = staff_id = None
            if roll < 0.01:
                status = "cancelled"
                wait = None
                finished = issued + timedelta(seconds=60 + 600 * r())
            elif roll < 0.015:
                status = "expired"
                wait = None
                finished = datetime.combine(day + timedelta(days=1), time(8), ZONE)
            else:
                assert wait is not None
                if roll < 0.045:
                    current_code = self.codes[bisect.bisect(self.code_cdf, r())]
                    if current_code != code:
                        transfer_count = 1
                        transfer_from = issue_service
                        service = self.services[current_code]
                first_called = issued + timedelta(seconds=wait)
                window = rnd.choice(self.service_windows[current_code])
                window_id = self.windows[window]
                staff_id = clerk_at[window]
                if roll > 0.96:
                    status = "no_show"
                    called = first_called
                    finished = first_called + timedelta(seconds=120)
                else:
                    status = "done"
                    called = first_called + timedelta(seconds=300 * transfer_count)
                    started = called + timedelta(seconds=20 + 40 * r())
                    handling = 60.0 + rnd.expovariate(1.0 / 240.0)
                    finished = started + timedelta(seconds=handling)
            ticket_id = self.next_id
            self.next_id += 1
            tickets.append(
                (
                    ticket_id,
                    self.hall_id,
                    day.isoformat(),
                    issue_service,
                    service,
                    number,
                    f"{code}{number:03d}",
                    "elderly" if r() < 0.03 else "none",
                    status,
                    window_id,
                    staff_id,
                    _stamp(issued),
                    _stamp(issued),
                    _stamp(called) if called else None,
                    _stamp(first_called) if first_called else None,
                    _stamp(started) if started else None,
                    _stamp(finished) if finished else None,
                    0,
                    transfer_count,
                    transfer_from,
                    "",
                    "done" if status == "done" else "",
                    "",
                    wait,
                    handling,
                )
            )
            if status == "done" and r() < RATING_RATE:
                score = bisect.bisect(self.score_cdf, r()) + 1
                reasons = [rnd.choice(REASONS)] if score < 4 and r() < 0.7 else []
                assert finished is not None
                ratings.append(
                    (
                        self.hall_id,
                        ticket_id,
                        day.isoformat(),
                        service,
                        window_id,
                        staff_id,
                        score,
                        json.dumps(reasons, ensure_ascii=False),
                        "",
                        "",
                        _stamp(finished + timedelta(seconds=30 + 120 * r())),
                    )
                )
        feedback = []
        for _ in range(rnd.randint(0, 2 * FEEDBACK_PER_DAY)):
            at = opening + timedelta(seconds=30600 * r())
            answered = day < HISTORY_END - timedelta(days=3) or r() < 0.5
            feedback.append(
                (
                    self.hall_id,
                    _stamp(at),
                    rnd.choice(("complaint", "suggestion", "praise", "inquiry")),
                    "窗口等候时间较长，希望增加窗口。",
                    "",
                    "answered" if answered else "open",
                    "已增加高峰时段窗口。" if answered else "",
                    _stamp(at + timedelta(hours=2 + 46 * r())) if answered else None,
                )
            )
        return tickets, ratings, feedback


def _cdf(weights: tuple[int, ...] | list[int]) -> list[float]:
    total = float(sum(weights))
    out, running = [], 0.0
    for w in weights:
        running += w
        out.append(running / total)
    out[-1] = math.nextafter(1.0, 2.0)
    return out


def _history_days() -> Iterator[date]:
    first = HISTORY_END - timedelta(days=HISTORY_DAYS - 1)
    for i in range(HISTORY_DAYS):
        yield first + timedelta(days=i)


def _prepare_hall(db: Database) -> tuple[int, dict[str, int], dict[int, int], list[int]]:
    """Create the bench hall: the demo services, twelve windows, fourteen clerks."""

    def run(s: Session) -> tuple[int, dict[str, int], dict[int, int], list[int]]:
        hall_id = hall.seed_demo(s, BENCH_HALL)
        services = dict(
            s.execute(select(Service.code, Service.id).where(Service.hall_id == hall_id)).all()
        )
        windows = dict(
            s.execute(select(Window.number, Window.id).where(Window.hall_id == hall_id)).all()
        )
        for number, code in BENCH_WINDOWS.items():
            if number not in windows:
                windows[number] = hall.add_window(s, hall_id, number, [(services[code], 0)])
        clerks = list(
            s.execute(
                select(Staff.id).where(Staff.hall_id == hall_id, Staff.role == "clerk")
            ).scalars()
        )
        password_hash = s.execute(
            select(Staff.password_hash).where(Staff.hall_id == hall_id).limit(1)
        ).scalar_one()
        for i in range(len(clerks), BENCH_CLERKS):
            person = Staff(
                hall_id=hall_id,
                login=f"{1001 + i}",
                name=f"柜员{1001 + i}",
                role="clerk",
                password_hash=password_hash,
            )
            s.add(person)
            s.flush()
            clerks.append(person.id)
        return hall_id, services, windows, sorted(clerks)

    return db.transaction(run)


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _build_sqlite(path: Path) -> None:
    """Write the history into the SQLite file at `path`.

    A new file is built under a temporary name and renamed when complete, so an interrupted
    build never leaves a cache that looks finished.
    """
    import sqlite3

    fresh = not path.exists()
    target = path.with_name(path.name + ".part") if fresh else path
    target.parent.mkdir(parents=True, exist_ok=True)
    if fresh:
        for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
    db = Database(f"sqlite:///{target.as_posix()}")
    schema.upgrade(db)
    hall_id, services, windows, clerks = _prepare_hall(db)
    first_id = db.transaction(
        lambda s: s.execute(select(func.coalesce(func.max(Ticket.id), 0) + 1)).scalar_one()
    )
    db.dispose()
    history = _History(hall_id, services, windows, clerks, first_ticket_id=first_id)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -200000")
        conn.execute("BEGIN IMMEDIATE")
        insert_ticket = _insert_sql("tickets", TICKET_COLUMNS)
        insert_rating = _insert_sql("ratings", RATING_COLUMNS)
        insert_feedback = _insert_sql("feedback", FEEDBACK_COLUMNS)
        for day in _history_days():
            tickets, ratings, feedback = history.day(day)
            conn.executemany(insert_ticket, tickets)
            conn.executemany(insert_rating, ratings)
            conn.executemany(insert_feedback, feedback)
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    if fresh:
        os.replace(target, path)


def _copy_rows(
    cursor: Any, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """COPY rows as text lines (the generated values hold no tab, newline or backslash)."""
    if not rows:
        return
    text = "\n".join("\t".join("\\N" if v is None else str(v) for v in row) for row in rows)
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(text.encode() + b"\n")


def _build_postgresql(db: Database) -> None:
    """Write the history as the hall `bench_history`, in one transaction."""
    schema.upgrade(db)
    hall_id, services, windows, clerks = _prepare_hall(db)
    with db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        with raw.transaction(), raw.cursor() as cur:
            # Timestamps are written as UTC text; the ids of the tickets are taken in one block.
            cur.execute("SET LOCAL timezone = 'UTC'")
            cur.execute("LOCK TABLE tickets IN EXCLUSIVE MODE")
            cur.execute("SELECT coalesce(max(id), 0) + 1 FROM tickets")
            first_id = int(cur.fetchone()[0])
            history = _History(hall_id, services, windows, clerks, first_ticket_id=first_id)
            for day in _history_days():
                tickets, ratings, feedback = history.day(day)
                _copy_rows(cur, "tickets", TICKET_COLUMNS, tickets)
                _copy_rows(cur, "ratings", RATING_COLUMNS, ratings)
                _copy_rows(cur, "feedback", FEEDBACK_COLUMNS, feedback)
            cur.execute(
                "SELECT setval(pg_get_serial_sequence('tickets', 'id'), (SELECT max(id) FROM tickets))"
            )
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE tickets")
        conn.exec_driver_sql("VACUUM ANALYZE ratings")
        conn.exec_driver_sql("VACUUM ANALYZE feedback")


def _has_history(db: Database) -> bool:
    def run(s: Session) -> bool:
        hall_id = s.execute(select(Hall.id).where(Hall.code == BENCH_HALL)).scalar_one_or_none()
        if hall_id is None:
            return False
        last = s.execute(
            select(func.count()).where(Ticket.hall_id == hall_id, Ticket.day == HISTORY_END)
        ).scalar_one()
        return bool(last)

    try:
        return bool(db.transaction(run, write=False))
    except Exception:  # noqa: BLE001 — no schema yet: the history is not there
        return False


def ensure_history(url: str) -> Database:
    """Open `url`, building the bench hall's history there when it is missing."""
    db = Database(url)
    path = Path(db.url.database or "") if db.is_sqlite else None
    if (path is None or path.exists()) and _has_history(db):
        schema.upgrade(db)
        return db
    started = clock_time.perf_counter()
    if path is not None:
        db.dispose()
        _build_sqlite(path)
        db = Database(url)
    else:
        _build_postgresql(db)
    log.info(
        "report history built on %s in %.0f s", db.safe_url(), clock_time.perf_counter() - started
    )
    return db


def _median_ms(fn: Callable[[], Any], repeats: int) -> float:
    fn()  # warm: connections, statement caches, the OS page cache
    times = []
    for _ in range(repeats):
        started = clock_time.perf_counter()
        fn()
        times.append((clock_time.perf_counter() - started) * 1000.0)
    return round(statistics.median(times), 1)


def measure(db: Database, repeats: int = REPEATS) -> dict[str, float]:
    """Median milliseconds of the last month's report and of the last day's figures."""
    evening = datetime.combine(HISTORY_END, time(17, 30), ZONE)
    engine = QueueEngine(db, BENCH_HALL, clock=ManualClock(evening))
    month = reports.Period.month_of(HISTORY_END)
    return {
        "month_ms": _median_ms(lambda: reports.compute(engine, month), repeats),
        "today_ms": _median_ms(lambda: reports.today(engine), repeats),
    }


def run(sqlite_url: str | None, pg_url: str | None, repeats: int = REPEATS) -> dict[str, Any]:
    """Build the history where missing, then time the reports on SQLite and PostgreSQL.

    `sqlite_url` None: the cached file under the user data dir. `pg_url` None: SQLite only.
    """
    results: dict[str, Any] = {}
    url = sqlite_url or f"sqlite:///{default_sqlite_path().as_posix()}"
    db = ensure_history(url)
    try:
        results["sqlite"] = measure(db, repeats)
    finally:
        db.dispose()
    if pg_url:
        db = ensure_history(pg_url)
        try:
            results["postgresql"] = measure(db, repeats)
        finally:
            db.dispose()
    return results
