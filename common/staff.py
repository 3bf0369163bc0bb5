"""Staff at the counters: logging in and out, lock-out, roles, and a clerk's figures of the day.

A window is held by one clerk at a time (`windows.staff_id`). A second login for a held window
is refused unless the caller confirmed a takeover; the same clerk logging in again (a restarted
console) simply gets the window back.

Password checks (argon2id, slow on purpose) run outside the write transactions, so a login
never holds the database's write lock while hashing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session

from common.engine import QueueEngine
from common.errors import BadInput, Refused
from common.models import Event, Rating, Staff, Ticket, Window, held_at_window
from common.passwords import hash_password, verify_password

SATISFIED_MIN_SCORE = 4


@dataclass(frozen=True)
class StaffView:
    id: int
    login: str
    name: str
    role: str
    active: bool
    locked_until: datetime | None

    @property
    def may_supervise(self) -> bool:
        return may_supervise(self.role)

    @property
    def may_manage(self) -> bool:
        return may_manage(self.role)


@dataclass(frozen=True)
class LoginResult:
    """Who logged in, at which window (None: supervisor views only), and whom they replaced."""

    staff: StaffView
    window: int | None
    at: datetime
    took_over_from: str | None


@dataclass(frozen=True)
class ClerkFigures:
    """A clerk's own figures of today (今日业绩)."""

    served: int
    mean_handling_min: float | None
    ratings: int
    satisfied: int

    @property
    def satisfaction_rate(self) -> float | None:
        """Share of ratings scored 4–5 (满意率), None before the first rating."""
        return self.satisfied / self.ratings if self.ratings else None


class WindowTaken(Refused):
    """The window is held by another clerk; log in again with `takeover=True` to take it."""

    def __init__(self, window: int, holder_login: str, holder_name: str) -> None:
        super().__init__(
            f"{window} 号窗口已由 {holder_name} 登录 / window {window} is in use by {holder_name}",
            code="window_taken",
        )
        self.window = window
        self.holder_login = holder_login
        self.holder_name = holder_name


class Locked(Refused):
    """Too many failed logins: the account waits until `until`."""

    def __init__(self, until: datetime, minutes_left: int) -> None:
        super().__init__(
            f"登录失败次数过多，账号已锁定，请 {minutes_left} 分钟后再试 / too many failed "
            f"logins: locked for {minutes_left} more minutes",
            code="locked",
        )
        self.until = until
        self.minutes_left = minutes_left


def may_supervise(role: str) -> bool:
    return role in ("supervisor", "admin")


def may_manage(role: str) -> bool:
    return role == "admin"


def _view(row: Any) -> StaffView:
    return StaffView(row.id, row.login, row.name, row.role, row.active, row.locked_until)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return hash_password("not a password of anyone")


def _bad_login() -> BadInput:
    return BadInput("工号或密码不对 / wrong login or password", code="bad_login")


def _minutes_left(until: datetime, now: datetime) -> int:
    return max(1, int(-(-(until - now).total_seconds() // 60)))


def acting_staff(s: Session, hall_id: int, login: str, roles: tuple[str, ...]) -> StaffView:
    """The active staff member `login`, refused with code "forbidden" unless their role fits."""
    row = s.execute(
        select(Staff).where(Staff.hall_id == hall_id, Staff.login == login)
    ).scalar_one_or_none()
    if row is None or not row.active:
        raise Refused("没有权限 / not allowed: unknown or disabled account", code="forbidden")
    if row.role not in roles:
        raise Refused(f"没有权限 / not allowed for role {row.role}", code="forbidden")
    return _view(row)


def _event(
    s: Session,
    engine: QueueEngine,
    kind: str,
    at: datetime,
    staff_id: int,
    window_id: int | None,
    **details: Any,
) -> None:
    s.add(
        Event(
            hall_id=engine.hall_id,
            at=at,
            kind=kind,
            staff_id=staff_id,
            window_id=window_id,
            details=details,
        )
    )


def login(
    engine: QueueEngine,
    login: str,
    password: str,
    window: int | None = None,
    *,
    takeover: bool = False,
) -> LoginResult:
    """Check the password and take `window` (登录).

    Raises:
        BadInput: "bad_login" (unknown login or wrong password — not told apart),
            "window_required" (a clerk must take a window), "unknown_window".
        Locked: "locked" after `max_failed_logins` failures in a row, for `lockout_minutes`.
        Refused: "disabled" account, "window_closed".
        WindowTaken: "window_taken" when another clerk holds the window and `takeover` is False.
    """
    login = login.strip()
    settings = engine.settings

    def read(s: Session) -> Any:
        return s.execute(
            select(Staff).where(Staff.hall_id == engine.hall_id, Staff.login == login)
        ).scalar_one_or_none()

    person = engine.transaction(read, write=False) if login else None
    if person is None:
        # Spend the same time as a real check, so a wrong login cannot be told apart.
        verify_password(_dummy_hash(), password)
        raise _bad_login()
    password_ok = verify_password(person.password_hash, password)

    def write(s: Session) -> LoginResult | Exception:
        now = engine.now(s)
        row = s.execute(select(Staff).where(Staff.id == person.id)).scalar_one()
        if not row.active:
            return Refused("账号已停用 / this account is disabled", code="disabled")
        if row.locked_until is not None and row.locked_until > now:
            return Locked(row.locked_until, _minutes_left(row.locked_until, now))
        if not password_ok:
            failures = row.failed_attempts + 1
            if failures >= settings.max_failed_logins:
                until = now + timedelta(minutes=settings.lockout_minutes)
                row.failed_attempts = 0
                row.locked_until = until
                _event(s, engine, "login_locked", now, row.id, None, login=row.login)
                return Locked(until, settings.lockout_minutes)
            row.failed_attempts = failures
            row.locked_until = None
            return _bad_login()
        if window is None and row.role == "clerk":
            raise BadInput("请选择窗口 / choose a window", code="window_required")
        row.failed_attempts = 0
        row.locked_until = None
        took_over = None
        window_id = None
        if window is not None:
            win = s.execute(
                select(Window)
                .where(Window.hall_id == engine.hall_id, Window.number == window)
                .with_for_update()
            ).scalar_one_or_none()
            if win is None:
                raise BadInput(
                    f"没有 {window} 号窗口 / unknown window: {window}", code="unknown_window"
                )
            if not win.active:
                raise Refused(
                    f"{window} 号窗口已停用 / window {window} is closed", code="window_closed"
                )
            if win.staff_id is not None and win.staff_id != row.id:
                holder = s.execute(select(Staff).where(Staff.id == win.staff_id)).scalar_one()
                if not takeover:
                    raise WindowTaken(window, holder.login, holder.name)
                took_over = holder.name
                _event(
                    s,
                    engine,
                    "logout",
                    now,
                    holder.id,
                    win.id,
                    login=holder.login,
                    window=window,
                    reason="takeover",
                    by=row.login,
                )
                # The customers at the window are the new clerk's now: whoever finishes them
                # is credited (reports, ratings).
                s.execute(
                    update(Ticket)
                    .where(
                        Ticket.window_id == win.id,
                        held_at_window(Ticket.status),
                    )
                    .values(staff_id=row.id)
                )
            _release_windows(s, engine, row, now, keep=win.id)
            win.staff_id = row.id
            win.login_at = now
            window_id = win.id
        _event(
            s,
            engine,
            "login",
            now,
            row.id,
            window_id,
            login=row.login,
            window=window,
            took_over_from=took_over,
        )
        return LoginResult(_view(row), window, now, took_over)

    # A failed attempt must be counted even though the login fails: the transaction commits
    # and the error is raised after it.
    outcome = engine.transaction(write)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _release_windows(
    s: Session, engine: QueueEngine, person: Staff, now: datetime, keep: int | None = None
) -> None:
    held = s.execute(
        select(Window.id, Window.number).where(
            Window.hall_id == engine.hall_id, Window.staff_id == person.id
        )
    ).all()
    for window_id, number in held:
        if window_id == keep:
            continue
        s.execute(update(Window).where(Window.id == window_id).values(staff_id=None, login_at=None))
        _event(s, engine, "logout", now, person.id, window_id, login=person.login, window=number)


def logout(engine: QueueEngine, login: str) -> None:
    """Leave every window `login` holds (退出); the window's tickets stay where they are."""

    def run(s: Session) -> None:
        now = engine.now(s)
        person = s.execute(
            select(Staff).where(Staff.hall_id == engine.hall_id, Staff.login == login)
        ).scalar_one_or_none()
        if person is None:
            raise BadInput(
                f"没有这位工作人员 / unknown staff login: {login!r}", code="unknown_staff"
            )
        held = s.execute(select(Window.id).where(Window.staff_id == person.id)).first()
        _release_windows(s, engine, person, now)
        if held is None:
            _event(s, engine, "logout", now, person.id, None, login=person.login, window=None)

    engine.transaction(run)


def holds_window(engine: QueueEngine, login: str, window: int) -> bool:
    """Whether `login` still holds `window` (False after a takeover by another clerk)."""

    def run(s: Session) -> bool:
        holder = s.execute(
            select(Staff.login)
            .join(Window, Window.staff_id == Staff.id)
            .where(Window.hall_id == engine.hall_id, Window.number == window)
        ).scalar_one_or_none()
        return holder == login

    return engine.transaction(run, write=False)


def today_figures(engine: QueueEngine, login: str) -> ClerkFigures:
    """Served today, mean handling minutes, and ratings (4–5 count as satisfied) of `login`."""

    def run(s: Session) -> ClerkFigures:
        day = engine.service_day(engine.now(s))
        staff_id = s.execute(
            select(Staff.id).where(Staff.hall_id == engine.hall_id, Staff.login == login)
        ).scalar_one_or_none()
        if staff_id is None:
            raise BadInput(
                f"没有这位工作人员 / unknown staff login: {login!r}", code="unknown_staff"
            )
        served, mean_s = s.execute(
            select(func.count(), func.avg(Ticket.handling_s)).where(
                Ticket.hall_id == engine.hall_id,
                Ticket.day == day,
                Ticket.staff_id == staff_id,
                Ticket.status == "done",
            )
        ).one()
        ratings, satisfied = s.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((Rating.score >= SATISFIED_MIN_SCORE, 1), else_=0)), 0),
            ).where(
                Rating.hall_id == engine.hall_id, Rating.day == day, Rating.staff_id == staff_id
            )
        ).one()
        return ClerkFigures(
            int(served),
            round(float(mean_s) / 60, 1) if mean_s is not None else None,
            int(ratings),
            int(satisfied),
        )

    return engine.transaction(run, write=False)
