"""Creating a hall, its settings, and the demo hall of `hallq init --demo`."""

from __future__ import annotations

import functools
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from common.config import (
    HallSettings,
    hall_settings_from_mapping,
    hall_settings_to_mapping,
    new_hmac_secret,
)
from common.errors import BadInput
from common.models import Event, Hall, HallSetting, Notice, Service, Staff, Window, WindowService
from common.passwords import hash_password


def hall_id_for(session: Session, code: str) -> int:
    hall_id = session.execute(select(Hall.id).where(Hall.code == code)).scalar_one_or_none()
    if hall_id is None:
        raise BadInput(
            f"营业厅 {code!r} 不存在，请先运行 hallq init / hall {code!r} does not exist: run `hallq init`",
            code="unknown_hall",
        )
    return hall_id


def ensure_hall(session: Session, code: str, now: datetime | None = None, **settings: Any) -> int:
    """Return the hall's id, creating it (with a fresh HMAC secret) when it does not exist."""
    existing = session.execute(select(Hall.id).where(Hall.code == code)).scalar_one_or_none()
    if existing is not None:
        return existing
    hall = Hall(code=code, created_at=now or datetime.now(UTC))
    session.add(hall)
    session.flush()
    values = hall_settings_to_mapping(HallSettings(hmac_secret=new_hmac_secret(), **settings))
    session.execute(
        insert(HallSetting), [{"hall_id": hall.id, "key": k, "value": v} for k, v in values.items()]
    )
    return hall.id


def load_settings(session: Session, hall_id: int) -> HallSettings:
    rows = session.execute(
        select(HallSetting.key, HallSetting.value).where(HallSetting.hall_id == hall_id)
    ).all()
    return hall_settings_from_mapping(dict(rows))


def save_settings(
    session: Session, hall_id: int, settings: HallSettings, *, at: datetime, staff_id: int | None
) -> None:
    """Replace the hall's settings in one transaction and tell every app through the feed."""
    values = hall_settings_to_mapping(settings)
    session.execute(delete(HallSetting).where(HallSetting.hall_id == hall_id))
    session.execute(
        insert(HallSetting), [{"hall_id": hall_id, "key": k, "value": v} for k, v in values.items()]
    )
    session.add(
        Event(hall_id=hall_id, at=at, kind="settings_changed", staff_id=staff_id, details={})
    )


DEMO_SERVICES = [
    # code, zh, en, is_complaint
    ("A", "居民业务", "Residential", False),
    ("B", "企业业务", "Business", False),
    ("C", "缴费", "Bill payment", False),
    ("D", "新装增容", "New connection / upgrade", False),
    ("E", "投诉咨询", "Complaints & inquiries", True),
]
# window number → [(service code, rank)], every service served by at least two windows.
DEMO_WINDOWS = {
    1: [("A", 0), ("C", 1)],
    2: [("A", 0), ("B", 1), ("C", 1)],
    3: [("B", 0), ("D", 1)],
    4: [("C", 0), ("A", 1)],
    5: [("D", 0), ("B", 1)],
    6: [("E", 0), ("A", 1), ("D", 2)],
}
DEMO_CLERKS = [
    ("1001", "王丽"),
    ("1002", "李强"),
    ("1003", "张敏"),
    ("1004", "刘洋"),
    ("1005", "陈静"),
    ("1006", "杨帆"),
]
DEMO_PASSWORD = "demo"


def add_service(
    session: Session,
    hall_id: int,
    code: str,
    name_zh: str,
    name_en: str = "",
    *,
    prefix: str | None = None,
    number_width: int = 3,
    daily_limit: int | None = None,
    opening_hours: dict[str, Any] | None = None,
    is_complaint: bool = False,
    sort_order: int = 0,
) -> int:
    service = Service(
        hall_id=hall_id,
        code=code,
        name_zh=name_zh,
        name_en=name_en,
        prefix=prefix or code,
        number_width=number_width,
        daily_limit=daily_limit,
        opening_hours=opening_hours,
        active=True,
        is_complaint=is_complaint,
        sort_order=sort_order,
    )
    session.add(service)
    session.flush()
    return service.id


def add_window(
    session: Session, hall_id: int, number: int, services: list[tuple[int, int]], name: str = ""
) -> int:
    """Create a window serving `services` given as (service id, rank) pairs."""
    window = Window(hall_id=hall_id, number=number, name=name or f"{number}号窗口")
    session.add(window)
    session.flush()
    for service_id, rank in services:
        session.add(
            WindowService(window_id=window.id, service_id=service_id, hall_id=hall_id, rank=rank)
        )
    return window.id


def add_staff(
    session: Session, hall_id: int, login: str, name: str, password: str, role: str = "clerk"
) -> int:
    person = Staff(
        hall_id=hall_id, login=login, name=name, role=role, password_hash=hash_password(password)
    )
    session.add(person)
    session.flush()
    return person.id


@functools.cache
def demo_password_hash() -> str:
    """One argon2 hash for every demo account of this process: argon2 is slow on purpose."""
    return hash_password(DEMO_PASSWORD)


def seed_demo(session: Session, hall_code: str = "main") -> int:
    """Create the demo hall (idempotent: an existing hall with services is left alone)."""
    now = datetime.now(UTC)
    hall_id = ensure_hall(
        session, hall_code, now, name="国网示范供电营业厅", name_en="Demo Power Supply Hall"
    )
    if session.execute(select(Service.id).where(Service.hall_id == hall_id).limit(1)).first():
        return hall_id
    codes = {}
    for order, (code, zh, en, complaint) in enumerate(DEMO_SERVICES):
        codes[code] = add_service(
            session, hall_id, code, zh, en, is_complaint=complaint, sort_order=order
        )
    for number, assigned in DEMO_WINDOWS.items():
        add_window(session, hall_id, number, [(codes[c], rank) for c, rank in assigned])
    demo_hash = demo_password_hash()
    for login, name in DEMO_CLERKS:
        session.add(
            Staff(hall_id=hall_id, login=login, name=name, role="clerk", password_hash=demo_hash)
        )
    session.add(
        Staff(hall_id=hall_id, login="9001", name="赵主管", role="admin", password_hash=demo_hash)
    )
    for kind, zh, en, days in [
        (
            "outage",
            "计划停电：11月28日 08:00–12:00，幸福路 10kV 线路检修，影响幸福小区、光明小区。",
            "Planned outage: Nov 28 08:00–12:00, Xingfu Rd 10 kV line maintenance.",
            10,
        ),
        (
            "tariff",
            "居民阶梯电价：第一档 0.4883 元/千瓦时，第二档 0.5383 元/千瓦时，第三档 0.7883 元/千瓦时。",
            "Residential tiered tariff: 0.4883 / 0.5383 / 0.7883 yuan per kWh.",
            365,
        ),
        (
            "commitment",
            "服务承诺：居民客户用电报装，受理后 3 个工作日内完成装表接电。",
            "Our commitment: residential connections completed within 3 working days.",
            365,
        ),
        (
            "general",
            "绿色通道：70 岁以上老人、残疾人、军烈属、孕妇优先办理。",
            "Priority lane for seniors over 70, the disabled, military families and pregnant women.",
            365,
        ),
    ]:
        session.add(
            Notice(
                hall_id=hall_id,
                kind=kind,
                text_zh=zh,
                text_en=en,
                valid_from=now - timedelta(days=1),
                valid_to=now + timedelta(days=days),
                active=True,
                created_at=now,
            )
        )
    return hall_id
