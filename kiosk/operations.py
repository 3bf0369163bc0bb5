"""What the kiosk asks of the hall: one function per customer action.

Each runs on the worker thread (never the GUI thread), calls the queue engine once and returns
its frozen result; the screens only see these results.
"""

from __future__ import annotations

from dataclasses import dataclass

from common import schema
from common.config import HallSettings
from common.db import Database
from common.engine import (
    FeedbackView,
    IssuedTicket,
    QueueEngine,
    RatingResult,
    RatingTarget,
    ServiceState,
)
from common.errors import Refused


@dataclass(frozen=True)
class HallSnapshot:
    """What the home screen shows: the hall's settings and its services right now."""

    settings: HallSettings
    services: tuple[ServiceState, ...]


@dataclass(frozen=True)
class RatingRequest:
    """How the customer named the ticket to rate: a scanned code, or number and check code."""

    scanned: str | None = None
    label: str | None = None
    check_code: str | None = None


def connect(db_url: str, hall: str) -> QueueEngine:
    """Open the hall's database; raises DatabaseUnavailable while it cannot be used."""
    db = Database(db_url)
    schema.check(db)
    return QueueEngine(db, hall)


def load_hall(engine: QueueEngine, refresh_settings: bool = False) -> HallSnapshot:
    settings = engine.refresh_settings() if refresh_settings else engine.settings
    # Closed and switched-off services stay on screen, saying why they cannot be taken.
    return HallSnapshot(settings, tuple(engine.services(include_inactive=True)))


def issue_ticket(engine: QueueEngine, service: str, priority: str = "none") -> IssuedTicket:
    return engine.issue(service, priority)


def find_rating_target(engine: QueueEngine, request: RatingRequest) -> RatingTarget:
    """Who served this ticket; refused (code "rated") when it has been rated already."""
    target = engine.rating_target(
        token=request.scanned, label=request.label, code=request.check_code
    )
    if target.already_rated:
        raise Refused(
            "这张票已经评价过了，谢谢！/ this ticket has already been rated", code="rated"
        )
    return target


def submit_rating(
    engine: QueueEngine,
    request: RatingRequest,
    score: int,
    reasons: tuple[str, ...] = (),
    phone: str = "",
) -> RatingResult:
    return engine.rate(
        request.scanned,
        score,
        reasons,
        "",
        phone,
        label=request.label,
        code=request.check_code,
    )


def submit_feedback(engine: QueueEngine, category: str, text: str, phone: str) -> FeedbackView:
    return engine.add_feedback(category, text, phone)
