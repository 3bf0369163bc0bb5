"""What the board asks of the database. Every function here runs on the worker thread.

The board loads everything once (`load_snapshot`) — at start, after a reconnect, at midnight
and when the hall's settings change — and otherwise lives on the change feed, asking only
small questions (`refresh`) about what an event touched.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common import admin, devices, reports, schema
from common.admin import NoticeView
from common.config import HallSettings
from common.db import Database
from common.engine import QueueEngine, ServiceState, WindowState
from common.errors import BadInput
from common.feed import latest_cursor
from common.models import Event

CALL_KINDS = ("called", "recalled", "resumed")
RECENT_LIMIT = 8


@dataclass(frozen=True)
class CallShown:
    """A call as the board paints and announces it."""

    event_id: int
    label: str
    window: int
    at: datetime
    recall: bool


@dataclass(frozen=True)
class BoardSnapshot:
    """Everything the board shows, loaded in one go.

    `cursor` is the newest event id before anything was read: every event up to it is in the
    data; later ones may or may not be, so the board replays them.
    """

    cursor: int
    server_now: datetime
    day: date
    settings: HallSettings
    windows: tuple[WindowState, ...]
    services: tuple[ServiceState, ...]
    recent: tuple[CallShown, ...]
    notices: tuple[NoticeView, ...]
    model_window: Any  # common.reports.ModelWindow | None


@dataclass(frozen=True)
class Refresh:
    """Answers to the small questions a batch of events raised.

    `stamp` is the newest event id the board had seen when it asked: a window's answer older
    than a call painted straight from the feed is dropped.
    """

    stamp: int
    windows: tuple[WindowState, ...] = ()
    services: tuple[ServiceState, ...] | None = None
    notices: tuple[NoticeView, ...] | None = None
    model_window: Any = None
    model_loaded: bool = False


def open_hall(url: str, hall: str, clock: Any = None) -> QueueEngine:
    """Connect to the hall's database (raises DatabaseUnavailable while it cannot)."""
    db = Database(url)
    try:
        schema.check(db)
        return QueueEngine(db, hall, clock=clock)
    except Exception:
        db.dispose()
        raise


def _day_start(engine: QueueEngine, day: date) -> datetime:
    return datetime.combine(day, time(0), engine.settings.zone)


def recent_calls(
    engine: QueueEngine, day: date, windows: Collection[int] | None, limit: int = RECENT_LIMIT
) -> tuple[CallShown, ...]:
    """Today's last calls, newest first, one entry per ticket and window."""

    def run(s: Session) -> list[Any]:
        return list(
            s.execute(
                select(Event.id, Event.kind, Event.at, Event.details)
                .where(
                    Event.hall_id == engine.hall_id,
                    Event.kind.in_(CALL_KINDS),
                    Event.at >= _day_start(engine, day),
                )
                .order_by(Event.id.desc())
                .limit(limit * 25)
            ).all()
        )

    out: list[CallShown] = []
    seen: set[tuple[str, int]] = set()
    for row in engine.transaction(run, write=False):
        details = row.details or {}
        label, window = details.get("label"), details.get("window")
        if not label or window is None or (windows and int(window) not in windows):
            continue
        if (label, int(window)) in seen:
            continue
        seen.add((label, int(window)))
        out.append(CallShown(row.id, label, int(window), row.at, row.kind != "called"))
        if len(out) >= limit:
            break
    return tuple(out)


def upcoming_notices(engine: QueueEngine, now: datetime) -> tuple[NoticeView, ...]:
    """Active notices that have not ended yet; the board shows each only while it is valid."""
    return tuple(
        n
        for n in admin.notices(engine, valid_only=False)
        if n.active and (n.valid_to is None or n.valid_to > now)
    )


def valid_at(notice: NoticeView, when: datetime) -> bool:
    return (notice.valid_from is None or notice.valid_from <= when) and (
        notice.valid_to is None or when < notice.valid_to
    )


def model_window(engine: QueueEngine) -> Any:
    return reports.model_window(engine)


def _shown_windows(engine: QueueEngine, windows: Collection[int] | None) -> tuple[WindowState, ...]:
    return tuple(w for w in engine.windows() if not windows or w.number in windows)


def load_snapshot(engine: QueueEngine, windows: Collection[int] | None) -> BoardSnapshot:
    cursor = latest_cursor(engine.db, engine.hall_id)
    settings = engine.refresh_settings()
    now = engine.now()
    day = engine.service_day(now)
    return BoardSnapshot(
        cursor=cursor,
        server_now=now,
        day=day,
        settings=settings,
        windows=_shown_windows(engine, windows),
        services=tuple(engine.services()),
        recent=recent_calls(engine, day, windows),
        notices=upcoming_notices(engine, now),
        model_window=model_window(engine),
    )


def refresh(
    engine: QueueEngine,
    stamp: int,
    windows: Collection[int | None],
    shown: Collection[int] | None,
    services: bool,
    notices: bool,
    model: bool,
) -> Refresh:
    """Reload only what changed: some windows (None in `windows`: all), counts, notices."""
    states: tuple[WindowState, ...] | None = None
    if None not in windows:
        try:
            states = tuple(engine.window_state(n) for n in sorted(w for w in windows if w))
        except BadInput:
            states = None  # a window was removed meanwhile: take the whole list
    if states is None:
        states = _shown_windows(engine, shown)
    return Refresh(
        stamp=stamp,
        windows=states,
        services=tuple(engine.services()) if services else None,
        notices=upcoming_notices(engine, engine.now()) if notices else None,
        model_window=model_window(engine) if model else None,
        model_loaded=model,
    )


def report_voice(engine: QueueEngine, problem: str) -> None:
    """Tell staff (`hallq status`, the supervisor view) whether this board can speak."""
    devices.report(engine, "display_voice", "warning" if problem else "ok", problem)
