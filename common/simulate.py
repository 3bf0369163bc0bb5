"""`hallq simulate`: customers and clerks on a virtual clock, driving the real engine.

Poisson arrivals, exponential service times, idle windows call at once. Arrivals stop after
`hours`; the windows then serve whoever is still waiting, so every ticket ends. Everything goes
through `QueueEngine` into the database given, so reports can be tried on what it leaves; the
event log is then checked for invariant breaches (`violations`, which must be 0).

On long runs the waits agree with M/M/c queueing theory (see `erlang_c_wait_minutes`).
"""

from __future__ import annotations

import heapq
import math
import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common import hall, schema
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from common.errors import BadInput, NothingToDo, Refused
from common.models import Event, Service, Ticket, Window, WindowService

# How long a clerk waits for a called customer who never comes before marking a no-show.
NO_SHOW_AFTER_S = 60.0
SCORES = (5, 5, 5, 5, 4, 4, 4, 3, 2, 1)


@dataclass(order=True)
class _Due:
    at: float
    seq: int
    kind: str  # arrival | done | no_show
    window: int = 0


def erlang_c_wait_minutes(windows: int, arrivals_per_hour: float, service_minutes: float) -> float:
    """Mean wait in queue (minutes) of an M/M/c queue; inf when it is overloaded."""
    lam = arrivals_per_hour / 60.0
    mu = 1.0 / service_minutes
    a = lam / mu
    rho = a / windows
    if rho >= 1:
        return math.inf
    top = a**windows / math.factorial(windows) / (1 - rho)
    bottom = sum(a**k / math.factorial(k) for k in range(windows)) + top
    return (top / bottom) / (windows * mu - lam)


def _prepare(db: Database, hall_code: str, windows: int) -> tuple[list[str], list[int]]:
    """Services to spread arrivals over and the first N windows; create a hall if needed."""
    schema.upgrade(db)

    def run(s: Session) -> tuple[list[str], list[int]]:
        hall_id = hall.ensure_hall(s, hall_code)
        services = (
            s.execute(
                select(Service.code)
                .where(Service.hall_id == hall_id, Service.active.is_(True))
                .order_by(Service.sort_order, Service.code)
            )
            .scalars()
            .all()
        )
        if not services:
            service_id = hall.add_service(s, hall_id, "A", "综合业务", "General")
            for number in range(1, windows + 1):
                hall.add_window(s, hall_id, number, [(service_id, 0)])
            services = ["A"]
        numbers = (
            s.execute(
                select(Window.number)
                .where(Window.hall_id == hall_id, Window.active.is_(True))
                .order_by(Window.number)
                .limit(windows)
            )
            .scalars()
            .all()
        )
        if len(numbers) < windows:
            raise BadInput(
                f"营业厅只有 {len(numbers)} 个可用窗口 / the hall has only {len(numbers)} active windows"
            )
        served = set(
            s.execute(
                select(Service.code)
                .join(WindowService, WindowService.service_id == Service.id)
                .join(Window, Window.id == WindowService.window_id)
                .where(Window.hall_id == hall_id, Window.number.in_(numbers))
            ).scalars()
        )
        return [c for c in services if c in served], list(numbers)

    return db.transaction(run)


def run(
    db_url: str,
    *,
    hall: str = "main",
    windows: int,
    hours: float,
    arrivals_per_hour: float,
    service_minutes: float,
    no_show_rate: float = 0.0,
    rating_rate: float = 0.0,
    start: datetime | None = None,
    seed: int,
) -> dict[str, Any]:
    """Simulate one opening; return the figures the CLI prints."""
    for name, value in (("no-show-rate", no_show_rate), ("rating-rate", rating_rate)):
        if not 0.0 <= value <= 1.0:
            raise BadInput(f"--{name} must be between 0 and 1, not {value}")
    if hours <= 0 or arrivals_per_hour <= 0 or service_minutes <= 0:
        raise BadInput("--hours, --arrivals-per-hour and --service-minutes must be positive")
    db = Database(db_url)
    services, window_numbers = _prepare(db, hall, windows)
    if not services:
        raise BadInput("所选窗口不办理任何业务 / the chosen windows serve no service")
    probe = QueueEngine(db, hall)
    zone = probe.settings.zone
    if start is None:
        today = datetime.now(zone).date()
        start = datetime.combine(today, time(8, 30), tzinfo=zone)
    elif start.tzinfo is None:
        start = start.replace(tzinfo=zone)
    clock = ManualClock(start)
    engine = QueueEngine(db, hall, clock=clock, fixed_day=start.astimezone(zone).date())

    rng = random.Random(seed)
    heap: list[_Due] = []
    seq = 0

    def schedule(at: float, kind: str, window: int = 0) -> None:
        nonlocal seq
        seq += 1
        heapq.heappush(heap, _Due(at, seq, kind, window))

    horizon = hours * 3600.0
    t = rng.expovariate(arrivals_per_hour / 3600.0)
    while t < horizon:
        schedule(t, "arrival")
        t += rng.expovariate(arrivals_per_hour / 3600.0)

    idle = set(window_numbers)
    busy_s = 0.0
    ticket_ids: list[int] = []
    tokens_by_window: dict[int, str] = {}
    refused = 0

    def try_call(window: int, now_s: float) -> None:
        try:
            ticket = engine.call_next(window)
        except (NothingToDo, Refused):
            idle.add(window)
            return
        idle.discard(window)
        tokens_by_window[window] = ticket.token
        if rng.random() < no_show_rate:
            schedule(now_s + NO_SHOW_AFTER_S, "no_show", window)
        else:
            engine.start(window)
            schedule(now_s + rng.expovariate(1.0 / (service_minutes * 60.0)), "done", window)

    while heap:
        due = heapq.heappop(heap)
        clock.set(start + timedelta(seconds=due.at))
        if due.kind == "arrival":
            try:
                ticket_ids.append(engine.issue(rng.choice(services)).ticket.id)
            except Refused:
                refused += 1
                continue
            for window in sorted(idle):
                try_call(window, due.at)
                if window not in idle:
                    break
        elif due.kind == "done":
            finished = engine.finish(due.window)
            assert finished.finished_at is not None and finished.started_at is not None
            busy_s += (finished.finished_at - finished.started_at).total_seconds()
            if rng.random() < rating_rate:
                engine.rate(tokens_by_window[due.window], rng.choice(SCORES))
            try_call(due.window, due.at)
        else:
            engine.no_show(due.window)
            try_call(due.window, due.at)

    result = _figures(engine, ticket_ids, windows, hours, busy_s)
    result["refused"] = refused
    result["violations"] = len(check_invariants(engine, ticket_ids))
    result["erlang_c_wait_min"] = (
        round(erlang_c_wait_minutes(windows, arrivals_per_hour, service_minutes), 2)
        if len(services) == 1
        else None
    )
    result["day"] = engine.fixed_day.isoformat() if engine.fixed_day else None
    db.dispose()
    return result


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))
    return ordered[index]


def _figures(
    engine: QueueEngine, ticket_ids: list[int], windows: int, hours: float, busy_s: float
) -> dict[str, Any]:
    def load(s: Session) -> list[Any]:
        rows: list[Any] = []
        for i in range(0, len(ticket_ids), 900):
            rows += s.execute(
                select(Ticket.status, Ticket.wait_s, Ticket.handling_s).where(
                    Ticket.id.in_(ticket_ids[i : i + 900])
                )
            ).all()
        return rows

    rows = engine.transaction(load, write=False)
    waits = [r.wait_s / 60.0 for r in rows if r.wait_s is not None]
    handling = [
        r.handling_s / 60.0 for r in rows if r.status == "done" and r.handling_s is not None
    ]
    return {
        "issued": len(rows),
        "served": sum(1 for r in rows if r.status == "done"),
        "no_show": sum(1 for r in rows if r.status == "no_show"),
        "avg_wait_min": round(sum(waits) / len(waits), 2) if waits else 0.0,
        "p90_wait_min": round(_percentile(waits, 0.9), 2),
        "max_wait_min": round(max(waits), 2) if waits else 0.0,
        "avg_handling_min": round(sum(handling) / len(handling), 2) if handling else 0.0,
        "utilisation": round(busy_s / (windows * hours * 3600.0), 3),
    }


FINAL = {"finished": "done", "no_show": "no_show", "cancelled": "cancelled", "expired": "expired"}


def check_invariants(engine: QueueEngine, ticket_ids: list[int]) -> list[str]:
    """Replay the event log of these tickets and report every breach found.

    Checked: numbers unique and gap-free per service and day; a ticket is with at most one
    window at a time and a window holds at most one ticket at a time; every ticket ends in
    exactly one final state; the replayed state equals the tickets table.
    """
    wanted = set(ticket_ids)

    def load(s: Session) -> tuple[Any, Any]:
        tickets = s.execute(
            select(
                Ticket.id,
                Ticket.day,
                Ticket.issue_service_id,
                Ticket.number,
                Ticket.status,
                Ticket.window_id,
            ).where(Ticket.hall_id == engine.hall_id)
        ).all()
        events = s.execute(
            select(Event.id, Event.kind, Event.ticket_id, Event.window_id)
            .where(Event.hall_id == engine.hall_id, Event.ticket_id.is_not(None))
            .order_by(Event.id)
        ).all()
        return tickets, events

    tickets, events = engine.transaction(load, write=False)
    problems: list[str] = []
    numbers: dict[tuple[Any, int], list[int]] = defaultdict(list)
    for t in tickets:
        numbers[(t.day, t.issue_service_id)].append(t.number)
    for key, nums in numbers.items():
        if sorted(nums) != list(range(1, len(nums) + 1)):
            problems.append(f"numbers of {key} are not unique and gap-free")

    status: dict[int, str] = {}
    holder: dict[int, int | None] = {}
    current_of_window: dict[int, int] = {}
    for e in events:
        if e.ticket_id not in wanted:
            continue
        tid = e.ticket_id
        before = status.get(tid)
        if e.kind == "issued":
            if before is not None:
                problems.append(f"ticket {tid} issued twice")
            status[tid] = "waiting"
            continue
        if before is None:
            problems.append(f"ticket {tid}: {e.kind} before issued")
            continue
        if before in FINAL.values() and e.kind not in (
            "reactivated",
            "rated",
            "printed",
            "print_failed",
        ):
            problems.append(f"ticket {tid}: {e.kind} after final state {before}")
        if e.kind in ("called", "resumed"):
            if holder.get(tid) not in (None, e.window_id):
                problems.append(
                    f"ticket {tid} called by window {e.window_id} while at {holder[tid]}"
                )
            other = current_of_window.get(e.window_id)
            if other is not None and other != tid:
                problems.append(f"window {e.window_id} called {tid} while holding {other}")
            holder[tid] = e.window_id
            current_of_window[e.window_id] = tid
            status[tid] = "called"
        elif e.kind == "started":
            status[tid] = "serving"
        elif e.kind in ("parked", "transferred") or e.kind in FINAL:
            window = holder.pop(tid, None)
            if window is not None and current_of_window.get(window) == tid:
                del current_of_window[window]
            status[tid] = {"parked": "parked", "transferred": "waiting"}.get(e.kind) or FINAL[
                e.kind
            ]
        elif e.kind == "reactivated":
            status[tid] = "waiting"
    actual = {t.id: t.status for t in tickets if t.id in wanted}
    for tid, state in actual.items():
        if status.get(tid) != state:
            problems.append(f"ticket {tid}: log replays to {status.get(tid)}, table says {state}")
    return problems


def format_result(result: dict[str, Any]) -> str:
    lines = [
        f"取号 issued {result['issued']}  办结 served {result['served']}  过号 no-show {result['no_show']}",
        f"等候 wait: 平均 avg {result['avg_wait_min']} min, p90 {result['p90_wait_min']} min, "
        f"最长 max {result['max_wait_min']} min",
        f"办理 handling: 平均 avg {result['avg_handling_min']} min; 利用率 utilisation {result['utilisation']:.1%}",
    ]
    if result.get("erlang_c_wait_min") is not None:
        lines.append(f"M/M/c (Erlang C) expected wait: {result['erlang_c_wait_min']} min")
    lines.append(f"违规 violations: {result['violations']}")
    return "\n".join(lines)
