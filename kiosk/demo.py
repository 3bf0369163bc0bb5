"""Demo data for `--screenshot` of screens that need a ticket. Nothing here is stored.

The demo ticket's QR code has the shape of a real token but no valid signature, so it can
never be used to rate anything.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from common import tokens
from common.engine import IssuedTicket, QueueEngine, RatingTarget, ServiceState, TicketView
from kiosk.operations import HallSnapshot

DEMO_NUMBER = 12
DEMO_STAFF = "王丽"
DEMO_WINDOW = 3


def _service(snapshot: HallSnapshot) -> ServiceState:
    open_now = [s for s in snapshot.services if s.open_now and not s.is_complaint]
    return (open_now or list(snapshot.services))[0]


def _ticket(snapshot: HallSnapshot, engine: QueueEngine | None, status: str) -> TicketView:
    service = _service(snapshot)
    now = datetime.now(UTC)
    day = now.astimezone(snapshot.settings.zone).date()
    hall_id = engine.hall_id if engine is not None else 1
    token = f"{tokens.VERSION}.{hall_id}.{day:%Y%m%d}.1.{DEMO_NUMBER}.DEMODEMODEMODEMO"
    finished = status == "done"
    return TicketView(
        id=0,
        label=f"{service.prefix}{DEMO_NUMBER:03d}",
        number=DEMO_NUMBER,
        day=day,
        service_code=service.code,
        service_name_zh=service.name_zh,
        service_name_en=service.name_en,
        priority="none",
        status=status,
        window=DEMO_WINDOW if finished else None,
        staff_login=None,
        staff_name=DEMO_STAFF if finished else None,
        target_window=None,
        issued_at=now - timedelta(minutes=25) if finished else now,
        called_at=now - timedelta(minutes=12) if finished else None,
        started_at=now - timedelta(minutes=11) if finished else None,
        finished_at=now - timedelta(minutes=2) if finished else None,
        recall_count=0,
        transfer_count=0,
        transfer_note="",
        outcome="done" if finished else "",
        printed=None,
        token=token,
    )


def issued_ticket(snapshot: HallSnapshot, engine: QueueEngine | None) -> IssuedTicket:
    ticket = _ticket(snapshot, engine, "waiting")
    payload = tokens.qr_payload(snapshot.settings.qr_base_url, ticket.token)
    return IssuedTicket(ticket, 3, 15.0, "246810", payload)


def rating_target(snapshot: HallSnapshot, engine: QueueEngine | None) -> RatingTarget:
    return RatingTarget(_ticket(snapshot, engine, "done"), DEMO_WINDOW, DEMO_STAFF, False)
