"""Managing the hall (管理): services, windows, staff, board notices and hall settings.

Only an admin may change anything: every function takes the acting staff login and checks the
role inside its transaction. Each change is validated first (an `InvalidField` names the field
at fault), written in one transaction — nothing half-saved — and appended to the event log
(`service_changed`, `window_changed`, `staff_changed`, `notice_changed`, `settings_changed`),
so every app in the hall updates live.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, TypeVar

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from common.config import HallSettings, validate_hall_settings
from common.engine import QueueEngine
from common.errors import BadInput, Refused
from common.hall import save_settings
from common.models import (
    CURRENT_STATUSES,
    NOTICE_KINDS,
    ROLES,
    Event,
    Notice,
    Service,
    Staff,
    Ticket,
    Window,
    WindowService,
    status_is,
)
from common.passwords import hash_password
from common.staff import StaffView, acting_staff

ADMIN_ROLES = ("admin",)
WEEKDAYS = range(7)
MAX_RANK = 9
MIN_PASSWORD = 4
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")
# Letters only: a label is prefix + digits, so letter prefixes can never run into each other.
_PREFIX = re.compile(r"^[A-Z]{1,3}$")
_LOGIN = re.compile(r"^[A-Za-z0-9._-]{1,40}$")
_HOURS_SPAN = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–~至]\s*(\d{1,2}:\d{2})\s*$")


class InvalidField(BadInput):
    """A value the hall cannot use; `field` names the form field to fix."""

    def __init__(self, message: str, *, code: str, field: str) -> None:
        super().__init__(message, code=code)
        self.field = field


# ---------------------------------------------------------------------------- views and drafts


@dataclass(frozen=True)
class ServiceConfig:
    """A service as configured (业务), and the draft the management page saves."""

    code: str
    name_zh: str
    name_en: str = ""
    prefix: str = ""
    number_width: int = 3
    daily_limit: int | None = None
    # {"0": [["08:30", "17:30"]], …} keyed by weekday (0 = Monday); None = always open.
    opening_hours: dict[str, Any] | None = None
    is_complaint: bool = False
    active: bool = True
    sort_order: int = 0
    id: int | None = None


@dataclass(frozen=True)
class WindowConfig:
    """A window (窗口) with its services as (service code, rank); rank 0 is primary."""

    number: int
    name: str = ""
    active: bool = True
    services: tuple[tuple[str, int], ...] = ()
    id: int | None = None


@dataclass(frozen=True)
class NoticeView:
    """A notice for the board (停电通知, 电价公示, 服务承诺, general)."""

    id: int
    kind: str
    text_zh: str
    text_en: str
    valid_from: datetime | None
    valid_to: datetime | None
    active: bool = True


@dataclass(frozen=True)
class NoticeDraft:
    kind: str
    text_zh: str
    text_en: str = ""
    valid_from: datetime | None = None
    valid_to: datetime | None = None
    active: bool = True
    id: int | None = None


# ---------------------------------------------------------------------------- helpers


def _admin(s: Session, engine: QueueEngine, actor: str) -> StaffView:
    return acting_staff(s, engine.hall_id, actor, ADMIN_ROLES)


def _event(
    s: Session, engine: QueueEngine, kind: str, at: datetime, staff_id: int, **details: Any
) -> None:
    s.add(Event(hall_id=engine.hall_id, at=at, kind=kind, staff_id=staff_id, details=details))


def _invalid(message: str, code: str, field: str) -> InvalidField:
    return InvalidField(message, code=code, field=field)


M = TypeVar("M", Service, Window, Notice)


def _owned(s: Session, engine: QueueEngine, model: type[M], row_id: int, error: BadInput) -> M:
    """The hall's row `row_id` of `model`, or `error` when there is none."""
    row = s.execute(
        select(model).where(model.id == row_id, model.hall_id == engine.hall_id)
    ).scalar_one_or_none()
    if row is None:
        raise error
    return row


# ---------------------------------------------------------------------------- opening hours


def parse_hours_text(text: str) -> list[list[str]]:
    """'08:30-12:00, 13:30-17:30' → [["08:30", "12:00"], ["13:30", "17:30"]]; '' → closed."""
    spans: list[list[str]] = []
    for part in re.split(r"[,，;；\s]+(?=\d)", text.strip()):
        if not part.strip():
            continue
        match = _HOURS_SPAN.match(part)
        if match is None:
            raise _invalid(
                f"营业时间格式应为 08:30-17:30 / opening hours look like 08:30-17:30: {part!r}",
                "bad_hours",
                "opening_hours",
            )
        spans.append([_hhmm(match.group(1)), _hhmm(match.group(2))])
    return spans


def format_hours(spans: list[list[str]] | None) -> str:
    return ", ".join(f"{a}-{b}" for a, b in spans or [])


def _hhmm(text: str) -> str:
    try:
        return time.fromisoformat(text.zfill(5)).strftime("%H:%M")
    except ValueError:
        raise _invalid(
            f"不是有效时间 / not a time of day: {text!r}", "bad_hours", "opening_hours"
        ) from None


def validate_opening_hours(hours: dict[str, Any] | None) -> dict[str, Any] | None:
    """Check weekday keys and spans (start before end, no overlaps); return them normalised."""
    if hours is None:
        return None
    clean: dict[str, Any] = {}
    for key, spans in hours.items():
        if key not in {str(d) for d in WEEKDAYS}:
            raise _invalid(
                f"星期应为 0–6 / weekday must be 0–6: {key!r}", "bad_hours", "opening_hours"
            )
        normal = sorted([_hhmm(str(a)), _hhmm(str(b))] for a, b in spans or [])
        for (start, end), following in zip(normal, [*normal[1:], None], strict=True):
            if start >= end:
                raise _invalid(
                    f"开始时间应早于结束时间 / start must be before end: {start}-{end}",
                    "bad_hours",
                    "opening_hours",
                )
            if following is not None and following[0] < end:
                raise _invalid(
                    f"营业时间重叠 / opening hours overlap: {start}-{end}, {following[0]}-"
                    f"{following[1]}",
                    "bad_hours",
                    "opening_hours",
                )
        if normal:
            clean[key] = normal
    return clean


# ---------------------------------------------------------------------------- services


def _service_config(row: Service) -> ServiceConfig:
    return ServiceConfig(
        row.code,
        row.name_zh,
        row.name_en,
        row.prefix,
        row.number_width,
        row.daily_limit,
        row.opening_hours,
        row.is_complaint,
        row.active,
        row.sort_order,
        row.id,
    )


def list_services(engine: QueueEngine) -> list[ServiceConfig]:
    """Every service of the hall, active or not, in board order."""

    def run(s: Session) -> list[ServiceConfig]:
        rows = s.execute(
            select(Service)
            .where(Service.hall_id == engine.hall_id)
            .order_by(Service.sort_order, Service.code)
        ).scalars()
        return [_service_config(r) for r in rows]

    return engine.transaction(run, write=False)


def validate_service(draft: ServiceConfig) -> ServiceConfig:
    code = draft.code.strip()
    prefix = (draft.prefix.strip() or code).upper()
    name_zh = draft.name_zh.strip()
    if not _CODE.match(code):
        raise _invalid(
            "业务代码应为 1–20 位字母或数字 / service code: 1–20 letters or digits",
            "bad_code",
            "code",
        )
    if not name_zh or len(name_zh) > 60:
        raise _invalid(
            "请填写业务中文名称（60 字以内）/ the Chinese name is required (60 characters at most)",
            "bad_name",
            "name_zh",
        )
    if len(draft.name_en.strip()) > 80:
        raise _invalid(
            "英文名称最多 80 个字符 / English name: 80 characters at most", "bad_name", "name_en"
        )
    if not _PREFIX.match(prefix):
        raise _invalid(
            "号码前缀应为 1–3 个英文字母 / the number prefix is 1–3 letters A–Z",
            "bad_prefix",
            "prefix",
        )
    if not 1 <= draft.number_width <= 5:
        raise _invalid("号码位数应为 1–5 / number width must be 1–5", "bad_width", "number_width")
    if draft.daily_limit is not None and not 1 <= draft.daily_limit < 10**draft.number_width:
        raise _invalid(
            f"每日限号应在 1–{10**draft.number_width - 1} 之间 / daily limit must be 1–"
            f"{10**draft.number_width - 1}",
            "bad_limit",
            "daily_limit",
        )
    if not -1000 <= draft.sort_order <= 1000:
        raise _invalid(
            "排序应在 -1000–1000 之间 / order must be -1000–1000", "bad_order", "sort_order"
        )
    return dataclasses.replace(
        draft,
        code=code,
        prefix=prefix,
        name_zh=name_zh,
        name_en=draft.name_en.strip(),
        opening_hours=validate_opening_hours(draft.opening_hours),
    )


def save_service(engine: QueueEngine, actor: str, draft: ServiceConfig) -> ServiceConfig:
    """Create (draft.id None) or update a service. Code and prefix are unique in the hall."""
    clean = validate_service(draft)

    def run(s: Session) -> ServiceConfig:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        clash = s.execute(
            select(Service.code, Service.prefix).where(
                Service.hall_id == engine.hall_id,
                or_(Service.code == clean.code, Service.prefix == clean.prefix),
                Service.id != (clean.id or -1),
            )
        ).first()
        if clash is not None and clash.code == clean.code:
            raise _invalid(
                f"业务代码 {clean.code} 已存在 / service code {clean.code} already exists",
                "duplicate_code",
                "code",
            )
        if clash is not None:
            raise _invalid(
                f"号码前缀 {clean.prefix} 已被业务 {clash.code} 使用 / prefix {clean.prefix} is "
                f"used by {clash.code}",
                "duplicate_prefix",
                "prefix",
            )
        values = {
            "code": clean.code,
            "name_zh": clean.name_zh,
            "name_en": clean.name_en,
            "prefix": clean.prefix,
            "number_width": clean.number_width,
            "daily_limit": clean.daily_limit,
            "opening_hours": clean.opening_hours,
            "is_complaint": clean.is_complaint,
            "active": clean.active,
            "sort_order": clean.sort_order,
        }
        if clean.id is None:
            row = Service(hall_id=engine.hall_id, **values)
            s.add(row)
            action = "created"
        else:
            row = _owned(
                s,
                engine,
                Service,
                clean.id,
                BadInput(f"没有这项业务 / unknown service id {clean.id}", code="unknown_service"),
            )
            for key, value in values.items():
                setattr(row, key, value)
            action = "updated"
        s.flush()
        _event(s, engine, "service_changed", now, admin.id, code=row.code, action=action)
        return _service_config(row)

    return engine.transaction(run)


# ---------------------------------------------------------------------------- windows


def list_windows(engine: QueueEngine) -> list[WindowConfig]:
    def run(s: Session) -> list[WindowConfig]:
        wins = s.execute(
            select(Window).where(Window.hall_id == engine.hall_id).order_by(Window.number)
        ).scalars()
        assigned: dict[int, list[tuple[str, int]]] = {}
        for window_id, code, rank in s.execute(
            select(WindowService.window_id, Service.code, WindowService.rank)
            .join(Service, Service.id == WindowService.service_id)
            .where(WindowService.hall_id == engine.hall_id)
            .order_by(WindowService.rank, Service.sort_order, Service.code)
        ):
            assigned.setdefault(window_id, []).append((code, rank))
        return [
            WindowConfig(w.number, w.name, w.active, tuple(assigned.get(w.id, [])), w.id)
            for w in wins
        ]

    return engine.transaction(run, write=False)


def validate_window(draft: WindowConfig) -> WindowConfig:
    if not 1 <= draft.number <= 999:
        raise _invalid("窗口号应为 1–999 / window number must be 1–999", "bad_number", "number")
    name = draft.name.strip() or f"{draft.number}号窗口"
    if len(name) > 60:
        raise _invalid(
            "窗口名称最多 60 个字 / window name: 60 characters at most", "bad_name", "name"
        )
    codes = [code for code, _ in draft.services]
    if len(set(codes)) != len(codes):
        raise _invalid(
            "同一业务只能分配一次 / a service is assigned twice", "duplicate_service", "services"
        )
    for code, rank in draft.services:
        if not 0 <= rank <= MAX_RANK:
            raise _invalid(
                f"{code} 的顺位应在 0–{MAX_RANK}（0 为主办）/ rank of {code} must be 0–{MAX_RANK}",
                "bad_rank",
                "services",
            )
    return dataclasses.replace(draft, name=name)


def save_window(engine: QueueEngine, actor: str, draft: WindowConfig) -> WindowConfig:
    """Create or update a window and replace its service assignments."""
    clean = validate_window(draft)

    def run(s: Session) -> WindowConfig:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        clash = s.execute(
            select(Window.id).where(
                Window.hall_id == engine.hall_id,
                Window.number == clean.number,
                Window.id != (clean.id or -1),
            )
        ).first()
        if clash is not None:
            raise _invalid(
                f"{clean.number} 号窗口已存在 / window {clean.number} already exists",
                "duplicate_window",
                "number",
            )
        service_ids = dict(
            s.execute(
                select(Service.code, Service.id).where(Service.hall_id == engine.hall_id)
            ).all()
        )
        unknown = [code for code, _ in clean.services if code not in service_ids]
        if unknown:
            raise _invalid(
                f"没有这项业务 / unknown service: {unknown[0]}", "unknown_service", "services"
            )
        if clean.id is None:
            win = Window(hall_id=engine.hall_id, number=clean.number)
            s.add(win)
            action = "created"
        else:
            win = _owned(
                s,
                engine,
                Window,
                clean.id,
                BadInput(f"没有这个窗口 / unknown window id {clean.id}", code="unknown_window"),
            )
            if win.active and not clean.active:
                busy = s.execute(
                    select(Ticket.label).where(
                        Ticket.window_id == win.id, status_is(Ticket.status, *CURRENT_STATUSES)
                    )
                ).first()
                if busy is not None:
                    raise Refused(
                        f"{win.number} 号窗口正在办理 {busy.label}，请办结后再停用 / window "
                        f"{win.number} is serving {busy.label}: finish it first",
                        code="window_in_use",
                    )
            action = "updated"
        win.number = clean.number
        win.name = clean.name
        win.active = clean.active
        if not clean.active:
            win.staff_id = None
            win.login_at = None
        s.flush()
        s.execute(delete(WindowService).where(WindowService.window_id == win.id))
        for code, rank in clean.services:
            s.add(
                WindowService(
                    window_id=win.id,
                    service_id=service_ids[code],
                    hall_id=engine.hall_id,
                    rank=rank,
                )
            )
        _event(
            s,
            engine,
            "window_changed",
            now,
            admin.id,
            window=clean.number,
            action=action,
        )
        s.flush()
        return dataclasses.replace(clean, id=win.id)

    return engine.transaction(run)


# ---------------------------------------------------------------------------- staff


def list_staff(engine: QueueEngine, actor: str) -> list[StaffView]:
    def run(s: Session) -> list[StaffView]:
        _admin(s, engine, actor)
        rows = s.execute(
            select(Staff).where(Staff.hall_id == engine.hall_id).order_by(Staff.login)
        ).scalars()
        return [StaffView(r.id, r.login, r.name, r.role, r.active, r.locked_until) for r in rows]

    return engine.transaction(run, write=False)


def _check_password(password: str) -> None:
    if not MIN_PASSWORD <= len(password) <= 128:
        raise _invalid(
            f"密码至少 {MIN_PASSWORD} 位 / the password needs at least {MIN_PASSWORD} characters",
            "bad_password",
            "password",
        )


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise _invalid(f"未知角色 / unknown role: {role!r}", "bad_role", "role")


def _staff_row(s: Session, engine: QueueEngine, login: str) -> Staff:
    row = s.execute(
        select(Staff).where(Staff.hall_id == engine.hall_id, Staff.login == login)
    ).scalar_one_or_none()
    if row is None:
        raise BadInput(f"没有这位工作人员 / unknown staff login: {login!r}", code="unknown_staff")
    return row


def _view(row: Staff) -> StaffView:
    return StaffView(row.id, row.login, row.name, row.role, row.active, row.locked_until)


def create_staff(
    engine: QueueEngine, actor: str, login: str, name: str, password: str, role: str = "clerk"
) -> StaffView:
    """Add a staff account (工号) with its first password."""
    login = login.strip()
    name = name.strip()
    if not _LOGIN.match(login):
        raise _invalid(
            "工号应为 1–40 位字母、数字或 ._- / login: 1–40 letters, digits or ._-",
            "bad_login_name",
            "login",
        )
    if not name or len(name) > 60:
        raise _invalid(
            "请填写姓名（60 字以内）/ the name is required (60 characters at most)",
            "bad_name",
            "name",
        )
    _check_role(role)
    _check_password(password)
    password_hash = hash_password(password)

    def run(s: Session) -> StaffView:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        exists = s.execute(
            select(Staff.id).where(Staff.hall_id == engine.hall_id, Staff.login == login)
        ).first()
        if exists is not None:
            raise _invalid(
                f"工号 {login} 已存在 / login {login} already exists", "duplicate_login", "login"
            )
        row = Staff(
            hall_id=engine.hall_id,
            login=login,
            name=name,
            role=role,
            password_hash=password_hash,
            failed_attempts=0,
            active=True,
        )
        s.add(row)
        s.flush()
        _event(s, engine, "staff_changed", now, admin.id, login=login, action="created")
        return _view(row)

    return engine.transaction(run)


def update_staff(
    engine: QueueEngine,
    actor: str,
    login: str,
    *,
    name: str | None = None,
    role: str | None = None,
    active: bool | None = None,
) -> StaffView:
    """Rename, change the role of, disable or enable an account.

    An admin cannot disable or demote their own account, so the hall always keeps an active
    admin. A disabled account leaves its window at once.
    """
    if role is not None:
        _check_role(role)
    if name is not None and (not name.strip() or len(name.strip()) > 60):
        raise _invalid(
            "请填写姓名（60 字以内）/ the name is required (60 characters at most)",
            "bad_name",
            "name",
        )

    def run(s: Session) -> StaffView:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        row = _staff_row(s, engine, login)
        loses_admin = (
            row.role == "admin"
            and row.active
            and ((role is not None and role != "admin") or active is False)
        )
        if loses_admin and row.id == admin.id:
            raise Refused(
                "不能停用或降级自己的账号 / you cannot disable or demote your own account",
                code="self",
            )
        if name is not None:
            row.name = name.strip()
        if role is not None:
            row.role = role
        if active is not None:
            row.active = active
            if not active:
                s.execute(
                    update(Window)
                    .where(Window.staff_id == row.id)
                    .values(staff_id=None, login_at=None)
                )
        _event(
            s,
            engine,
            "staff_changed",
            now,
            admin.id,
            login=row.login,
            action="updated",
            role=row.role,
            active=row.active,
        )
        return _view(row)

    return engine.transaction(run)


def reset_password(engine: QueueEngine, actor: str, login: str, password: str) -> StaffView:
    """Set a new password (重置密码); this also lifts a lock-out."""
    _check_password(password)
    password_hash = hash_password(password)

    def run(s: Session) -> StaffView:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        row = _staff_row(s, engine, login)
        row.password_hash = password_hash
        row.failed_attempts = 0
        row.locked_until = None
        _event(s, engine, "staff_changed", now, admin.id, login=row.login, action="password_reset")
        return _view(row)

    return engine.transaction(run)


# ---------------------------------------------------------------------------- notices


def _notice_view(row: Notice) -> NoticeView:
    return NoticeView(
        row.id, row.kind, row.text_zh, row.text_en, row.valid_from, row.valid_to, row.active
    )


def notices(
    engine: QueueEngine, at: datetime | None = None, valid_only: bool = True
) -> list[NoticeView]:
    """The board's notices: those valid at `at` (default now), or all of them.

    Outage notices come first, then tariffs, commitments and general ones.
    """
    order = {kind: i for i, kind in enumerate(NOTICE_KINDS)}

    def run(s: Session) -> list[NoticeView]:
        query = select(Notice).where(Notice.hall_id == engine.hall_id)
        if valid_only:
            when = at or engine.now(s)
            query = query.where(
                Notice.active.is_(True),
                or_(Notice.valid_from.is_(None), Notice.valid_from <= when),
                or_(Notice.valid_to.is_(None), Notice.valid_to > when),
            )
        rows = s.execute(query.order_by(Notice.id)).scalars().all()
        return sorted((_notice_view(r) for r in rows), key=lambda n: (order.get(n.kind, 99), n.id))

    return engine.transaction(run, write=False)


def valid_notices(engine: QueueEngine) -> list[NoticeView]:
    """The notices the board shows now."""
    return notices(engine)


def validate_notice(draft: NoticeDraft) -> NoticeDraft:
    if draft.kind not in NOTICE_KINDS:
        raise _invalid(f"未知的公告类别 / unknown notice kind: {draft.kind!r}", "bad_kind", "kind")
    text_zh = draft.text_zh.strip()
    if not text_zh or len(text_zh) > 500:
        raise _invalid(
            "请填写中文内容（500 字以内）/ the Chinese text is required (500 characters at most)",
            "bad_text",
            "text_zh",
        )
    if len(draft.text_en.strip()) > 1000:
        raise _invalid(
            "英文内容最多 1000 个字符 / English text: 1000 characters at most",
            "bad_text",
            "text_en",
        )
    for value, field in ((draft.valid_from, "valid_from"), (draft.valid_to, "valid_to")):
        if value is not None and value.tzinfo is None:
            raise _invalid("时间须带时区 / time needs a timezone", "bad_time", field)
    if draft.valid_from and draft.valid_to and draft.valid_to <= draft.valid_from:
        raise _invalid(
            "结束时间应晚于开始时间 / the end must be after the start", "bad_period", "valid_to"
        )
    return dataclasses.replace(draft, text_zh=text_zh, text_en=draft.text_en.strip())


def save_notice(engine: QueueEngine, actor: str, draft: NoticeDraft) -> NoticeView:
    """Create or update a board notice."""
    clean = validate_notice(draft)

    def run(s: Session) -> NoticeView:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        if clean.id is None:
            row = Notice(hall_id=engine.hall_id, created_at=now)
            s.add(row)
            action = "created"
        else:
            row = _owned(
                s,
                engine,
                Notice,
                clean.id,
                BadInput(f"没有这条公告 / unknown notice {clean.id}", code="unknown_notice"),
            )
            action = "updated"
        row.kind = clean.kind
        row.text_zh = clean.text_zh
        row.text_en = clean.text_en
        row.valid_from = clean.valid_from
        row.valid_to = clean.valid_to
        row.active = clean.active
        s.flush()
        _event(s, engine, "notice_changed", now, admin.id, notice_id=row.id, action=action)
        return _notice_view(row)

    return engine.transaction(run)


def delete_notice(engine: QueueEngine, actor: str, notice_id: int) -> None:
    def run(s: Session) -> None:
        admin = _admin(s, engine, actor)
        now = engine.now(s)
        row = _owned(
            s,
            engine,
            Notice,
            notice_id,
            BadInput(f"没有这条公告 / unknown notice {notice_id}", code="unknown_notice"),
        )
        s.delete(row)
        _event(s, engine, "notice_changed", now, admin.id, notice_id=notice_id, action="deleted")

    engine.transaction(run)


# ---------------------------------------------------------------------------- hall settings


def save_hall_settings(engine: QueueEngine, actor: str, settings: HallSettings) -> HallSettings:
    """Validate and store the hall settings; the hall's signing secret is never replaced here."""
    current = engine.refresh_settings()
    clean = validate_hall_settings(
        dataclasses.replace(
            settings,
            name=settings.name.strip(),
            name_en=settings.name_en.strip(),
            hmac_secret=current.hmac_secret,
        )
    )

    def run(s: Session) -> None:
        admin = _admin(s, engine, actor)
        save_settings(s, engine.hall_id, clean, at=engine.now(s), staff_id=admin.id)

    engine.transaction(run)
    return engine.refresh_settings()
