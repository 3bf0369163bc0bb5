"""Health of the hall's devices — kiosk printers, the board's voice — shown to staff.

A device reports its state whenever it changes; a fault becomes an alert in the supervisor
view and in `hallq status`, and the change goes through the feed (`device` events).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.engine import QueueEngine
from common.errors import BadInput
from common.models import Device, Event

STATUSES = ("ok", "warning", "fault")
KINDS = ("kiosk_printer", "display_voice", "display", "kiosk", "counter")


@dataclass(frozen=True)
class DeviceState:
    kind: str
    name: str
    status: str
    message: str
    updated_at: datetime


def this_pc() -> str:
    return socket.gethostname() or "pc"


def report(
    engine: QueueEngine, kind: str, status: str, message: str = "", name: str | None = None
) -> None:
    """Record a device's state; only a change of state writes an event."""
    if status not in STATUSES:
        raise BadInput(f"unknown device status {status!r}")
    if kind not in KINDS:
        raise BadInput(f"unknown device kind {kind!r}")
    device_name = name or this_pc()

    def run(s: Session) -> None:
        now = engine.now(s)
        row = s.execute(
            select(Device).where(
                Device.hall_id == engine.hall_id, Device.kind == kind, Device.name == device_name
            )
        ).scalar_one_or_none()
        if row is None:
            row = Device(
                hall_id=engine.hall_id,
                kind=kind,
                name=device_name,
                status="ok",
                message="",
                updated_at=now,
            )
            s.add(row)
            changed = status != "ok" or bool(message)
        else:
            changed = row.status != status or row.message != message
        row.status = status
        row.message = message[:500]
        row.updated_at = now
        if changed:
            s.add(
                Event(
                    hall_id=engine.hall_id,
                    at=now,
                    kind="device",
                    details={
                        "device": kind,
                        "name": device_name,
                        "status": status,
                        "message": message[:500],
                    },
                )
            )

    engine.transaction(run)


def states(engine: QueueEngine) -> list[DeviceState]:
    def run(s: Session) -> list[DeviceState]:
        rows = s.execute(
            select(Device)
            .where(Device.hall_id == engine.hall_id)
            .order_by(Device.kind, Device.name)
        ).scalars()
        return [DeviceState(d.kind, d.name, d.status, d.message, d.updated_at) for d in rows]

    return engine.transaction(run, write=False)
