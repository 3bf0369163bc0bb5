"""What the counter asks of the core: one small function per user action or view load.

Everything here runs on the app's background worker (`OperationRunner`), never on the GUI
thread, and returns frozen dataclasses the screens may keep.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from common import schema, staff, status
from common.config import HallSettings
from common.db import Database
from common.engine import FeedbackView, QueueEngine, ServiceState, TicketView, WindowState
from common.feed import latest_cursor
from common.staff import ClerkFigures, LoginResult

# The parts of the console a change may make stale; a reload fetches only those.
WINDOW = "window"
WAITING = "waiting"
FIGURES = "figures"
TARGETS = "targets"
SETTINGS = "settings"
ALL_PARTS = frozenset({WINDOW, WAITING, FIGURES, TARGETS})


@dataclass(frozen=True)
class Connection:
    """An open hall: its engine, and the feed cursor to start watching from."""

    engine: QueueEngine
    settings: HallSettings
    cursor: int


@dataclass(frozen=True)
class WindowChoice:
    number: int
    name: str
    holder_name: str | None


@dataclass(frozen=True)
class TransferTargets:
    """Where the current customer may be sent: active services and other open windows."""

    services: tuple[ServiceState, ...]
    windows: tuple[WindowChoice, ...]


@dataclass(frozen=True)
class ConsoleUpdate:
    """Fresh parts of the console; a part not asked for is None."""

    now: datetime
    settings: HallSettings
    window: WindowState | None = None
    waiting: tuple[TicketView, ...] | None = None
    figures: ClerkFigures | None = None
    targets: TransferTargets | None = None


@dataclass(frozen=True)
class HallSnapshot:
    """The live hall for the supervisor."""

    now: datetime
    settings: HallSettings
    windows: tuple[WindowState, ...]
    services: tuple[ServiceState, ...]
    alerts: tuple[status.Alert, ...]


def connect(db_url: str, hall: str) -> Connection:
    """Open the database, check its schema, and note where the change feed starts."""
    db = Database(db_url)
    try:
        schema.check(db)
        engine = QueueEngine(db, hall)
        settings = engine.refresh_settings()
        return Connection(engine, settings, latest_cursor(db, engine.hall_id))
    except Exception:
        db.dispose()
        raise


def window_choices(engine: QueueEngine) -> list[WindowChoice]:
    return [WindowChoice(w.number, w.name, w.staff_name) for w in engine.windows() if w.active]


def log_in(
    engine: QueueEngine, login: str, password: str, window: int | None, takeover: bool
) -> LoginResult:
    return staff.login(engine, login, password, window, takeover=takeover)


def log_out(engine: QueueEngine, login: str) -> None:
    staff.logout(engine, login)


def load_console(
    engine: QueueEngine, window: int, login: str, parts: frozenset[str]
) -> ConsoleUpdate:
    """The asked-for parts of one window's console, and the hall's clock."""
    settings = engine.refresh_settings() if SETTINGS in parts else engine.settings
    targets = None
    if TARGETS in parts:
        targets = TransferTargets(
            tuple(engine.services()),
            tuple(c for c in window_choices(engine) if c.number != window),
        )
    return ConsoleUpdate(
        now=engine.now(),
        settings=settings,
        window=engine.window_state(window) if WINDOW in parts else None,
        waiting=tuple(engine.waiting(window)) if WAITING in parts else None,
        figures=staff.today_figures(engine, login) if FIGURES in parts else None,
        targets=targets,
    )


def load_hall(engine: QueueEngine, refresh_settings: bool = False) -> HallSnapshot:
    settings = engine.refresh_settings() if refresh_settings else engine.settings
    return HallSnapshot(
        engine.now(),
        settings,
        tuple(engine.windows()),
        tuple(engine.services(include_inactive=True)),
        tuple(status.alerts(engine)),
    )


def load_feedback(engine: QueueEngine, which: str | None) -> list[FeedbackView]:
    return engine.open_feedback(which)


def answer_feedback(engine: QueueEngine, feedback_id: int, answer: str, login: str) -> FeedbackView:
    return engine.answer_feedback(feedback_id, answer, staff=login)
