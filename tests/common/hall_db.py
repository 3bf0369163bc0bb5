"""Helpers for engine tests: change a hall's settings or services, and read the database back.

The engine's answers are checked against what the database holds, so a test can tell a refusal
that wrote nothing from one that left half a transaction behind.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update

from common import hall
from common.engine import QueueEngine
from common.models import (
    CURRENT_STATUSES,
    DailyCounter,
    Event,
    Feedback,
    Rating,
    Service,
    Ticket,
    Window,
)


def set_settings(engine: QueueEngine, **changes: Any) -> None:
    """Change hall settings the way the admin screen does, and reload them in `engine`."""
    settings = engine.settings.replace(**changes)
    engine.db.transaction(
        lambda s: hall.save_settings(
            s, engine.hall_id, settings, at=engine.clock.now(), staff_id=None
        )
    )
    engine.refresh_settings()


def update_service(engine: QueueEngine, code: str, **values: Any) -> None:
    engine.db.transaction(
        lambda s: s.execute(
            update(Service)
            .where(Service.hall_id == engine.hall_id, Service.code == code)
            .values(**values)
        )
    )


def update_window(engine: QueueEngine, number: int, **values: Any) -> None:
    engine.db.transaction(
        lambda s: s.execute(
            update(Window)
            .where(Window.hall_id == engine.hall_id, Window.number == number)
            .values(**values)
        )
    )


def set_counter(engine: QueueEngine, code: str, day: Any, last_number: int) -> None:
    """Pretend `last_number` tickets of service `code` were issued on `day`."""

    def run(s: Any) -> None:
        service_id = s.execute(
            select(Service.id).where(Service.hall_id == engine.hall_id, Service.code == code)
        ).scalar_one()
        s.add(
            DailyCounter(
                hall_id=engine.hall_id, day=day, service_id=service_id, last_number=last_number
            )
        )

    engine.db.transaction(run)


@dataclass(frozen=True)
class Snapshot:
    """Everything a refused action must leave untouched."""

    tickets: tuple[tuple[Any, ...], ...]
    events: int
    counters: tuple[tuple[Any, ...], ...]
    windows: tuple[tuple[Any, ...], ...]
    ratings: int
    feedback: tuple[tuple[Any, ...], ...]


def snapshot(engine: QueueEngine) -> Snapshot:
    hall_id = engine.hall_id

    def run(s: Any) -> Snapshot:
        return Snapshot(
            tuple(
                tuple(r)
                for r in s.execute(
                    select(
                        Ticket.id,
                        Ticket.status,
                        Ticket.window_id,
                        Ticket.service_id,
                        Ticket.target_window_id,
                        Ticket.queue_at,
                        Ticket.recall_count,
                    )
                    .where(Ticket.hall_id == hall_id)
                    .order_by(Ticket.id)
                )
            ),
            s.execute(select(func.count()).where(Event.hall_id == hall_id)).scalar_one(),
            tuple(
                tuple(r)
                for r in s.execute(
                    select(DailyCounter.day, DailyCounter.service_id, DailyCounter.last_number)
                    .where(DailyCounter.hall_id == hall_id)
                    .order_by(DailyCounter.day, DailyCounter.service_id)
                )
            ),
            tuple(
                tuple(r)
                for r in s.execute(
                    select(Window.number, Window.paused, Window.pause_reason)
                    .where(Window.hall_id == hall_id)
                    .order_by(Window.number)
                )
            ),
            s.execute(select(func.count()).where(Rating.hall_id == hall_id)).scalar_one(),
            tuple(
                tuple(r)
                for r in s.execute(
                    select(Feedback.id, Feedback.status, Feedback.answer)
                    .where(Feedback.hall_id == hall_id)
                    .order_by(Feedback.id)
                )
            ),
        )

    return engine.db.transaction(run, write=False)


def events(engine: QueueEngine, kind: str | None = None) -> list[Any]:
    def run(s: Any) -> list[Any]:
        query = select(Event).where(Event.hall_id == engine.hall_id)
        if kind is not None:
            query = query.where(Event.kind == kind)
        return list(s.execute(query.order_by(Event.id)).scalars())

    return engine.db.transaction(run, write=False)


def tickets(engine: QueueEngine) -> list[Any]:
    def run(s: Any) -> list[Any]:
        return list(
            s.execute(
                select(Ticket).where(Ticket.hall_id == engine.hall_id).order_by(Ticket.id)
            ).scalars()
        )

    return engine.db.transaction(run, write=False)


# ---------------------------------------------------------------------------- the queue's laws


# What each event kind does to a ticket: its new status, and whether it is now at the
# event's window (True), at no window (None), or stays where it was (...).
TICKET_EVENTS: dict[str, tuple[str | None, Any]] = {
    "issued": ("waiting", None),
    "called": ("called", True),
    "recalled": (None, ...),
    "started": ("serving", ...),
    "finished": ("done", ...),
    "no_show": ("no_show", ...),
    "transferred": ("waiting", None),
    "parked": ("parked", ...),
    "resumed": ("called", ...),
    "cancelled": ("cancelled", None),
    "reactivated": ("waiting", None),
    "expired": ("expired", None),
}


@dataclass
class ReplayedTicket:
    status: str = ""
    window_id: int | None = None
    kinds: list[str] | None = None


def replay(log: list[Any]) -> dict[int, ReplayedTicket]:
    """Rebuild every ticket's status and window from the event log alone."""
    out: dict[int, ReplayedTicket] = {}
    for e in log:
        if e.ticket_id is None or e.kind not in TICKET_EVENTS:
            continue
        t = out.setdefault(e.ticket_id, ReplayedTicket(kinds=[]))
        status, at_window = TICKET_EVENTS[e.kind]
        if status is not None:
            t.status = status
        if at_window is True:
            t.window_id = e.window_id
        elif at_window is None:
            t.window_id = None
        t.kinds.append(e.kind)  # type: ignore[union-attr]
    return out


def queue_law_violations(engine: QueueEngine) -> list[str]:
    """Check the queue's invariants against the database; return what is broken."""
    problems: list[str] = []
    rows = tickets(engine)
    log = events(engine)

    numbers: dict[tuple[Any, int], list[int]] = defaultdict(list)
    for t in rows:
        numbers[(t.day, t.issue_service_id)].append(t.number)

    def counters(s: Any) -> dict[tuple[Any, int], int]:
        return {
            (r.day, r.service_id): r.last_number
            for r in s.execute(
                select(DailyCounter).where(DailyCounter.hall_id == engine.hall_id)
            ).scalars()
        }

    last = engine.db.transaction(counters, write=False)
    for key, got in numbers.items():
        if sorted(got) != list(range(1, len(got) + 1)):
            problems.append(f"numbers of {key} are not 1..n: {sorted(got)}")
        if last.get(key) != len(got):
            problems.append(f"counter of {key} is {last.get(key)}, {len(got)} tickets exist")

    current = Counter(t.window_id for t in rows if t.status in CURRENT_STATUSES)
    problems += [f"window id {w} holds {n} current tickets" for w, n in current.items() if n > 1]

    for t in rows:
        at_window = t.status in ("called", "serving", "parked")
        if at_window and t.window_id is None:
            problems.append(f"{t.label} is {t.status} at no window")
        if t.status in ("waiting", "cancelled", "expired") and t.window_id is not None:
            problems.append(f"{t.label} is {t.status} but still at window id {t.window_id}")
        if t.target_window_id is not None and t.status != "waiting":
            problems.append(f"{t.label} is {t.status} but still sent to a window")

    rebuilt = replay(log)
    if set(rebuilt) != {t.id for t in rows}:
        problems.append("the event log and the tickets table name different tickets")
    for t in rows:
        r = rebuilt.get(t.id)
        if r is None:
            continue
        if (r.status, r.window_id) != (t.status, t.window_id):
            problems.append(
                f"{t.label}: table says {t.status}@{t.window_id}, "
                f"log says {r.status}@{r.window_id} ({' '.join(r.kinds or [])})"
            )
        if r.kinds and r.kinds[0] != "issued":
            problems.append(f"{t.label}: the log starts with {r.kinds[0]}")
        for kind in ("issued", "finished", "cancelled", "expired"):
            if (r.kinds or []).count(kind) > 1:
                problems.append(f"{t.label}: {kind} {r.kinds.count(kind)} times")  # type: ignore[union-attr]
    return problems
