"""The queue engine: one function per user action, one transaction each.

Every function returns frozen dataclasses (never live ORM objects) and appends to the event log
every state change it makes. Rules live here and nowhere else; the apps and the `hallq` command
only gather input and call these functions.

Concurrency:
* numbers come from a per hall/day/service counter row updated in the issuing transaction
  (an upsert), with a unique constraint on the tickets behind it;
* a window's actions lock the window's row first; `call_next` claims a ticket with
  `FOR UPDATE SKIP LOCKED` on PostgreSQL and inside `BEGIN IMMEDIATE` on SQLite;
* a partial unique index lets a window hold at most one current ticket.

On PostgreSQL a clerk's two busiest actions, call_next and finish, run as one statement each
(`sql.fast_call_next`, `sql.FAST_FINISH`) once the engine knows the window's services, the
clerk and the service day; whenever such a statement finds nothing to do it writes nothing,
and the action runs the long way, which says what is wrong. The calling order itself is one
statement on every path (`sql.next_ticket_id`).
"""

from __future__ import annotations

import dataclasses
import threading
import time as time_module
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import and_, case, event, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from common import estimates, sql, tokens
from common.clock import Clock
from common.config import FEEDBACK_CATEGORIES, HallSettings
from common.db import Database
from common.direct import DirectTx
from common.errors import BadInput, NothingToDo, Refused
from common.hall import hall_id_for, load_settings
from common.models import (
    CURRENT_STATUSES,
    OPEN_STATUSES,
    PRIORITIES,
    DailyCounter,
    Feedback,
    Rating,
    Service,
    Staff,
    Ticket,
    Window,
    WindowService,
    held_at_window,
    status_is,
)

HANDLING_TTL_S = 30.0
SCORE_LABELS = {5: "非常满意", 4: "满意", 3: "一般", 2: "不满意", 1: "非常不满意"}


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class TicketView:
    """A ticket as the apps show it."""

    id: int
    label: str
    number: int
    day: date
    service_code: str
    service_name_zh: str
    service_name_en: str
    priority: str
    status: str
    window: int | None
    staff_login: str | None
    staff_name: str | None
    target_window: int | None
    issued_at: datetime
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    recall_count: int
    transfer_count: int
    transfer_note: str
    outcome: str
    printed: bool | None
    token: str

    def waited_minutes(self, now: datetime) -> float:
        end = self.called_at or now
        return max(0.0, (end - self.issued_at).total_seconds() / 60.0)


@dataclass(frozen=True)
class IssuedTicket:
    ticket: TicketView
    ahead: int
    expected_wait_min: float
    check_code: str
    qr_payload: str


@dataclass(frozen=True)
class ServiceState:
    code: str
    name_zh: str
    name_en: str
    prefix: str
    is_complaint: bool
    active: bool
    open_now: bool
    closed_reason: str  # "" | "inactive" | "hours" | "limit"
    opening_text: str
    waiting: int
    longest_wait_min: float
    expected_wait_min: float
    issued_today: int
    daily_limit: int | None


@dataclass(frozen=True)
class WindowState:
    number: int
    name: str
    active: bool
    paused: bool
    pause_reason: str
    paused_at: datetime | None
    staff_login: str | None
    staff_name: str | None
    services: tuple[tuple[str, int], ...]
    current: TicketView | None
    parked: tuple[TicketView, ...]

    @property
    def state(self) -> str:
        """idle | calling | serving | paused | closed."""
        if not self.active:
            return "closed"
        if self.current is not None:
            return "serving" if self.current.status == "serving" else "calling"
        return "paused" if self.paused else "idle"


@dataclass(frozen=True)
class RatingTarget:
    """Who served the customer, shown by the kiosk before it asks for a score."""

    ticket: TicketView
    window: int | None
    staff_name: str | None
    already_rated: bool


@dataclass(frozen=True)
class RatingResult:
    ticket_label: str
    score: int
    window: int | None
    staff_name: str | None


@dataclass(frozen=True)
class FeedbackView:
    id: int
    at: datetime
    category: str
    text: str
    phone: str
    status: str
    answer: str
    answered_at: datetime | None


# ---------------------------------------------------------------------------- helpers


def _view(row: Sequence[Any]) -> TicketView:
    return TicketView(*row)


@dataclass(frozen=True)
class _Current:
    """A window's current ticket as read with the window's row (one round trip)."""

    view: TicketView
    service_id: int
    staff_id: int | None

    @classmethod
    def from_row(cls, r: Any) -> _Current:
        return cls(_current_view(r, r.t_status), r.t_service_id, r.t_staff_id)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.view, name)

    def changed(self, **changes: Any) -> TicketView:
        return dataclasses.replace(self.view, **changes)


def _current_view(
    r: Any, status: str, finished_at: datetime | None = None, outcome: str = ""
) -> TicketView:
    """A window's current ticket (`sql.current_columns`, window number `number`) in `status`."""
    return TicketView(
        r.t_id,
        r.t_label,
        r.t_number,
        r.t_day,
        r.t_service_code,
        r.t_service_name_zh,
        r.t_service_name_en,
        r.t_priority,
        status,
        r.number,
        r.t_staff_login,
        r.t_staff_name,
        None,
        r.t_issued_at,
        r.t_called_at,
        r.t_started_at,
        finished_at,
        r.t_recall_count,
        r.t_transfer_count,
        r.t_transfer_note,
        outcome,
        r.t_printed,
        r.t_token,
    )


def _called_view(
    t: Any, window: int, login: str | None, name: str | None, now: datetime
) -> TicketView:
    """Ticket row `t` (sql._CALL_COLUMNS) as just called to `window` at `now`."""
    return TicketView(
        t.id,
        t.label,
        t.number,
        t.day,
        t.code,
        t.name_zh,
        t.name_en,
        t.priority,
        "called",
        window,
        login,
        name,
        None,
        t.issued_at,
        now,
        None,
        None,
        t.recall_count,
        t.transfer_count,
        t.transfer_note,
        "",
        t.printed,
        t.token,
    )


def _write(s: Session | DirectTx, stmt: Any, params: dict[str, Any]) -> None:
    """A write whose result is not read: on the direct path it goes with the next round trip."""
    if isinstance(s, DirectTx):
        s.defer(stmt, params)
    else:
        s.execute(stmt, params)


def _execute_all(s: Session | DirectTx, statements: list[tuple[Any, dict[str, Any]]]) -> list[Any]:
    """Statements run in order; on the direct path in one round trip."""
    if isinstance(s, DirectTx):
        return s.execute_all(statements)
    return [s.execute(stmt, params) for stmt, params in statements]


class _TicketMoved(Exception):
    """The ticket went to a window while its row was awaited: run the action again."""


class _NeedsSession(Exception):
    """Raised inside a direct transaction whose work needs a `Session`: it is rolled back and
    run again through one."""


def parse_label(label: str) -> str:
    cleaned = label.strip().upper()
    if not cleaned or len(cleaned) > 16 or not cleaned.isalnum():
        raise BadInput(f"号码格式不对 / not a ticket number: {label!r}", code="bad_number")
    return cleaned


def _opening_text(hours: dict[str, Any] | None, weekday: int) -> str:
    if not hours:
        return ""
    spans = hours.get(str(weekday)) or []
    return "，".join(f"{a}–{b}" for a, b in spans)


def is_open(hours: dict[str, Any] | None, local: datetime) -> bool:
    """Opening hours per weekday: {"0": [["08:30", "17:30"]], ...}; None means always open."""
    if not hours:
        return True
    for start, end in hours.get(str(local.weekday())) or []:
        if time.fromisoformat(start) <= local.time() < time.fromisoformat(end):
            return True
    return False


# ---------------------------------------------------------------------------- the engine


class QueueEngine:
    """The queue of one hall.

    Args:
        db: the shared database.
        hall: the hall's code.
        clock: inject a clock (tests, simulation). Without one, PostgreSQL uses the server's
            clock and SQLite the PC's.
        fixed_day: hold every action to this service day (the simulation).
    """

    def __init__(
        self,
        db: Database,
        hall: str = "main",
        clock: Clock | None = None,
        *,
        fixed_day: date | None = None,
    ) -> None:
        self.db = db
        self.clock = clock
        # The simulation runs one continuous opening that may pass midnight: one service day.
        self.fixed_day = fixed_day
        self.hall_code = hall
        self.hall_id: int = db.transaction(lambda s: hall_id_for(s, hall), write=False)
        # Wakes the change feed's listeners (common.feed) after a transaction's COMMIT.
        self._wake: tuple[Any, dict[str, Any]] = (sql.WAKE, {"channel": f"hallq_{self.hall_id}"})
        self._settings: HallSettings | None = None
        self._settings_lock = threading.Lock()
        self._closed_through: date | None = None
        self._counter_upsert: dict[Any, Any] = {}
        self._staff_cache: dict[int, tuple[str, str]] = {}
        self._staff_ids: dict[str, int] = {}
        self._ranks_cache: dict[int, list[int]] = {}
        # Window ids by number, learnt with their ranks (SQLite's one-statement actions).
        self._window_ids: dict[int, int] = {}
        self._handling_cache: dict[tuple[date, int], tuple[float, float]] = {}

    # -- settings and time

    @property
    def settings(self) -> HallSettings:
        with self._settings_lock:
            if self._settings is None:
                self._settings = self.db.transaction(
                    lambda s: load_settings(s, self.hall_id), write=False
                )
            return self._settings

    def refresh_settings(self) -> HallSettings:
        """Drop cached hall settings, staff names and window assignments.

        Apps call it on `settings_changed`, `staff_changed`, `window_changed` and
        `service_changed` feed events.
        """
        with self._settings_lock:
            self._settings = None
            self._staff_cache.clear()
            self._staff_ids.clear()
            self._ranks_cache.clear()
            self._window_ids.clear()
            self._handling_cache.clear()
        return self.settings

    def transaction(self, run: Any, *, write: bool = True, durable: bool = False) -> Any:
        """Run `run(session)` as one transaction of this hall (core modules build on it).

        Hall settings are loaded before the transaction, never inside it. `durable`: what
        the customer holds or said (a printed number, a rating, a complaint) is on disk when
        this returns, on SQLite too (`Database.transaction`).
        """
        self.settings  # noqa: B018
        return self.db.transaction(run, write=write, durable=durable)

    def _direct(self, run: Any, *, durable: bool = False) -> Any:
        """Run a hot action (issue, call, recall, start, finish, no-show) as one transaction on
        the bare driver connection (`common.direct`): on SQLite the write lock is then held
        for the database work alone. The rare first action of a service day, which closes the
        earlier days, runs through a `Session` instead."""
        self.settings  # noqa: B018
        try:
            return self.db.transaction(run, direct=True, durable=durable)
        except _NeedsSession:
            return self.db.transaction(run, durable=durable)

    def now(self, session: Session | None = None) -> datetime:
        if self.clock is not None:
            return self.clock.now()
        if session is not None or self.db.is_sqlite:  # SQLite: the PC's clock, no query
            return self.db.server_now(session)
        return self.db.transaction(self.db.server_now, write=False)

    def service_day(self, when: datetime) -> date:
        if self.fixed_day is not None:
            return self.fixed_day
        return when.astimezone(self.settings.zone).date()

    def _begin(self, s: Session) -> tuple[datetime, date]:
        """Common start of a write: the time, the service day, and closing earlier days."""
        now = self.now(s)
        day = self.service_day(now)
        if self._must_close_before(day):
            if isinstance(s, DirectTx):
                raise _NeedsSession
            self._close_days_before(s, day, now)
        return now, day

    def _must_close_before(self, day: date) -> bool:
        """Whether days before `day` may still be open (this engine has not closed them)."""
        return self._closed_through is None or self._closed_through < day - timedelta(days=1)

    def _open_window(self, s: Session, number: int) -> tuple[Any, datetime, date]:
        """`_begin` and `_window` for an action at a window.

        On the direct path the window comes first: on PostgreSQL its lock also reads the
        server's clock, a round trip less. A direct transaction that has to close earlier
        days stops there (nothing written yet) and runs again through a Session, where the
        close comes first and the window is read after it.
        """
        if isinstance(s, DirectTx):
            win = self._window(s, number)
            now, day = self._begin(s)
        else:
            now, day = self._begin(s)
            win = self._window(s, number)
        return win, now, day

    def _ticket_event(
        self, s: Session, kind: str, at: datetime, ticket: Any, win: Any, **details: Any
    ) -> None:
        """An event about `ticket` (with ticket_id, staff_id, service_id, label) at `win`."""
        self._event(
            s,
            kind,
            at,
            ticket_id=ticket.id,
            window_id=win.id,
            staff_id=ticket.staff_id,
            service_id=ticket.service_id,
            label=ticket.label,
            window=win.number,
            **details,
        )

    def _event(
        self,
        s: Session,
        kind: str,
        at: datetime,
        *,
        ticket_id: int | None = None,
        window_id: int | None = None,
        staff_id: int | None = None,
        service_id: int | None = None,
        **details: Any,
    ) -> None:
        if isinstance(s, DirectTx) and s.pipeline and not s.has_then:
            # PostgreSQL: listeners are woken after COMMIT (see sql.NOTIFY_AFTER_COMMIT).
            s.defer(sql.NOTIFY_AFTER_COMMIT, {})
            s.then(*self._wake)
        _write(
            s,
            sql.EVENT,
            {
                "hall_id": self.hall_id,
                "at": at,
                "kind": kind,
                "ticket_id": ticket_id,
                "window_id": window_id,
                "staff_id": staff_id,
                "service_id": service_id,
                "details": details or None,
            },
        )

    # -- day close

    def _close_days_before(self, s: Session, day: date, now: datetime) -> int:
        stale = s.execute(
            select(Ticket.id, Ticket.label, Ticket.service_id, Ticket.window_id).where(
                Ticket.hall_id == self.hall_id,
                Ticket.day < day,
                Ticket.status.in_(OPEN_STATUSES),
            )
        ).all()
        expired: set[int] = set()
        if stale:
            # Still open? Another PC closing the day at the same moment may have been first.
            expired = set(
                s.execute(
                    update(Ticket)
                    .where(Ticket.id.in_([r.id for r in stale]), Ticket.status.in_(OPEN_STATUSES))
                    .values(
                        status="expired", finished_at=now, window_id=None, target_window_id=None
                    )
                    .returning(Ticket.id)
                ).scalars()
            )
            for r in stale:
                if r.id not in expired:
                    continue
                self._event(
                    s,
                    "expired",
                    now,
                    ticket_id=r.id,
                    window_id=r.window_id,
                    service_id=r.service_id,
                    label=r.label,
                )
        # Remembered once committed: a refused action rolls this close back along with it.
        through = day - timedelta(days=1)
        event.listen(
            s, "after_commit", lambda _: setattr(self, "_closed_through", through), once=True
        )
        return len(expired)

    def close_day(self) -> int:
        """Expire whatever is still open from earlier service days; return how many."""

        def run(s: Session) -> int:
            now = self.now(s)
            return self._close_days_before(s, self.service_day(now), now)

        return self.transaction(run)

    # -- lookups

    def _service(self, s: Session, code: str) -> Any:
        wanted = code.strip()
        row = s.execute(sql.SERVICE_BY_CODE, {"hall_id": self.hall_id, "code": wanted}).first()
        if row is None and wanted != wanted.upper():
            row = s.execute(
                sql.SERVICE_BY_CODE, {"hall_id": self.hall_id, "code": wanted.upper()}
            ).first()
        if row is None:
            raise BadInput(f"没有这项业务 / unknown service: {code!r}", code="unknown_service")
        return row

    def _window(self, s: Session, number: int, *, lock: bool = True) -> Any:
        """The window's row joined with its current ticket's columns (prefixed `t_`)."""
        params = {"hall_id": self.hall_id, "number": number}
        if lock and self.db.is_postgresql:
            # Lock first, read after: a locking read that waited for another PC's action on this
            # window would re-read the window's row but return the ticket as it was before.
            # Sent together (one round trip), the server still runs the read after the lock.
            locked, result = _execute_all(
                s, [(sql.LOCK_WINDOW, params), (sql.WINDOW_AND_CURRENT, params)]
            )
            found = locked.first()
            if isinstance(s, DirectTx) and found is not None:
                s.server_now = found.now
            row = result.first()
        else:
            row = s.execute(sql.WINDOW_AND_CURRENT, params).first()
        if row is None:
            raise BadInput(
                f"没有 {number} 号窗口 / unknown window: {number}", code="unknown_window"
            )
        if not row.active:
            raise Refused(
                f"{number} 号窗口已停用 / window {number} is closed", code="window_closed"
            )
        return row

    def _staff_id(self, s: Session, login: str | None, window: Any) -> int | None:
        if login is None:
            return window.staff_id
        staff_id = self._staff_ids.get(login)
        if staff_id is None:
            staff_id = s.execute(
                sql.STAFF_BY_LOGIN, {"hall_id": self.hall_id, "login": login}
            ).scalar_one_or_none()
            if staff_id is None:
                raise BadInput(
                    f"没有这位工作人员 / unknown staff login: {login!r}", code="unknown_staff"
                )
            self._staff_ids[login] = staff_id
        return staff_id

    def _staff_names(self, s: Session, staff_id: int | None) -> tuple[str | None, str | None]:
        if staff_id is None:
            return None, None
        names = self._staff_cache.get(staff_id)
        if names is None:
            row = s.execute(sql.STAFF_BY_ID, {"staff_id": staff_id}).one()
            names = self._staff_cache[staff_id] = (row.login, row.name)
        return names

    def _current(self, s: Session, window: Any) -> _Current | None:
        return _Current.from_row(window) if window.t_id is not None else None

    def _require_current(self, s: Session, window: Any, allowed: Iterable[str]) -> _Current:
        ticket = self._current(s, window)
        if ticket is None:
            raise NothingToDo(
                f"{window.number} 号窗口当前没有客户 / window {window.number} has no current ticket",
                code="no_current",
            )
        if ticket.status not in allowed:
            raise Refused(
                f"{ticket.label} 当前状态不能这样操作 / not possible while {ticket.label} is "
                f"{ticket.status}",
                code="wrong_state",
            )
        return ticket

    def _load_view(self, s: Session, ticket_id: int) -> TicketView:
        return _view(s.execute(sql.TICKET_BY_ID, {"ticket_id": ticket_id}).one())

    def _set(self, s: Session, ticket_id: int, **values: Any) -> None:
        s.execute(update(Ticket).where(Ticket.id == ticket_id).values(**values))

    # -- issuing

    def _cutoff(self, now: datetime) -> datetime:
        return now - timedelta(minutes=self.settings.sla_minutes)

    def _handling_minutes(self, s: Session, service_id: int, day: date) -> float:
        """Recent handling time of a service today; kept for HANDLING_TTL_S (it is an estimate,
        and reading it costs more than issuing the ticket once many were served)."""
        key = (day, service_id)
        cached = self._handling_cache.get(key)
        if cached is not None and time_module.monotonic() - cached[0] < HANDLING_TTL_S:
            return cached[1]
        recent = (
            s.execute(
                sql.RECENT_HANDLING,
                {
                    "hall_id": self.hall_id,
                    "day": day,
                    "service_id": service_id,
                    "limit": estimates.EWMA_WINDOW,
                },
            )
            .scalars()
            .all()
        )
        minutes = estimates.ewma_minutes(list(recent), self.settings.default_service_minutes)
        self._handling_cache[key] = (time_module.monotonic(), minutes)
        return minutes

    def _serving_windows(self, s: Session, service_id: int) -> int:
        return int(s.execute(sql.SERVING_WINDOWS, {"service_id": service_id}).scalar_one())

    def _next_number(self, s: Session, day: date, service_id: int) -> int:
        dialect_insert = pg_insert if self.db.is_postgresql else sqlite_insert
        stmt = self._counter_upsert.get(dialect_insert)
        if stmt is None:
            base = dialect_insert(DailyCounter)
            stmt = base.on_conflict_do_update(
                index_elements=["hall_id", "day", "service_id"],
                set_={"last_number": DailyCounter.last_number + 1},
            ).returning(DailyCounter.last_number)
            self._counter_upsert[dialect_insert] = stmt
        params = {"hall_id": self.hall_id, "day": day, "service_id": service_id, "last_number": 1}
        return int(s.execute(stmt, params).scalar_one())

    def issue(self, service: str, priority: str = "none") -> IssuedTicket:
        """Issue the next number of `service` (取号)."""
        if priority not in PRIORITIES:
            raise BadInput(f"未知的优先类别 / unknown priority: {priority!r}", code="bad_priority")
        if priority != "none" and priority not in self.settings.priority_kinds:
            raise Refused(
                f"本厅不设这类优先通道 / this hall offers no {priority} priority lane",
                code="priority_not_offered",
            )

        def estimate(s: Session) -> tuple[Any, int, float, int]:
            # The service's checks, the people ahead and what the wait depends on, read before
            # the number is taken, in a transaction of its own: counting a long queue inside
            # the issuing transaction held SQLite's write lock for it (7 ms with 40,000
            # waiting: every counter waited), and on PostgreSQL the service's number counter
            # row. Everyone waiting has a place at or before now, so an ordinary ticket has
            # every waiting ticket of its service ahead; a priority ticket only the urgent ones
            # (priority, or past the SLA).
            now = self.now(s)
            day = self.service_day(now)
            svc = self._service(s, service)
            if not svc.active:
                raise Refused(
                    f"{svc.name_zh} 暂停办理 / {svc.code} is not offered now", code="inactive"
                )
            local = now.astimezone(self.settings.zone)
            if not is_open(svc.opening_hours, local):
                hours = _opening_text(svc.opening_hours, local.weekday()) or "今日不办理"
                raise Refused(
                    f"{svc.name_zh} 现在不在办理时间（{hours}） / {svc.code} is closed now",
                    code="closed",
                )
            params = {
                "hall_id": self.hall_id,
                "day": day,
                "service_id": svc.id,
                "cutoff": self._cutoff(now),
            }
            stmt = sql.AHEAD_URGENT if priority != "none" else sql.AHEAD_ALL
            return (
                svc,
                int(s.execute(stmt, params).scalar_one()),
                self._handling_minutes(s, svc.id, day),
                self._serving_windows(s, svc.id),
            )

        svc, ahead, handling_minutes, serving_windows = self.db.transaction(
            estimate, write=False, direct=True
        )

        def run(s: Session) -> IssuedTicket:
            now, day = self._begin(s)
            number = self._next_number(s, day, svc.id)
            if svc.daily_limit is not None and number > svc.daily_limit:
                raise Refused(
                    f"{svc.name_zh} 今日号码已取完 / today's tickets for {svc.code} are all taken",
                    code="daily_limit",
                )
            label = f"{svc.prefix}{number:0{svc.number_width}d}"
            ref = tokens.TicketRef(self.hall_id, day, svc.id, number)
            secret = self.settings.hmac_secret
            token = tokens.sign(secret, ref)
            ticket_id = s.execute(
                sql.INSERT_TICKET,
                {
                    "hall_id": self.hall_id,
                    "day": day,
                    "issue_service_id": svc.id,
                    "service_id": svc.id,
                    "number": number,
                    "label": label,
                    "priority": priority,
                    "status": "waiting",
                    "issued_at": now,
                    "queue_at": now,
                    "token": token,
                    "recall_count": 0,
                    "transfer_count": 0,
                    "transfer_note": "",
                    "outcome": "",
                },
            ).scalar_one()
            self._event(
                s,
                "issued",
                now,
                ticket_id=ticket_id,
                service_id=svc.id,
                label=label,
                service=svc.code,
                priority=priority,
            )
            wait = estimates.expected_wait_minutes(ahead, handling_minutes, serving_windows)
            view = TicketView(
                ticket_id,
                label,
                number,
                day,
                svc.code,
                svc.name_zh,
                svc.name_en,
                priority,
                "waiting",
                None,
                None,
                None,
                None,
                now,
                None,
                None,
                None,
                0,
                0,
                "",
                "",
                None,
                token,
            )
            return IssuedTicket(
                view,
                ahead,
                round(wait, 1),
                tokens.check_code(secret, ref),
                tokens.qr_payload(self.settings.qr_base_url, token),
            )

        return self._direct(run, durable=True)  # the number goes on paper

    def mark_printed(self, ticket_id: int, ok: bool, message: str = "", device: str = "") -> None:
        """Record whether a ticket's print worked; a failure becomes a staff alert."""

        def run(s: Session) -> None:
            now = self.now(s)
            row = s.execute(
                select(Ticket.label, Ticket.service_id).where(
                    Ticket.id == ticket_id, Ticket.hall_id == self.hall_id
                )
            ).one_or_none()
            if row is None:
                raise BadInput(f"没有这张票 / unknown ticket id {ticket_id}", code="unknown_ticket")
            self._set(s, ticket_id, printed=ok)
            self._event(
                s,
                "printed" if ok else "print_failed",
                now,
                ticket_id=ticket_id,
                service_id=row.service_id,
                label=row.label,
                message=message,
                device=device,
            )

        self.transaction(run)

    # -- calling

    def _call(
        self, s: Session, t: Any, window: Any, staff_id: int | None, now: datetime
    ) -> TicketView:
        """Give ticket row `t` (with sql._CALL_COLUMNS) to `window`."""
        try:
            s.execute(
                sql.CALL,
                {
                    "ticket_id": t.id,
                    "window_id": window.id,
                    "staff_id": staff_id,
                    "now": now,
                    "wait_s": (now - t.issued_at).total_seconds(),
                },
            )
        except IntegrityError as e:
            raise Refused(
                f"{window.number} 号窗口已有客户 / window {window.number} already has a ticket",
                code="window_busy",
            ) from e
        self._event(
            s,
            "called",
            now,
            ticket_id=t.id,
            window_id=window.id,
            staff_id=staff_id,
            service_id=t.service_id,
            label=t.label,
            window=window.number,
        )
        return _called_view(t, window.number, *self._staff_names(s, staff_id), now)

    def _check_can_call(self, s: Session, window: Any) -> None:
        if window.paused:
            raise Refused(
                f"{window.number} 号窗口暂停服务中 / window {window.number} is paused",
                code="paused",
            )
        current = self._current(s, window)
        if current is not None:
            raise Refused(
                f"请先办结或过号 {current.label} / finish or no-show {current.label} first",
                code="window_busy",
            )

    def _window_ranks(self, s: Session, win: Any) -> list[int]:
        """The ranks of the window's services, primary first (cached by window number; see
        refresh_settings)."""
        ranks = self._ranks_cache.get(win.number)
        if ranks is None:
            found = s.execute(sql.WINDOW_RANKS, {"window_id": win.id}).scalars().all()
            ranks = self._ranks_cache[win.number] = list(found)
            self._window_ids[win.number] = win.id
        return ranks

    def _pick_next(self, s: Session, win: Any, day: date, now: datetime) -> Any | None:
        """The ticket `win` should call now (`sql.next_ticket`: the calling order), locked on
        PostgreSQL (SKIP LOCKED)."""
        ranks = self._window_ranks(s, win)
        params: dict[str, Any] = {
            "hall_id": self.hall_id,
            "day": day,
            "window_id": win.id,
            "cutoff": self._cutoff(now),
        }
        params.update((f"rank_{i}", rank) for i, rank in enumerate(ranks))
        stmt = sql.next_ticket(len(ranks), lock=self.db.is_postgresql)
        return s.execute(stmt, params).first()

    def call_next(self, window: int, staff: str | None = None) -> TicketView:
        """Call the next customer for `window` (呼叫下一位).

        Order: priority tickets first, except that an ordinary ticket waiting past the hall's
        SLA joins them (call by max wait); then the window's primary services before its
        secondary ones; then the earliest place in the queue.
        """

        fast = self._fast_call_next(window, staff)
        if fast is not None:
            return fast

        def run(s: Session) -> TicketView:
            win, now, day = self._open_window(s, window)
            self._check_can_call(s, win)
            staff_id = self._staff_id(s, staff, win)
            row = self._pick_next(s, win, day, now)
            if row is None:
                raise NothingToDo(
                    "没有等候的客户 / nobody is waiting for this window", code="empty"
                )
            return self._call(s, row, win, staff_id, now)

        return self._direct(run)

    def _fast_params(self, window: int) -> dict[str, Any] | None:
        """Parameters of a one-statement action at `window` (PostgreSQL), or None when the
        action has to run the long way: SQLite, or the day's first action (which closes the
        earlier days)."""
        if not self.db.is_postgresql or self._closed_through is None:
            return None
        settings = self.settings
        return {
            "hall_id": self.hall_id,
            "number": window,
            "now": self.clock.now() if self.clock is not None else None,
            "tz": settings.zone.key,
            "any_day": self.fixed_day is not None,
            "day": self.fixed_day or self._closed_through + timedelta(days=1),
        }

    def _fast_call_next(self, window: int, staff: str | None) -> TicketView | None:
        """call_next as one statement (sql.fast_call_next), when the window's services and
        the clerk are known here; None when the action has to run the long way."""
        if self.db.is_sqlite:
            return self._sqlite_call_next(window, staff)
        params = self._fast_params(window)
        ranks = self._ranks_cache.get(window)
        staff_id = None if staff is None else self._staff_ids.get(staff)
        if params is None or ranks is None or (staff is not None and staff_id is None):
            return None
        params["sla_minutes"] = self.settings.sla_minutes
        params["staff_id"] = staff_id
        params.update((f"rank_{i}", rank) for i, rank in enumerate(ranks))
        try:
            row = self.db.alone(sql.fast_call_next(len(ranks)), params, [self._wake]).first()
        except IntegrityError:
            return None  # another PC called to this window meanwhile: the long way says so
        if row is None:
            return None
        return _called_view(row, row.window_number, row.staff_login, row.staff_name, row.called_at)

    def _sqlite_params(self, window: int) -> dict[str, Any] | None:
        """Parameters of a one-UPDATE action at `window` (SQLite), or None when the action has
        to run the long way: the window is not known here yet, or it is the day's first
        action (which closes the earlier days)."""
        window_id = self._window_ids.get(window)
        if window_id is None:
            return None
        now = self.now()
        day = self.service_day(now)
        if self._must_close_before(day):
            return None
        return {
            "hall_id": self.hall_id,
            "number": window,
            "window_id": window_id,
            "now": now,
            "day": day,
        }

    def _sqlite_call_next(self, window: int, staff: str | None) -> TicketView | None:
        """call_next as one UPDATE (sql.sqlite_call_next) and its event, a transaction bound
        before it begins (`Database.local`); None when the action has to run the long way
        (which also says why nobody can be called)."""
        params = self._sqlite_params(window)
        ranks = self._ranks_cache.get(window)
        staff_id = None if staff is None else self._staff_ids.get(staff)
        if params is None or ranks is None or (staff is not None and staff_id is None):
            return None
        now = params["now"]
        params["cutoff"] = self._cutoff(now)
        params["staff_id"] = staff_id
        params.update((f"rank_{i}", rank) for i, rank in enumerate(ranks))
        try:
            called, _ = self.db.local(
                [(sql.sqlite_call_next(len(ranks)), params), (sql.SQLITE_CALLED_EVENT, params)]
            )
        except IntegrityError:
            return None  # cannot happen under the write lock; the long way would say why
        row = called.first()
        if row is None:
            return None
        return _called_view(row, window, row.staff_login, row.staff_name, now)

    def _sqlite_finish(self, window: int, outcome: str) -> TicketView | None:
        """finish as its event and one UPDATE (sql.SQLITE_FINISHED_EVENT, SQLITE_FINISH), a
        transaction bound before it begins; None when the action has to run the long way."""
        params = self._sqlite_params(window)
        if params is None:
            return None
        params["outcome"] = outcome
        _, done = self.db.local([(sql.SQLITE_FINISHED_EVENT, params), (sql.SQLITE_FINISH, params)])
        row = done.first()
        if row is None:
            return None
        self._handling_cache.clear()
        return _current_view(row, "done", params["now"], outcome)

    def call_specific(self, window: int, label: str, staff: str | None = None) -> TicketView:
        """Call a given waiting number at `window` (指定呼叫)."""
        wanted = parse_label(label)

        def run(s: Session) -> TicketView:
            win, now, day = self._open_window(s, window)
            self._check_can_call(s, win)
            staff_id = self._staff_id(s, staff, win)
            query = sql.TICKET_BY_LABEL_FOR_UPDATE if self.db.is_postgresql else sql.TICKET_BY_LABEL
            row = s.execute(query, {"hall_id": self.hall_id, "day": day, "label": wanted}).first()
            if row is None:
                raise BadInput(
                    f"今天没有 {wanted} 号 / no ticket {wanted} today", code="unknown_ticket"
                )
            if row.status != "waiting":
                raise Refused(
                    f"{wanted} 号现在不在等候 / {wanted} is not waiting (it is {row.status})",
                    code="not_waiting",
                )
            if row.target_window_id not in (None, win.id):
                raise Refused(
                    f"{wanted} 号已转到其他窗口 / {wanted} was sent to another window",
                    code="other_window",
                )
            return self._call(s, row, win, staff_id, now)

        return self._direct(run)

    def recall(self, window: int) -> TicketView:
        """Call the current customer again (重呼); past the hall's recall limit it is a no-show."""

        def run(s: Session) -> TicketView:
            win, now, _ = self._open_window(s, window)
            ticket = self._require_current(s, win, ("called",))
            if ticket.recall_count >= self.settings.recall_limit:
                self._no_show(s, ticket, win, now, reason="recall_limit")
            else:
                _write(s, sql.RECALL, {"ticket_id": ticket.id, "now": now})
                self._ticket_event(s, "recalled", now, ticket, win, recall=ticket.recall_count + 1)
            return self._load_view(s, ticket.id)

        return self._direct(run)

    def start(self, window: int) -> TicketView:
        """The called customer has arrived: start handling (开始办理)."""

        def run(s: Session) -> TicketView:
            win, now, _ = self._open_window(s, window)
            ticket = self._require_current(s, win, ("called",))
            _write(s, sql.START, {"ticket_id": ticket.id, "now": now})
            self._ticket_event(s, "started", now, ticket, win)
            return self._load_view(s, ticket.id)

        return self._direct(run)

    def finish(self, window: int, outcome: str = "done") -> TicketView:
        """Finish the current customer (办结) with an outcome code."""
        outcome = outcome.strip()[:40] or "done"
        if self.db.is_sqlite:
            done = self._sqlite_finish(window, outcome)
            if done is not None:
                return done
        params = self._fast_params(window)
        if params is not None:
            params["outcome"] = outcome
            row = self.db.alone(sql.FAST_FINISH, params, [self._wake]).first()
            if row is not None:
                self._handling_cache.clear()
                return _current_view(row, "done", row.finished_at, outcome)

        def run(s: Session) -> TicketView:
            win, now, _ = self._open_window(s, window)
            ticket = self._require_current(s, win, ("called", "serving"))
            began = ticket.started_at or ticket.called_at or now
            # This PC's own finishes refresh its estimates at once; others' within the TTL.
            self._handling_cache.clear()
            _write(
                s,
                sql.FINISH,
                {
                    "ticket_id": ticket.id,
                    "now": now,
                    "outcome": outcome,
                    "handling_s": max(0.0, (now - began).total_seconds()),
                },
            )
            self._ticket_event(s, "finished", now, ticket, win, outcome=outcome)
            return ticket.changed(status="done", finished_at=now, outcome=outcome)

        return self._direct(run)

    def _no_show(self, s: Session, ticket: Any, win: Any, now: datetime, reason: str) -> None:
        _write(s, sql.NO_SHOW, {"ticket_id": ticket.id, "now": now})
        self._ticket_event(s, "no_show", now, ticket, win, reason=reason)

    def no_show(self, window: int) -> TicketView:
        """The called customer did not come (过号)."""

        def run(s: Session) -> TicketView:
            win, now, _ = self._open_window(s, window)
            ticket = self._require_current(s, win, ("called",))
            self._no_show(s, ticket, win, now, reason="by_hand")
            return ticket.changed(status="no_show", finished_at=now)

        return self._direct(run)

    def transfer(
        self,
        window: int,
        to_service: str | None = None,
        to_window: int | None = None,
        note: str = "",
    ) -> TicketView:
        """Send the current customer on (转移), keeping the original place in the queue."""
        if to_service is None and to_window is None:
            raise BadInput(
                "请选择转移到的业务或窗口 / give a service or a window", code="no_target"
            )

        def run(s: Session) -> TicketView:
            now, _ = self._begin(s)
            win = self._window(s, window)
            ticket = self._require_current(s, win, ("called", "serving"))
            target_service = self._service(s, to_service) if to_service else None
            if target_service is not None and not target_service.active:
                raise Refused(
                    f"{target_service.name_zh} 暂停办理 / service not offered", code="inactive"
                )
            target_window = (
                self._window(s, to_window, lock=False) if to_window is not None else None
            )
            if target_window is not None and target_window.id == win.id:
                raise BadInput(
                    "不能转移到本窗口 / cannot transfer to the same window", code="same_window"
                )
            clean_note = note.strip()[:200]
            new_service = target_service.id if target_service else ticket.service_id
            self._set(
                s,
                ticket.id,
                status="waiting",
                window_id=None,
                staff_id=None,
                called_at=None,
                started_at=None,
                target_window_id=target_window.id if target_window else None,
                service_id=new_service,
                transfer_from_service_id=ticket.service_id,
                transfer_count=ticket.transfer_count + 1,
                transfer_note=clean_note,
                recall_count=0,
            )
            self._event(
                s,
                "transferred",
                now,
                ticket_id=ticket.id,
                window_id=win.id,
                staff_id=ticket.staff_id,
                service_id=new_service,
                label=ticket.label,
                window=win.number,
                to_service=target_service.code if target_service else None,
                to_window=target_window.number if target_window else None,
                note=clean_note,
            )
            return self._load_view(s, ticket.id)

        return self.transaction(run)

    def park(self, window: int) -> TicketView:
        """Set the current customer aside (挂起), e.g. to fetch a document."""

        def run(s: Session) -> TicketView:
            now, _ = self._begin(s)
            win = self._window(s, window)
            ticket = self._require_current(s, win, ("called", "serving"))
            self._set(s, ticket.id, status="parked", parked_at=now)
            self._ticket_event(s, "parked", now, ticket, win)
            return self._load_view(s, ticket.id)

        return self.transaction(run)

    def resume(self, window: int, label: str | None = None) -> TicketView:
        """Call a parked customer back to the window (回呼), ahead of the queue.

        A paused window may still resume its own parked customers.
        """
        wanted = parse_label(label) if label else None

        def run(s: Session) -> TicketView:
            now, _ = self._begin(s)
            win = self._window(s, window)
            current = self._current(s, win)
            if current is not None:
                raise Refused(
                    f"请先办结或过号 {current.label} / finish or no-show {current.label} first",
                    code="window_busy",
                )
            query = select(
                Ticket.id,
                Ticket.label,
                Ticket.service_id,
                Ticket.staff_id,
                Ticket.started_at,
                Ticket.parked_at,
            ).where(Ticket.window_id == win.id, status_is(Ticket.status, "parked"))
            if wanted:
                query = query.where(Ticket.label == wanted)
            ticket = s.execute(query.order_by(Ticket.parked_at).limit(1)).first()
            if ticket is None:
                raise NothingToDo(
                    "没有挂起的客户 / no parked customer at this window", code="none_parked"
                )
            # The time the customer was away is not handling time: the start moves on by it.
            started_at = ticket.started_at
            if started_at is not None and ticket.parked_at is not None:
                started_at += max(now - ticket.parked_at, timedelta(0))
            self._set(s, ticket.id, status="called", called_at=now, started_at=started_at)
            self._ticket_event(s, "resumed", now, ticket, win)
            return self._load_view(s, ticket.id)

        return self.transaction(run)

    def pause(self, window: int, reason: str = "") -> WindowState:
        """Stop calling at this window (暂停服务); the current customer may still be finished."""

        def run(s: Session) -> WindowState:
            now, _ = self._begin(s)
            win = self._window(s, window)
            if win.paused:
                raise Refused(f"{window} 号窗口已在暂停中 / already paused", code="already_paused")
            clean = reason.strip()[:200]
            s.execute(
                update(Window)
                .where(Window.id == win.id)
                .values(paused=True, pause_reason=clean, paused_at=now)
            )
            self._event(
                s,
                "paused",
                now,
                window_id=win.id,
                staff_id=win.staff_id,
                window=win.number,
                reason=clean,
            )
            return self._window_state(s, win.id)

        return self.transaction(run)

    def unpause(self, window: int) -> WindowState:
        """Resume calling at this window (恢复服务)."""

        def run(s: Session) -> WindowState:
            win, now, _ = self._open_window(s, window)
            if not win.paused:
                raise Refused(f"{window} 号窗口没有暂停 / window is not paused", code="not_paused")
            minutes = (now - win.paused_at).total_seconds() / 60 if win.paused_at else 0.0
            s.execute(
                update(Window)
                .where(Window.id == win.id)
                .values(paused=False, pause_reason="", paused_at=None)
            )
            self._event(
                s,
                "unpaused",
                now,
                window_id=win.id,
                staff_id=win.staff_id,
                window=win.number,
                paused_minutes=round(minutes, 1),
            )
            return self._window_state(s, win.id)

        return self.transaction(run)

    def _today_ticket(self, s: Session, label: str, day: date) -> Any:
        query = select(
            Ticket.id,
            Ticket.label,
            Ticket.status,
            Ticket.service_id,
            Ticket.window_id,
            Ticket.finished_at,
        ).where(Ticket.hall_id == self.hall_id, Ticket.day == day, Ticket.label == label)
        row = s.execute(query).first()
        if row is None:
            raise BadInput(f"今天没有 {label} 号 / no ticket {label} today", code="unknown_ticket")
        if self.db.is_postgresql:
            # Take the ticket's window first, in the order window actions lock, so a clerk
            # finishing this ticket and a supervisor cancelling it act one after the other.
            locked = row.window_id
            if locked is not None:
                s.execute(select(Window.id).where(Window.id == locked).with_for_update())
            row = s.execute(query.with_for_update()).one()
            if row.window_id is not None and row.window_id != locked:
                # A window called it while we waited for its row: start again, taking that
                # window's lock first (taking it now could deadlock with the window's clerk).
                raise _TicketMoved
        return row

    def _ticket_action(self, run: Any) -> Any:
        """Run a supervisor's action on a ticket (see `_today_ticket`)."""
        for _ in range(5):
            try:
                return self.transaction(run)
            except _TicketMoved:
                continue
        raise Refused(
            "这个号码正在各窗口间变动，请稍后再试 / the ticket keeps moving between windows: "
            "try again",
            code="busy",
        )

    def cancel(self, label: str, reason: str = "") -> TicketView:
        """Cancel today's ticket `label` (the customer left, or staff issued it by mistake)."""
        wanted = parse_label(label)

        def run(s: Session) -> TicketView:
            now, day = self._begin(s)
            ticket = self._today_ticket(s, wanted, day)
            if ticket.status not in OPEN_STATUSES:
                raise Refused(
                    f"{wanted} 号已结束 / {wanted} is already {ticket.status}", code="final"
                )
            self._set(
                s,
                ticket.id,
                status="cancelled",
                finished_at=now,
                window_id=None,
                target_window_id=None,
            )
            self._event(
                s,
                "cancelled",
                now,
                ticket_id=ticket.id,
                window_id=ticket.window_id,
                service_id=ticket.service_id,
                label=ticket.label,
                reason=reason.strip()[:200],
            )
            return self._load_view(s, ticket.id)

        return self._ticket_action(run)

    def reactivate(self, label: str) -> TicketView:
        """Put today's no-show `label` back in the queue (过号重排), after the next K waiting."""
        wanted = parse_label(label)

        def run(s: Session) -> TicketView:
            now, day = self._begin(s)
            ticket = self._today_ticket(s, wanted, day)
            if ticket.status != "no_show":
                raise Refused(
                    f"{wanted} 号不是过号 / {wanted} is not a no-show", code="not_no_show"
                )
            limit = timedelta(minutes=self.settings.reactivation_minutes)
            if ticket.finished_at is None or now - ticket.finished_at > limit:
                raise Refused(
                    f"{wanted} 号过号已超过 {self.settings.reactivation_minutes} 分钟，请重新取号 / "
                    "too late to reactivate: take a new ticket",
                    code="too_late",
                )
            k = self.settings.reactivation_after
            keys = (
                s.execute(
                    select(Ticket.queue_at)
                    .where(
                        Ticket.hall_id == self.hall_id,
                        Ticket.day == day,
                        status_is(Ticket.status, "waiting"),
                        Ticket.service_id == ticket.service_id,
                    )
                    .order_by(Ticket.queue_at)
                    .limit(max(k, 1))
                )
                .scalars()
                .all()
            )
            if k == 0 and keys:
                queue_at = keys[0] - timedelta(microseconds=1)  # straight to the head
            elif k and len(keys) >= k:
                queue_at = keys[-1] + timedelta(microseconds=1)
            else:
                queue_at = now
            self._set(
                s,
                ticket.id,
                status="waiting",
                queue_at=queue_at,
                window_id=None,
                staff_id=None,
                finished_at=None,
                called_at=None,
                recall_count=0,
            )
            self._event(
                s,
                "reactivated",
                now,
                ticket_id=ticket.id,
                service_id=ticket.service_id,
                label=ticket.label,
            )
            return self._load_view(s, ticket.id)

        return self._ticket_action(run)

    # -- ratings and feedback

    def _rating_ticket(
        self, s: Session, token: str | None, label: str | None, code: str | None, now: datetime
    ) -> Ticket:
        secret = self.settings.hmac_secret
        if token:
            ref = tokens.verify(secret, token)
            if ref.hall_id != self.hall_id:
                raise BadInput(
                    "这张票不是本营业厅的 / this ticket is from another hall", code="other_hall"
                )
            ticket = s.execute(
                select(Ticket).where(
                    Ticket.hall_id == self.hall_id,
                    Ticket.day == ref.day,
                    Ticket.issue_service_id == ref.service_id,
                    Ticket.number == ref.number,
                )
            ).scalar_one_or_none()
            if ticket is None:
                raise BadInput("找不到这张票 / unknown ticket", code="unknown_ticket")
        else:
            wanted = parse_label(label or "")
            since = self.service_day(now - timedelta(hours=self.settings.rating_valid_hours))
            candidates = (
                s.execute(
                    select(Ticket)
                    .where(
                        Ticket.hall_id == self.hall_id, Ticket.label == wanted, Ticket.day >= since
                    )
                    .order_by(Ticket.day.desc())
                )
                .scalars()
                .all()
            )
            ticket = next(
                (
                    t
                    for t in candidates
                    if tokens.verify_check_code(
                        secret,
                        tokens.TicketRef(self.hall_id, t.day, t.issue_service_id, t.number),
                        code or "",
                    )
                ),
                None,
            )
            if ticket is None:
                raise BadInput(
                    "号码或校验码不对，请核对小票 / number or check code is wrong", code="bad_code"
                )
        if ticket.status != "done":
            raise Refused(
                "业务办结后才能评价 / you can rate once your business is finished",
                code="not_finished",
            )
        finished = ticket.finished_at or now
        if now - finished > timedelta(hours=self.settings.rating_valid_hours):
            raise Refused("这张票的评价期已过 / this ticket is too old to rate", code="too_old")
        return ticket

    def rating_target(
        self, token: str | None = None, label: str | None = None, code: str | None = None
    ) -> RatingTarget:
        """Check a scanned or typed ticket and say who served it (before asking for a score)."""

        def run(s: Session) -> RatingTarget:
            now = self.now(s)
            ticket = self._rating_ticket(s, token, label, code, now)
            view = self._load_view(s, ticket.id)
            done_window = s.execute(
                select(Window.number).where(Window.id == ticket.window_id)
            ).scalar_one_or_none()
            staff_name = s.execute(
                select(Staff.name).where(Staff.id == ticket.staff_id)
            ).scalar_one_or_none()
            rated = s.execute(select(Rating.id).where(Rating.ticket_id == ticket.id)).first()
            return RatingTarget(view, done_window, staff_name, rated is not None)

        return self.transaction(run, write=False)

    def rate(
        self,
        token: str | None,
        score: int,
        reasons: Sequence[str] = (),
        comment: str = "",
        phone: str = "",
        *,
        label: str | None = None,
        code: str | None = None,
    ) -> RatingResult:
        """Record the customer's score of the clerk (评价): finished tickets only, once each."""
        if score not in SCORE_LABELS:
            raise BadInput("评分应为 1–5 / score must be 1–5", code="bad_score")
        phone = phone.strip()
        if phone and (not phone.isdigit() or not 5 <= len(phone) <= 20):
            raise BadInput("电话号码格式不对 / phone number must be digits", code="bad_phone")
        allowed = set(self.settings.rating_reasons)
        unknown = [r for r in reasons if r not in allowed]
        if unknown:
            raise BadInput(f"未知的评价原因 / unknown reason: {unknown[0]}", code="bad_reason")

        def run(s: Session) -> RatingResult:
            now = self.now(s)
            ticket = self._rating_ticket(s, token, label, code, now)
            if s.execute(select(Rating.id).where(Rating.ticket_id == ticket.id)).first():
                raise Refused(
                    "这张票已经评价过了，谢谢！/ this ticket has already been rated", code="rated"
                )
            try:
                with s.begin_nested():
                    s.add(
                        Rating(
                            hall_id=self.hall_id,
                            ticket_id=ticket.id,
                            day=ticket.day,
                            service_id=ticket.service_id,
                            window_id=ticket.window_id,
                            staff_id=ticket.staff_id,
                            score=score,
                            reasons=list(reasons),
                            comment=comment.strip()[:500],
                            phone=phone,
                            at=now,
                        )
                    )
            except IntegrityError as e:
                raise Refused(
                    "这张票已经评价过了，谢谢！/ this ticket has already been rated", code="rated"
                ) from e
            window_number = s.execute(
                select(Window.number).where(Window.id == ticket.window_id)
            ).scalar_one_or_none()
            staff_name = s.execute(
                select(Staff.name).where(Staff.id == ticket.staff_id)
            ).scalar_one_or_none()
            self._event(
                s,
                "rated",
                now,
                ticket_id=ticket.id,
                window_id=ticket.window_id,
                staff_id=ticket.staff_id,
                service_id=ticket.service_id,
                label=ticket.label,
                score=score,
                window=window_number,
            )
            return RatingResult(ticket.label, score, window_number, staff_name)

        return self.transaction(run, durable=True)

    def add_feedback(
        self, category: str, text: str, phone: str = "", ticket_label: str | None = None
    ) -> FeedbackView:
        """Store a complaint or suggestion (投诉建议) for the supervisor, as open."""
        if category not in FEEDBACK_CATEGORIES:
            raise BadInput(f"未知的类别 / unknown category: {category!r}", code="bad_category")
        text = text.strip()
        if not text:
            raise BadInput("请填写内容 / please describe the matter", code="empty_text")
        phone = phone.strip()
        if phone and (not phone.isdigit() or not 5 <= len(phone) <= 20):
            raise BadInput("电话号码格式不对 / phone number must be digits", code="bad_phone")

        def run(s: Session) -> FeedbackView:
            now, day = self._begin(s)
            ticket_id = None
            if ticket_label:
                ticket_id = s.execute(
                    select(Ticket.id).where(
                        Ticket.hall_id == self.hall_id,
                        Ticket.day == day,
                        Ticket.label == parse_label(ticket_label),
                    )
                ).scalar_one_or_none()
            item = Feedback(
                hall_id=self.hall_id,
                at=now,
                category=category,
                text=text[:2000],
                phone=phone,
                status="open",
                answer="",
                ticket_id=ticket_id,
            )
            s.add(item)
            s.flush()
            self._event(s, "feedback", now, category=category, feedback_id=item.id)
            return FeedbackView(item.id, now, category, item.text, phone, "open", "", None)

        return self.transaction(run, durable=True)

    def answer_feedback(
        self, feedback_id: int, answer: str, staff: str | None = None
    ) -> FeedbackView:
        """Close a complaint or suggestion with the hall's answer."""
        answer = answer.strip()
        if not answer:
            raise BadInput("请填写答复 / the answer is empty", code="empty_answer")

        def run(s: Session) -> FeedbackView:
            now = self.now(s)
            item = s.execute(
                select(Feedback).where(Feedback.id == feedback_id, Feedback.hall_id == self.hall_id)
            ).scalar_one_or_none()
            if item is None:
                raise BadInput(
                    f"没有这条意见 / unknown feedback {feedback_id}", code="unknown_feedback"
                )
            if item.status == "answered":
                raise Refused("这条意见已经答复 / already answered", code="answered")
            staff_id = None
            if staff:
                staff_id = s.execute(
                    select(Staff.id).where(Staff.hall_id == self.hall_id, Staff.login == staff)
                ).scalar_one_or_none()
            item.status = "answered"
            item.answer = answer[:2000]
            item.answered_at = now
            item.answered_by = staff_id
            self._event(s, "feedback_answered", now, staff_id=staff_id, feedback_id=item.id)
            return FeedbackView(
                item.id,
                item.at,
                item.category,
                item.text,
                item.phone,
                item.status,
                item.answer,
                now,
            )

        return self.transaction(run)

    # -- reading the hall

    def _window_state(self, s: Session, window_id: int) -> WindowState:
        win = s.execute(select(Window).where(Window.id == window_id)).scalar_one()
        staff = (
            s.execute(select(Staff.login, Staff.name).where(Staff.id == win.staff_id)).one_or_none()
            if win.staff_id
            else None
        )
        services = s.execute(
            select(Service.code, WindowService.rank)
            .join(Service, Service.id == WindowService.service_id)
            .where(WindowService.window_id == win.id)
            .order_by(WindowService.rank, Service.sort_order, Service.code)
        ).all()
        tickets = [
            _view(r)
            for r in s.execute(
                sql.TICKETS.where(
                    Ticket.window_id == win.id, held_at_window(Ticket.status)
                ).order_by(Ticket.parked_at)
            ).all()
        ]
        current = next((t for t in tickets if t.status in CURRENT_STATUSES), None)
        return WindowState(
            win.number,
            win.name,
            win.active,
            win.paused,
            win.pause_reason,
            win.paused_at,
            staff.login if staff else None,
            staff.name if staff else None,
            tuple((c, r) for c, r in services),
            current,
            tuple(t for t in tickets if t.status == "parked"),
        )

    def window_state(self, window: int) -> WindowState:
        def run(s: Session) -> WindowState:
            win = s.execute(
                select(Window).where(Window.hall_id == self.hall_id, Window.number == window)
            ).scalar_one_or_none()
            if win is None:
                raise BadInput(
                    f"没有 {window} 号窗口 / unknown window: {window}", code="unknown_window"
                )
            return self._window_state(s, win.id)

        return self.transaction(run, write=False)

    def windows(self) -> list[WindowState]:
        def run(s: Session) -> list[WindowState]:
            wins = (
                s.execute(
                    select(Window).where(Window.hall_id == self.hall_id).order_by(Window.number)
                )
                .scalars()
                .all()
            )
            return [self._window_state(s, w.id) for w in wins]

        return self.transaction(run, write=False)

    def waiting(self, window: int | None = None, limit: int = 200) -> list[TicketView]:
        """Today's waiting tickets in calling order; for one window: the tickets it may call."""

        def run(s: Session) -> list[TicketView]:
            now = self.now(s)
            day = self.service_day(now)
            cutoff = now - timedelta(minutes=self.settings.sla_minutes)
            tier = case((or_(Ticket.priority != "none", Ticket.queue_at <= cutoff), 0), else_=1)
            query = sql.TICKETS.where(
                Ticket.hall_id == self.hall_id,
                Ticket.day == day,
                status_is(Ticket.status, "waiting"),
            )
            if window is None:
                query = query.order_by(tier, Ticket.queue_at, Ticket.id)
            else:
                win = s.execute(
                    select(Window).where(Window.hall_id == self.hall_id, Window.number == window)
                ).scalar_one_or_none()
                if win is None:
                    raise BadInput(
                        f"没有 {window} 号窗口 / unknown window: {window}", code="unknown_window"
                    )
                ws = aliased(WindowService)
                query = query.outerjoin(
                    ws, and_(ws.service_id == Ticket.service_id, ws.window_id == win.id)
                ).where(
                    or_(
                        and_(Ticket.target_window_id.is_(None), ws.window_id.is_not(None)),
                        Ticket.target_window_id == win.id,
                    )
                )
                rank = case((Ticket.target_window_id == win.id, -1), else_=ws.rank)
                query = query.order_by(tier, rank, Ticket.queue_at, Ticket.id)
            return [_view(r) for r in s.execute(query.limit(limit)).all()]

        return self.transaction(run, write=False)

    def services(self, include_inactive: bool = False) -> list[ServiceState]:
        """Every service with its waiting count, expected wait and whether it is open now."""

        def run(s: Session) -> list[ServiceState]:
            now = self.now(s)
            day = self.service_day(now)
            local = now.astimezone(self.settings.zone)
            query = select(Service).where(Service.hall_id == self.hall_id)
            if not include_inactive:
                query = query.where(Service.active.is_(True))
            services = s.execute(query.order_by(Service.sort_order, Service.code)).scalars().all()
            waiting = {
                r.service_id: (r.n, r.oldest)
                for r in s.execute(
                    select(
                        Ticket.service_id,
                        func.count().label("n"),
                        func.min(Ticket.issued_at).label("oldest"),
                    )
                    .where(
                        Ticket.hall_id == self.hall_id,
                        Ticket.day == day,
                        status_is(Ticket.status, "waiting"),
                    )
                    .group_by(Ticket.service_id)
                )
            }
            issued = dict(
                s.execute(
                    select(DailyCounter.service_id, DailyCounter.last_number).where(
                        DailyCounter.hall_id == self.hall_id, DailyCounter.day == day
                    )
                ).all()
            )
            out = []
            for svc in services:
                n, oldest = waiting.get(svc.id, (0, None))
                count = issued.get(svc.id, 0)
                reason = ""
                if not svc.active:
                    reason = "inactive"
                elif not is_open(svc.opening_hours, local):
                    reason = "hours"
                elif svc.daily_limit is not None and count >= svc.daily_limit:
                    reason = "limit"
                wait = estimates.expected_wait_minutes(
                    n, self._handling_minutes(s, svc.id, day), self._serving_windows(s, svc.id)
                )
                out.append(
                    ServiceState(
                        svc.code,
                        svc.name_zh,
                        svc.name_en,
                        svc.prefix,
                        svc.is_complaint,
                        svc.active,
                        reason == "",
                        reason,
                        _opening_text(svc.opening_hours, local.weekday()),
                        int(n),
                        round((now - oldest).total_seconds() / 60, 1) if oldest else 0.0,
                        round(wait, 1),
                        int(count),
                        svc.daily_limit,
                    )
                )
            return out

        return self.transaction(run, write=False)

    def find_ticket(self, label: str, day: date | None = None) -> TicketView:
        """Today's (or `day`'s) ticket `label`."""
        wanted = parse_label(label)

        def run(s: Session) -> TicketView:
            which = day or self.service_day(self.now(s))
            row = s.execute(
                sql.TICKETS.where(
                    Ticket.hall_id == self.hall_id, Ticket.day == which, Ticket.label == wanted
                )
            ).first()
            if row is None:
                raise BadInput(
                    f"{which} 没有 {wanted} 号 / no ticket {wanted} on {which}",
                    code="unknown_ticket",
                )
            return _view(row)

        return self.transaction(run, write=False)

    def ticket(self, ticket_id: int) -> TicketView:
        def run(s: Session) -> TicketView:
            row = s.execute(
                sql.TICKETS.where(Ticket.id == ticket_id, Ticket.hall_id == self.hall_id)
            ).first()
            if row is None:
                raise BadInput(f"没有这张票 / unknown ticket id {ticket_id}", code="unknown_ticket")
            return _view(row)

        return self.transaction(run, write=False)

    def open_feedback(self, status: str | None = "open", limit: int = 200) -> list[FeedbackView]:
        def run(s: Session) -> list[FeedbackView]:
            query = select(Feedback).where(Feedback.hall_id == self.hall_id)
            if status:
                query = query.where(Feedback.status == status)
            items = s.execute(query.order_by(Feedback.at.desc()).limit(limit)).scalars().all()
            return [
                FeedbackView(
                    f.id, f.at, f.category, f.text, f.phone, f.status, f.answer, f.answered_at
                )
                for f in items
            ]

        return self.transaction(run, write=False)

    def check_code_for(self, ticket: TicketView) -> str:
        """The six-digit check code printed under a ticket's QR code."""
        ref, _ = tokens.parse(ticket.token)
        return tokens.check_code(self.settings.hmac_secret, ref)
