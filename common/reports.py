"""Reports: volumes, waiting and handling times, satisfaction, and the model window (标兵窗口).

Everything is computed from the tickets' denormalised columns (`day`, `status`, `wait_s`,
`handling_s`, `transfer_count`, the window and clerk that finished the ticket) and from the
ratings and feedback tables, so a month of a busy hall is one indexed range scan, never date
arithmetic per row.

Definitions (the JSON of `hallq report` follows them):

* A period is a range of service days (the hall's local dates), both ends included.
* issued: tickets of the period, counted for the service they were *issued* for.
* served (办结): tickets finished as done; no_show, cancelled, expired: tickets in that final
  state; open: still waiting, called, serving or parked. These count for the ticket's *current*
  service (after any transfer), because that is the service that handled it.
* transferred: tickets transferred at least once; transfers: how many transfers in all.
* waiting time: issue → first call, over the tickets that were called; it belongs to the issuing
  service, whose queue the customer waited in. Handling time: start (or the call, when never
  started) → finish, over served tickets.
* within_sla_share: tickets first called within the hall's `sla_minutes` of their issue ÷ tickets
  called (None when none was called).
* median and p90 interpolate linearly between the closest ranks (numpy's default method).
* per window and per clerk: the tickets that window or clerk finished (done or no-show there),
  and the ratings given for them.
* satisfaction_rate: ratings scoring 4 or 5 ÷ all ratings. Reasons are counted over the ratings
  below 4 (the reasons a customer was not satisfied).
* 标兵窗口: windows (and clerks) ranked by mean score, among those with at least the hall's
  `star_min_ratings` ratings (and at least one); ties go to more ratings, then more tickets
  served, then the lower window number (or login).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from common.errors import BadInput
from common.models import Rating, Staff, Ticket, Window

SATISFIED_SCORES = (4, 5)

# ---------------------------------------------------------------------------- periods


@dataclass(frozen=True)
class Period:
    """A range of service days, both ends included."""

    start: date
    end: date
    kind: str = "range"  # day | range | month

    @classmethod
    def day(cls, day: date) -> Period:
        return cls(day, day, "day")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        if not 1 <= month <= 12 or not 2000 <= year <= 9999:
            raise BadInput(f"月份不对 / not a month: {year}-{month}", code="bad_period")
        last = calendar.monthrange(year, month)[1]
        return cls(date(year, month, 1), date(year, month, last), "month")

    @classmethod
    def month_of(cls, day: date) -> Period:
        return cls.month(day.year, day.month)

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        if end < start:
            raise BadInput(
                f"结束日期早于开始日期 / the period ends ({end}) before it starts ({start})",
                code="bad_period",
            )
        if (end - start).days > 366 * 3:
            raise BadInput(
                "统计区间最长三年 / a period can span three years at most", code="bad_period"
            )
        return cls(start, end, "day" if start == end else "range")

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """`YYYY-MM` → that month."""
        try:
            year, month = (int(part) for part in text.strip().split("-"))
        except ValueError:
            raise BadInput(
                f"月份格式应为 YYYY-MM / not a month: {text!r}", code="bad_period"
            ) from None
        return cls.month(year, month)

    @property
    def label(self) -> str:
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()} – {self.end.isoformat()}"

    @property
    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1)]


# ---------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class RankedWindow:
    """A window in the month's ranking; `rank` is None below the minimum number of ratings.

    `staff_name` is the clerk who earned most of the window's ratings in the period.
    """

    rank: int | None
    window: int
    name: str
    staff_name: str | None
    ratings: int
    avg_score: float | None
    satisfaction_rate: float | None
    served: int


@dataclass(frozen=True)
class RankedClerk:
    rank: int | None
    login: str
    name: str
    ratings: int
    avg_score: float | None
    satisfaction_rate: float | None
    served: int


@dataclass(frozen=True)
class Ranking:
    min_ratings: int
    windows: tuple[RankedWindow, ...]
    staff: tuple[RankedClerk, ...]

    @property
    def model_window(self) -> RankedWindow | None:
        return self.windows[0] if self.windows and self.windows[0].rank == 1 else None

    @property
    def model_clerk(self) -> RankedClerk | None:
        return self.staff[0] if self.staff and self.staff[0].rank == 1 else None


@dataclass(frozen=True)
class ModelWindow:
    """The current leader of the month, as the display board shows it."""

    month: date  # the first day of the month
    window: int
    name: str
    staff_name: str | None
    avg_score: float
    ratings: int
    satisfaction_rate: float
    served: int


@dataclass(frozen=True)
class RatingTally:
    """Ratings of one window or clerk: count, sum of scores, satisfied (4–5) count."""

    count: int = 0
    total: int = 0
    satisfied: int = 0

    def __add__(self, other: RatingTally) -> RatingTally:
        return RatingTally(
            self.count + other.count, self.total + other.total, self.satisfied + other.satisfied
        )

    @property
    def avg(self) -> float | None:
        return self.total / self.count if self.count else None

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfied / self.count if self.count else None


def _rank_order(
    items: Iterable[tuple[Any, RatingTally, int, Any]], min_ratings: int
) -> list[tuple[int | None, Any, RatingTally, int]]:
    """Order (item, tally, served, tie key) rows: eligible ones ranked first, then the rest.

    Equal mean, ratings and served share a rank (1, 1, 3 …), like any league table.
    """
    threshold = max(1, min_ratings)
    rows = list(items)
    eligible = [r for r in rows if r[1].count >= threshold]
    others = [r for r in rows if r[1].count < threshold]
    # Mean scores compare exactly: total/count is correctly rounded, so equal ratios are equal.
    eligible.sort(key=lambda r: (-(r[1].total / r[1].count), -r[1].count, -r[2], r[3]))
    others.sort(key=lambda r: (-r[1].count, -r[2], r[3]))
    out: list[tuple[int | None, Any, RatingTally, int]] = []
    previous: tuple[float, int, int] | None = None
    rank = 0
    for position, (item, tally, served, _) in enumerate(eligible, start=1):
        key = (tally.total / tally.count, tally.count, served)
        if key != previous:
            rank = position
            previous = key
        out.append((rank, item, tally, served))
    out += [(None, item, tally, served) for item, tally, served, _ in others]
    return out


@dataclass(frozen=True)
class _WindowInfo:
    id: int
    number: int
    name: str
    active: bool


@dataclass(frozen=True)
class _StaffInfo:
    id: int
    login: str
    name: str
    active: bool


def _windows(s: Session, hall_id: int) -> dict[int, _WindowInfo]:
    rows = s.execute(
        select(Window.id, Window.number, Window.name, Window.active).where(
            Window.hall_id == hall_id
        )
    ).all()
    return {
        r.id: _WindowInfo(r.id, r.number, r.name or f"{r.number}号窗口", r.active) for r in rows
    }


def _staff(s: Session, hall_id: int) -> dict[int, _StaffInfo]:
    rows = s.execute(
        select(Staff.id, Staff.login, Staff.name, Staff.active).where(Staff.hall_id == hall_id)
    ).all()
    return {r.id: _StaffInfo(r.id, r.login, r.name, r.active) for r in rows}


def build_ranking(
    min_ratings: int,
    windows: dict[int, _WindowInfo],
    staff: dict[int, _StaffInfo],
    ratings: dict[tuple[int | None, int | None], RatingTally],
    served: dict[tuple[int | None, int | None], int],
) -> Ranking:
    """Rank windows and clerks from ratings and served counts keyed by (window id, staff id)."""
    by_window: dict[int, RatingTally] = {}
    by_staff: dict[int, RatingTally] = {}
    window_clerks: dict[int, dict[int, int]] = {}
    for (window_id, staff_id), tally in ratings.items():
        if window_id is not None:
            by_window[window_id] = by_window.get(window_id, RatingTally()) + tally
            if staff_id is not None:
                clerks = window_clerks.setdefault(window_id, {})
                clerks[staff_id] = clerks.get(staff_id, 0) + tally.count
        if staff_id is not None:
            by_staff[staff_id] = by_staff.get(staff_id, RatingTally()) + tally
    served_window: dict[int, int] = {}
    served_staff: dict[int, int] = {}
    for (window_id, staff_id), n in served.items():
        if window_id is not None:
            served_window[window_id] = served_window.get(window_id, 0) + n
        if staff_id is not None:
            served_staff[staff_id] = served_staff.get(staff_id, 0) + n

    def main_clerk(window_id: int) -> str | None:
        clerks = window_clerks.get(window_id)
        if not clerks:
            return None
        best = min(clerks.items(), key=lambda kv: (-kv[1], staff[kv[0]].login))[0]
        return staff[best].name

    window_ids = {w for w in by_window.keys() | served_window.keys() if w in windows}
    window_rows = _rank_order(
        (
            (
                windows[w],
                by_window.get(w, RatingTally()),
                served_window.get(w, 0),
                windows[w].number,
            )
            for w in window_ids
        ),
        min_ratings,
    )
    staff_ids = {p for p in by_staff.keys() | served_staff.keys() if p in staff}
    staff_rows = _rank_order(
        (
            (staff[p], by_staff.get(p, RatingTally()), served_staff.get(p, 0), staff[p].login)
            for p in staff_ids
        ),
        min_ratings,
    )
    return Ranking(
        min_ratings,
        tuple(
            RankedWindow(
                rank,
                w.number,
                w.name,
                main_clerk(w.id),
                tally.count,
                tally.avg,
                tally.satisfaction_rate,
                n,
            )
            for rank, w, tally, n in window_rows
        ),
        tuple(
            RankedClerk(rank, p.login, p.name, tally.count, tally.avg, tally.satisfaction_rate, n)
            for rank, p, tally, n in staff_rows
        ),
    )


def _rating_tallies(
    s: Session, hall_id: int, period: Period, service_ids: Sequence[int] | None = None
) -> dict[tuple[int | None, int | None], RatingTally]:
    satisfied = func.sum(case((Rating.score >= SATISFIED_SCORES[0], 1), else_=0))
    query = (
        select(
            Rating.window_id,
            Rating.staff_id,
            func.count(),
            func.sum(Rating.score),
            satisfied,
        )
        .where(Rating.hall_id == hall_id, Rating.day >= period.start, Rating.day <= period.end)
        .group_by(Rating.window_id, Rating.staff_id)
    )
    if service_ids is not None:
        query = query.where(Rating.service_id.in_(service_ids))
    return {
        (w, p): RatingTally(int(n), int(total or 0), int(ok or 0))
        for w, p, n, total, ok in s.execute(query)
    }


def _served_counts(
    s: Session, hall_id: int, period: Period
) -> dict[tuple[int | None, int | None], int]:
    query = (
        select(Ticket.window_id, Ticket.staff_id, func.count())
        .where(
            Ticket.hall_id == hall_id,
            Ticket.day >= period.start,
            Ticket.day <= period.end,
            Ticket.status == "done",
        )
        .group_by(Ticket.window_id, Ticket.staff_id)
    )
    return {(w, p): int(n) for w, p, n in s.execute(query)}


def ranking(s: Session, hall_id: int, period: Period, min_ratings: int) -> Ranking:
    """The ranking of windows and clerks over `period` (usually a month)."""
    return build_ranking(
        min_ratings,
        _windows(s, hall_id),
        _staff(s, hall_id),
        _rating_tallies(s, hall_id, period),
        _served_counts(s, hall_id, period),
    )


def model_window(engine: Any, month: date | None = None) -> ModelWindow | None:
    """The leading window of `month` (any day in it; default: this month in the hall's time).

    None while no window has the hall's minimum number of ratings (`star_min_ratings`).
    """
    if month is None:
        month = engine.service_day(engine.now())
    period = Period.month_of(month)
    min_ratings = engine.settings.star_min_ratings
    result = engine.db.transaction(
        lambda s: ranking(s, engine.hall_id, period, min_ratings), write=False
    )
    best = result.model_window
    if best is None or best.avg_score is None or best.satisfaction_rate is None:
        return None
    return ModelWindow(
        period.start,
        best.window,
        best.name,
        best.staff_name,
        best.avg_score,
        best.ratings,
        best.satisfaction_rate,
        best.served,
    )
