"""`hallq export`: one day's tickets or ratings as CSV or JSON.

Times are ISO 8601 in the hall's timezone, with the offset (2026-03-02T09:15:00+08:00).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from common.engine import QueueEngine
from common.models import Rating, Service, Staff, Ticket, Window

TICKET_FIELDS = (
    "number",
    "service",
    "issue_service",
    "priority",
    "status",
    "window",
    "staff",
    "issued_at",
    "called_at",
    "started_at",
    "finished_at",
    "wait_min",
    "handling_min",
    "recall_count",
    "transfer_count",
    "outcome",
    "printed",
)
RATING_FIELDS = (
    "number",
    "service",
    "window",
    "staff",
    "score",
    "reasons",
    "comment",
    "phone",
    "at",
)


def _iso(value: datetime | None, engine: QueueEngine) -> str | None:
    return value.astimezone(engine.settings.zone).isoformat(timespec="seconds") if value else None


def _minutes(seconds: float | None) -> float | None:
    return round(seconds / 60.0, 2) if seconds is not None else None


def rows(engine: QueueEngine, what: str, day: date | None = None) -> list[dict[str, Any]]:
    """The rows of one service day (default: the hall's current day)."""

    def run(s: Session) -> list[dict[str, Any]]:
        which = day or engine.service_day(engine.now(s))
        if what == "tickets":
            issue_service = aliased(Service)
            query = (
                select(
                    Ticket.label,
                    Service.code,
                    issue_service.code,
                    Ticket.priority,
                    Ticket.status,
                    Window.number,
                    Staff.login,
                    Ticket.issued_at,
                    Ticket.first_called_at,
                    Ticket.started_at,
                    Ticket.finished_at,
                    Ticket.wait_s,
                    Ticket.handling_s,
                    Ticket.recall_count,
                    Ticket.transfer_count,
                    Ticket.outcome,
                    Ticket.printed,
                )
                .join(Service, Service.id == Ticket.service_id)
                .join(issue_service, issue_service.id == Ticket.issue_service_id)
                .outerjoin(Window, Window.id == Ticket.window_id)
                .outerjoin(Staff, Staff.id == Ticket.staff_id)
                .where(Ticket.hall_id == engine.hall_id, Ticket.day == which)
                .order_by(Ticket.issued_at, Ticket.id)
            )
            return [
                {
                    "number": r[0],
                    "service": r[1],
                    "issue_service": r[2],
                    "priority": r[3],
                    "status": r[4],
                    "window": r[5],
                    "staff": r[6],
                    "issued_at": _iso(r[7], engine),
                    "called_at": _iso(r[8], engine),
                    "started_at": _iso(r[9], engine),
                    "finished_at": _iso(r[10], engine),
                    "wait_min": _minutes(r[11]),
                    "handling_min": _minutes(r[12]),
                    "recall_count": r[13],
                    "transfer_count": r[14],
                    "outcome": r[15],
                    "printed": r[16],
                }
                for r in s.execute(query)
            ]
        query = (
            select(
                Ticket.label,
                Service.code,
                Window.number,
                Staff.login,
                Rating.score,
                Rating.reasons,
                Rating.comment,
                Rating.phone,
                Rating.at,
            )
            .join(Ticket, Ticket.id == Rating.ticket_id)
            .join(Service, Service.id == Rating.service_id)
            .outerjoin(Window, Window.id == Rating.window_id)
            .outerjoin(Staff, Staff.id == Rating.staff_id)
            .where(Rating.hall_id == engine.hall_id, Rating.day == which)
            .order_by(Rating.at, Rating.id)
        )
        return [
            {
                "number": r[0],
                "service": r[1],
                "window": r[2],
                "staff": r[3],
                "score": r[4],
                "reasons": list(r[5] or []),
                "comment": r[6],
                "phone": r[7],
                "at": _iso(r[8], engine),
            }
            for r in s.execute(query)
        ]

    return engine.transaction(run, write=False)


def render(data: list[dict[str, Any]], what: str, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    fields = TICKET_FIELDS if what == "tickets" else RATING_FIELDS
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in data:
        writer.writerow(
            {
                k: ";".join(v) if isinstance(v, list) else ("" if v is None else v)
                for k, v in row.items()
            }
        )
    return out.getvalue()
