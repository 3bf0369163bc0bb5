"""The hall's time as the database sees it, for timers that must agree across counter PCs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo


class HallClock:
    """Local time corrected by the offset to the engine's clock at the last load.

    With PostgreSQL the engine uses the server's clock; a PC whose own clock is off by a
    minute must still show a customer's wait correctly.
    """

    def __init__(self, zone: ZoneInfo | None = None) -> None:
        self.zone = zone or ZoneInfo("Asia/Shanghai")
        self._offset = timedelta(0)

    def sync(self, engine_now: datetime, zone: ZoneInfo) -> None:
        self._offset = engine_now - datetime.now(UTC)
        self.zone = zone

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def local(self) -> datetime:
        return self.now().astimezone(self.zone)


def minutes_between(start: datetime | None, end: datetime) -> float:
    if start is None:
        return 0.0
    return max(0.0, (end - start).total_seconds() / 60)


def mm_ss(seconds: float) -> str:
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
