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
* median and p90 interpolate linearly between the closest ranks (numpy's default method);
  durations are read to a tenth of a second.
* per window and per clerk: the tickets that window or clerk finished (done or no-show there),
  and the ratings given for them.
* satisfaction_rate: ratings scoring 4 or 5 ÷ all ratings. Reasons are counted over the ratings
  below 4 (the reasons a customer was not satisfied).
* hours of the day (the hall's time): arrivals and their mean wait by the hour of issue, served
  tickets by the hour they were finished.
* one service only: each figure keeps the tickets its rule above gives to that service, and the
  ratings of that service; complaints and suggestions stay hall-wide (they name no service).
* 标兵窗口: windows (and clerks) ranked by mean score, among those with at least the hall's
  `star_min_ratings` ratings (and at least one); ties go to more ratings, then more tickets
  served, then the lower window number (or login).
"""

from __future__ import annotations

import calendar
import functools
import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import BigInteger, Integer, Text, bindparam, case, cast, func, or_, select
from sqlalchemy.orm import Session

from common.config import FEEDBACK_CATEGORIES, HallSettings
from common.errors import BadInput
from common.models import Feedback, Rating, Service, Staff, Ticket, UTCDateTime, Window

SATISFIED_SCORES = (4, 5)
# Durations are kept in tenths of a second. In the database's per-cell lists they travel under
# the clock: clock × SPAN + duration (see `_packed`).
TENTHS_PER_MINUTE = 600
SPAN = 10_000_000  # tenths of a second: 11½ days, far above any wait or handling time
MISSING = SPAN - 1  # no duration (never called): sorts after every real one of its clock

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


# ---------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class Durations:
    """Minutes over `count` values; the statistics are None when there is no value."""

    count: int
    mean: float | None
    median: float | None
    p90: float | None
    max: float | None


@dataclass(frozen=True)
class RatingFigures:
    count: int
    avg_score: float | None
    satisfaction_rate: float | None
    by_score: tuple[int, int, int, int, int]  # how many scored 1, 2, 3, 4, 5
    reasons: tuple[tuple[str, int], ...]  # reasons given with scores below 4, most frequent first


@dataclass(frozen=True)
class Figures:
    """The figures of the hall, a service, a window, a clerk or a day over a period.

    `issued` is None for windows and clerks (tickets are issued for a service); `tickets` is
    how many tickets the row accounts for (issued, or finished there).
    """

    issued: int | None
    tickets: int
    served: int
    no_show: int
    cancelled: int
    expired: int
    open: int
    transferred: int
    transfers: int
    called: int
    within_sla: int
    wait: Durations
    handling: Durations
    ratings: RatingFigures

    @property
    def within_sla_share(self) -> float | None:
        return self.within_sla / self.called if self.called else None


@dataclass(frozen=True)
class ServiceFigures:
    code: str
    name_zh: str
    name_en: str
    figures: Figures


@dataclass(frozen=True)
class WindowFigures:
    number: int
    name: str
    figures: Figures


@dataclass(frozen=True)
class StaffFigures:
    login: str
    name: str
    figures: Figures


@dataclass(frozen=True)
class DayFigures:
    day: date
    figures: Figures


@dataclass(frozen=True)
class HourFigures:
    """One hour of the day (hall time): tickets issued in it, served in it, their mean wait."""

    hour: int
    arrivals: int
    served: int
    avg_wait_min: float | None


@dataclass(frozen=True)
class WaitBin:
    """Waits above `from_min` up to `to_min` (None: no upper end); the first bin starts at 0."""

    from_min: float
    to_min: float | None
    count: int
    within_sla: bool


@dataclass(frozen=True)
class FeedbackCategory:
    category: str
    received: int
    open: int
    answered: int


@dataclass(frozen=True)
class FeedbackFigures:
    """Complaints and suggestions received in the period; answer times in hours."""

    received: int
    open: int
    answered: int
    answer_hours: Durations
    by_category: tuple[FeedbackCategory, ...]


@dataclass(frozen=True)
class Report:
    hall_code: str
    hall_name: str
    period: Period
    service: str | None  # the service filter, if any
    sla_minutes: int
    generated_at: datetime
    totals: Figures
    services: tuple[ServiceFigures, ...]
    windows: tuple[WindowFigures, ...]
    staff: tuple[StaffFigures, ...]
    days: tuple[DayFigures, ...]
    hours: tuple[HourFigures, ...]
    wait_bins: tuple[WaitBin, ...]
    feedback: FeedbackFigures
    ranking: Ranking


def quantile(values: Sequence[float], q: float) -> float | None:
    """The q-quantile of sorted `values`, interpolating linearly between the closest ranks."""
    if not values:
        return None
    position = (len(values) - 1) * q
    low = int(position)
    high = min(low + 1, len(values) - 1)
    return values[low] + (values[high] - values[low]) * (position - low)


def durations(values: Sequence[float], unit: float = TENTHS_PER_MINUTE) -> Durations:
    """Statistics of sorted `values` (tenths of a second, or another `unit` per minute/hour)."""
    if not values:
        return Durations(0, None, None, None, None)
    median = quantile(values, 0.5)
    p90 = quantile(values, 0.9)
    assert median is not None and p90 is not None
    return Durations(
        len(values),
        sum(values) / len(values) / unit,
        median / unit,
        p90 / unit,
        values[-1] / unit,
    )


def wait_bin_edges(sla_minutes: int) -> tuple[float, ...]:
    """Upper ends (minutes) of the waiting-time bins: quarters of the SLA, then 1.5× and 2×."""
    s = float(sla_minutes)
    return (s / 4, s / 2, 3 * s / 4, s, 1.5 * s, 2 * s)


class _Cell:
    """Raw figures of one (day, service, window, clerk) cell, merged into rows at the end.

    `waits` and `handling` are tenths of a second, kept sorted, so merging cells sorts runs
    (cheap for timsort).
    """

    __slots__ = (
        "issued",
        "status",
        "transferred",
        "transfers",
        "waits",
        "handling",
        "scores",
        "reasons",
    )

    def __init__(self) -> None:
        self.issued = 0
        self.status: dict[str, int] = {}
        self.transferred = 0
        self.transfers = 0
        self.waits: list[int] = []
        self.handling: list[int] = []
        self.scores = [0, 0, 0, 0, 0]
        self.reasons: dict[str, int] = {}


# Final states other than done; a cell's other tickets are open.
_FINAL = frozenset({"no_show", "cancelled", "expired"})


def _merged(lists: Iterable[list[int]]) -> list[int]:
    """One sorted list from sorted lists (timsort merges the runs)."""
    out: list[int] = []
    for values in lists:
        out += values
    out.sort()
    return out


def _figures(
    issue_cells: list[_Cell] | None,
    cells: list[_Cell],
    sla: int,
    waits: list[int] | None = None,
    handling: list[int] | None = None,
) -> Figures:
    """Merge cells into one row.

    `issue_cells` (keyed by the issuing service) give `issued` and the waits; without them (a
    window or a clerk) the waits are those of the tickets finished there, kept in `cells`.
    `waits` and `handling`, when given, are those lists already merged.
    """
    issued = sum(c.issued for c in issue_cells) if issue_cells is not None else 0
    if waits is None:
        waits = _merged(c.waits for c in (cells if issue_cells is None else issue_cells))
    if handling is None:
        handling = _merged(c.handling for c in cells)
    status: dict[str, int] = {}
    transferred = transfers = 0
    scores = [0, 0, 0, 0, 0]
    reasons: dict[str, int] = {}
    for c in cells:
        for k, n in c.status.items():
            status[k] = status.get(k, 0) + n
        transferred += c.transferred
        transfers += c.transfers
        if c.scores != [0, 0, 0, 0, 0]:
            scores = [a + b for a, b in zip(scores, c.scores, strict=True)]
        for r, n in c.reasons.items():
            reasons[r] = reasons.get(r, 0) + n
    count = sum(scores)
    total = sum(score * n for score, n in enumerate(scores, start=1))
    ratings = RatingFigures(
        count,
        total / count if count else None,
        (scores[3] + scores[4]) / count if count else None,
        (scores[0], scores[1], scores[2], scores[3], scores[4]),
        tuple(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0]))),
    )
    return Figures(
        issued if issue_cells is not None else None,
        issued if issue_cells is not None else sum(status.values()),
        status.get("done", 0),
        status.get("no_show", 0),
        status.get("cancelled", 0),
        status.get("expired", 0),
        status.get("open", 0),
        transferred,
        transfers,
        len(waits),
        bisect_right(waits, sla),
        durations(waits),
        durations(handling),
        ratings,
    )


def _packed(seconds: Any, clock_of: Any, sqlite: bool, minutes: bool) -> Any:
    """Per cell, each ticket as one integer: its UTC clock × SPAN + a duration in tenths.

    The clock is the UTC hour (or, when the hall's zone is a part of an hour away from UTC, the
    minute of the day). A month has ~40,000 tickets: fetched as rows they cost more in the
    driver than the whole report may take; packed and joined, each cell crosses as one text
    value. Sorted, a cell's values fall into one run per clock, each run sorted by duration;
    with whole hours they stay below 2³⁰, which Python sorts fastest.
    """
    if sqlite:
        hour = cast(func.substr(clock_of, 12, 2), Integer)
        clock = hour * 60 + cast(func.substr(clock_of, 15, 2), Integer) if minutes else hour
    else:
        # date_part (a float) rather than extract (a numeric, much slower to compute).
        utc = func.timezone("UTC", clock_of)
        hour = cast(func.date_part("hour", utc), Integer)
        clock = hour * 60 + cast(func.date_part("minute", utc), Integer) if minutes else hour
    tenths = cast(func.coalesce(seconds * 10, MISSING), BigInteger)
    return func.aggregate_strings(cast(clock * SPAN + tenths, Text), ",")


def _unpack(value: str | None) -> list[int]:
    """The integers of `_packed`, sorted (the JSON parser reads them faster than int())."""
    if not value:
        return []
    values: list[int] = json.loads(f"[{value}]")
    values.sort()
    return values


def _clock_runs(values: list[int]) -> Iterator[tuple[int, int, int]]:
    """(clock, start, end) of each clock's run in sorted packed values."""
    start, end = 0, len(values)
    while start < end:
        clock = values[start] // SPAN
        stop = bisect_left(values, (clock + 1) * SPAN, start)
        yield clock, start, stop
        start = stop


class _LocalHours:
    """Maps the UTC clock of a ticket of service day D (see `_packed`) to its hour in the hall."""

    def __init__(self, zone: ZoneInfo, period: Period) -> None:
        self.zone = zone
        self.minutes = any(
            int((datetime.combine(day, time(12), zone).utcoffset() or timedelta()).total_seconds())
            % 3600
            for day in period.days
        )
        self._by_offset: dict[int, dict[int, int]] = {}
        self._by_day: dict[date, dict[int, int]] = {}

    def table(self, day: date) -> dict[int, int]:
        """A memo for `day`, filled by `hour`; days of one UTC offset share one."""
        known = self._by_day.get(day)
        if known is not None:
            return known
        begin = datetime.combine(day, time(), self.zone).utcoffset()
        end = datetime.combine(day + timedelta(days=1), time(), self.zone).utcoffset()
        if begin == end and begin is not None:
            known = self._by_offset.setdefault(int(begin.total_seconds()), {})
        else:
            known = {}  # a daylight-saving change: each time is resolved on its own
        self._by_day[day] = known
        return known

    def hour(self, day: date, table: dict[int, int], clock: int) -> int:
        hour = table.get(clock)
        if hour is None:
            wanted = time(*divmod(clock, 60)) if self.minutes else time(clock)
            candidates = [
                datetime.combine(day + timedelta(days=shift), wanted, UTC).astimezone(self.zone)
                for shift in (0, -1, 1)
            ]
            # The UTC date is the one that falls on the service day (else, past midnight, the first).
            local = next((c for c in candidates if c.date() == day), candidates[0])
            hour = table[clock] = local.hour
        return hour


def _wait_bins(waits: list[int], sla_minutes: int) -> tuple[WaitBin, ...]:
    """How many waits (sorted tenths of a second) fall in each bin of `wait_bin_edges`."""
    edges = wait_bin_edges(sla_minutes)
    bins = []
    previous = 0
    for i in range(len(edges) + 1):
        upto = bisect_right(waits, edges[i] * TENTHS_PER_MINUTE) if i < len(edges) else len(waits)
        bins.append(
            WaitBin(
                edges[i - 1] if i else 0.0,
                edges[i] if i < len(edges) else None,
                upto - previous,
                i < len(edges) and edges[i] <= sla_minutes,
            )
        )
        previous = upto
    return tuple(bins)


def _utc_bounds(period: Period, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(period.start, time(), zone)
    end = datetime.combine(period.end + timedelta(days=1), time(), zone)
    return start, end


@dataclass(frozen=True)
class _Statements:
    """The report's statements with bind parameters, built once per kind (see `_statements`).

    Building them costs more than a day's report takes to run; SQLAlchemy caches the compiled
    form of a statement, not the statement.
    """

    services: Any
    cells: Any
    ratings: Any
    feedback: Any


@functools.cache
def _statements(sqlite: bool, minutes: bool, filtered: bool) -> _Statements:
    """Statements for SQLite or PostgreSQL, with UTC hours or minutes, for one service or all."""
    hall_id: Any = bindparam("hall_id")
    start: Any = bindparam("start")
    end: Any = bindparam("end")
    t = Ticket.__table__
    # One row per cell, its columns in the order of the report index, so that the database
    # groups the rows as it reads them, each cell's tickets in issue order.
    keys = (t.c.day, t.c.service_id, t.c.window_id, t.c.staff_id, t.c.issue_service_id)
    done = t.c.status == "done"
    # Other final states and transfers are rare: listed, they cost less than counted.
    cells = (
        select(
            *keys,
            func.count(),
            func.aggregate_strings(t.c.status, ",").filter(~done),
            func.aggregate_strings(cast(t.c.transfer_count, Text), ",").filter(
                t.c.transfer_count > 0
            ),
            _packed(t.c.wait_s, t.c.issued_at, sqlite, minutes),
            _packed(t.c.handling_s, t.c.finished_at, sqlite, minutes).filter(done),
        )
        .where(t.c.hall_id == hall_id, t.c.day >= start, t.c.day <= end)
        .group_by(*keys)
    )
    r = Rating.__table__
    dims = (r.c.day, r.c.service_id, r.c.window_id, r.c.staff_id, r.c.score)
    # The reasons (JSON lists, one per line) are read only for the scores below 4.
    unsatisfied = case((r.c.score < SATISFIED_SCORES[0], cast(r.c.reasons, Text)))
    ratings = (
        select(*dims, func.count(), func.aggregate_strings(unsatisfied, "\n"))
        .where(r.c.hall_id == hall_id, r.c.day >= start, r.c.day <= end)
        .group_by(*dims)
    )
    if filtered:
        service_id: Any = bindparam("service_id")
        cells = cells.where(or_(t.c.service_id == service_id, t.c.issue_service_id == service_id))
        ratings = ratings.where(r.c.service_id == service_id)
    f = Feedback.__table__
    feedback = select(f.c.category, f.c.status, f.c.at, f.c.answered_at).where(
        f.c.hall_id == hall_id,
        f.c.at >= bindparam("start", type_=UTCDateTime()),
        f.c.at < bindparam("end", type_=UTCDateTime()),
    )
    sv = Service.__table__
    services = (
        select(sv.c.id, sv.c.code, sv.c.name_zh, sv.c.name_en, sv.c.active)
        .where(sv.c.hall_id == hall_id)
        .order_by(sv.c.sort_order, sv.c.code)
    )
    return _Statements(services, cells, ratings, feedback)


def _feedback(
    s: Session, statement: Any, hall_id: int, period: Period, zone: ZoneInfo
) -> FeedbackFigures:
    start, end = _utc_bounds(period, zone)
    rows = s.execute(statement, {"hall_id": hall_id, "start": start, "end": end}).all()
    categories: dict[str, list[int]] = {c: [0, 0, 0] for c in FEEDBACK_CATEGORIES}
    answer_s: list[float] = []
    for category, status, at, answered_at in rows:
        counts = categories.setdefault(category, [0, 0, 0])
        counts[0] += 1
        if status == "answered":
            counts[2] += 1
            if answered_at is not None:
                answer_s.append(max(0.0, (answered_at - at).total_seconds()))
        else:
            counts[1] += 1
    answer_s.sort()
    return FeedbackFigures(
        len(rows),
        sum(c[1] for c in categories.values()),
        sum(c[2] for c in categories.values()),
        durations(answer_s, unit=3600.0),
        tuple(FeedbackCategory(k, *v) for k, v in categories.items()),
    )


def compute_in(
    s: Session,
    *,
    hall_id: int,
    hall_code: str,
    settings: HallSettings,
    sqlite: bool,
    period: Period,
    service: str | None = None,
    generated_at: datetime,
) -> Report:
    """The report of `period` (optionally one service), read in the session's transaction."""
    zone = settings.zone
    sla = settings.sla_minutes * TENTHS_PER_MINUTE
    hours = _LocalHours(zone, period)
    statements = _statements(sqlite, hours.minutes, service is not None)
    params: dict[str, Any] = {"hall_id": hall_id, "start": period.start, "end": period.end}
    services = list(s.execute(statements.services, params))
    service_id: int | None = None
    if service is not None:
        wanted = service.strip().upper()
        match = [r for r in services if r.code.upper() == wanted]
        if not match:
            raise BadInput(f"没有这项业务 / unknown service: {service!r}", code="unknown_service")
        service_id = match[0].id
        services = match
        params["service_id"] = service_id
    windows = _windows(s, hall_id)
    staff = _staff(s, hall_id)

    issue_cells: dict[tuple[date, int], _Cell] = {}
    cells: dict[tuple[date, int, int | None, int | None], _Cell] = {}
    arrivals = [0] * 24
    served_by_hour = [0] * 24
    wait_sum = [0] * 24
    wait_n = [0] * 24
    for day, svc, win, clerk, isvc, n, not_done, moved, issued, finished in s.execute(
        statements.cells, params
    ):
        issued = _unpack(issued)
        waits = [v % SPAN for v in issued]
        table = hours.table(day)
        ic: _Cell | None = None
        if service_id is None or isvc == service_id:
            ic = issue_cells.get((day, isvc))
            if ic is None:
                ic = issue_cells[(day, isvc)] = _Cell()
            ic.issued += n
            for clock, start, stop in _clock_runs(issued):
                hour = table.get(clock)
                if hour is None:
                    hour = hours.hour(day, table, clock)
                # Within a run the tickets never called come last.
                called_stop = bisect_left(issued, clock * SPAN + MISSING, start, stop)
                arrivals[hour] += stop - start
                wait_sum[hour] += sum(waits[start:called_stop])
                wait_n[hour] += called_stop - start
        # The runs merge quickly; the tickets never called sort last and are cut off.
        waits.sort()
        called = waits[: bisect_left(waits, MISSING)]
        if ic is not None:
            ic.waits += called
        if service_id is None or svc == service_id:
            key = (day, svc, win, clerk)
            c = cells.get(key)
            if c is None:
                c = cells[key] = _Cell()
            for status in not_done.split(",") if not_done else ():
                state = status if status in _FINAL else "open"
                c.status[state] = c.status.get(state, 0) + 1
            if moved:
                counts = json.loads(f"[{moved}]")
                c.transferred += len(counts)
                c.transfers += sum(counts)
            if finished:
                # One item per served ticket: the clock it finished at and its handling time.
                finished = _unpack(finished)
                c.status["done"] = c.status.get("done", 0) + len(finished)
                for clock, start, stop in _clock_runs(finished):
                    hour = table.get(clock)
                    if hour is None:
                        hour = hours.hour(day, table, clock)
                    served_by_hour[hour] += stop - start
                handling = [v % SPAN for v in finished]
                handling.sort()
                c.handling += handling[: bisect_left(handling, MISSING)]
                c.handling.sort()
            if win is not None:
                c.waits += called

    parsed: dict[str, list[str]] = {}
    for day, svc, win, clerk, score, n, reason_lists in s.execute(statements.ratings, params):
        key = (day, svc, win, clerk)
        c = cells.get(key)
        if c is None:
            c = cells[key] = _Cell()
        if 1 <= score <= 5:
            c.scores[score - 1] += n
        for listed in reason_lists.split("\n") if reason_lists else ():
            reasons = parsed.get(listed)
            if reasons is None:
                reasons = parsed[listed] = list(json.loads(listed) or ())
            for reason in reasons:
                c.reasons[reason] = c.reasons.get(reason, 0) + 1

    # Each cell goes to its service, window, clerk and day once.
    issue_by_service: dict[int, list[_Cell]] = {}
    issue_by_day: dict[date, list[_Cell]] = {}
    for (day, isvc), c in issue_cells.items():
        issue_by_service.setdefault(isvc, []).append(c)
        issue_by_day.setdefault(day, []).append(c)
    by_service: dict[int, list[_Cell]] = {}
    by_window: dict[int, list[_Cell]] = {}
    by_staff: dict[int, list[_Cell]] = {}
    by_day: dict[date, list[_Cell]] = {}
    for (day, svc, win, clerk), c in cells.items():
        by_service.setdefault(svc, []).append(c)
        by_day.setdefault(day, []).append(c)
        if win is not None:
            by_window.setdefault(win, []).append(c)
        if clerk is not None:
            by_staff.setdefault(clerk, []).append(c)

    # The hall's lists are merged from the services' (a few long runs, not thousands).
    service_rows = []
    service_waits: list[list[int]] = []
    service_handling: list[list[int]] = []
    for row in services:
        issued_here = issue_by_service.get(row.id, [])
        handled_here = by_service.get(row.id, [])
        waits = _merged(c.waits for c in issued_here)
        handling = _merged(c.handling for c in handled_here)
        service_waits.append(waits)
        service_handling.append(handling)
        if row.active or issued_here or handled_here:
            figures = _figures(issued_here, handled_here, sla, waits, handling)
            service_rows.append(ServiceFigures(row.code, row.name_zh, row.name_en, figures))
    totals_waits = _merged(service_waits)
    totals = _figures(
        list(issue_cells.values()),
        list(cells.values()),
        sla,
        totals_waits,
        _merged(service_handling),
    )
    window_rows = tuple(
        WindowFigures(w.number, w.name, _figures(None, by_window.get(w.id, []), sla))
        for w in sorted(windows.values(), key=lambda w: w.number)
        if w.id in by_window or (w.active and service is None)
    )
    staff_rows = tuple(
        StaffFigures(p.login, p.name, _figures(None, by_staff[p.id], sla))
        for p in sorted(staff.values(), key=lambda p: p.login)
        if p.id in by_staff
    )
    day_rows = tuple(
        DayFigures(d, _figures(issue_by_day.get(d, []), by_day.get(d, []), sla))
        for d in period.days
    )
    active_hours = [h for h in range(24) if arrivals[h] or served_by_hour[h]]
    hour_rows = (
        tuple(
            HourFigures(
                h,
                arrivals[h],
                served_by_hour[h],
                wait_sum[h] / wait_n[h] / TENTHS_PER_MINUTE if wait_n[h] else None,
            )
            for h in range(active_hours[0], active_hours[-1] + 1)
        )
        if active_hours
        else ()
    )
    bins = _wait_bins(totals_waits, settings.sla_minutes)
    tallies: dict[tuple[int | None, int | None], RatingTally] = {}
    served: dict[tuple[int | None, int | None], int] = {}
    for (_, _, win, clerk), c in cells.items():
        count = sum(c.scores)
        if count:
            total = sum(score * n for score, n in enumerate(c.scores, start=1))
            tallies[(win, clerk)] = tallies.get((win, clerk), RatingTally()) + RatingTally(
                count, total, c.scores[3] + c.scores[4]
            )
        done = c.status.get("done", 0)
        if done:
            served[(win, clerk)] = served.get((win, clerk), 0) + done
    return Report(
        hall_code,
        settings.name,
        period,
        services[0].code if service_id is not None else None,
        settings.sla_minutes,
        generated_at,
        totals,
        tuple(service_rows),
        window_rows,
        staff_rows,
        day_rows,
        hour_rows,
        bins,
        _feedback(s, statements.feedback, hall_id, period, zone),
        build_ranking(settings.star_min_ratings, windows, staff, tallies, served),
    )


def compute(engine: Any, period: Period, service: str | None = None) -> Report:
    """The report of `period` for the engine's hall, in one read transaction."""
    settings = engine.settings

    def run(s: Session) -> Report:
        return compute_in(
            s,
            hall_id=engine.hall_id,
            hall_code=engine.hall_code,
            settings=settings,
            sqlite=engine.db.is_sqlite,
            period=period,
            service=service,
            generated_at=engine.now(s).astimezone(settings.zone),
        )

    return engine.db.transaction(run, write=False)


def today(engine: Any, service: str | None = None) -> Report:
    """Today's figures (the hall's current service day)."""
    return compute(engine, Period.day(engine.service_day(engine.now())), service)
