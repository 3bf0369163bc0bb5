"""Managing the hall: validation, one transaction per change, events, and the admin role."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from common import admin, staff
from common.errors import BadInput, ConfigError, Refused
from common.feed import changes_after, latest_cursor
from common.models import Event, Service

ADMIN = "9001"


def _kinds_after(engine, cursor):
    return [c.kind for c in changes_after(engine.db, engine.hall_id, cursor)]


def _count(engine, model):
    return engine.db.transaction(
        lambda s: s.execute(
            select(func.count()).select_from(model).where(model.hall_id == engine.hall_id)
        ).scalar_one(),
        write=False,
    )


def test_a_clerk_may_not_manage(engine):
    draft = admin.ServiceConfig("F", "电费发票", prefix="F")
    with pytest.raises(Refused) as e:
        admin.save_service(engine, "1001", draft)
    assert e.value.code == "forbidden"
    for call in (
        lambda: admin.save_window(engine, "1001", admin.WindowConfig(9)),
        lambda: admin.create_staff(engine, "1001", "2001", "新人", "secret"),
        lambda: admin.list_staff(engine, "1001"),
        lambda: admin.save_notice(engine, "1001", admin.NoticeDraft("general", "x")),
        lambda: admin.save_hall_settings(engine, "1001", engine.settings),
        lambda: admin.reset_password(engine, "1001", "1002", "newpass"),
    ):
        with pytest.raises(Refused):
            call()


def test_create_and_update_a_service(engine):
    cursor = latest_cursor(engine.db, engine.hall_id)
    hours = {"0": [["13:30", "17:30"], ["08:30", "12:00"]]}
    created = admin.save_service(
        engine,
        ADMIN,
        admin.ServiceConfig(
            "F", " 电费发票 ", "Invoices", "f", daily_limit=50, opening_hours=hours, sort_order=9
        ),
    )
    assert created.id is not None and created.prefix == "F" and created.name_zh == "电费发票"
    assert created.opening_hours == {"0": [["08:30", "12:00"], ["13:30", "17:30"]]}
    changed = admin.save_service(
        engine, ADMIN, dataclasses.replace(created, active=False, name_en="Invoices & receipts")
    )
    assert not changed.active
    assert [s.code for s in admin.list_services(engine)][-1] == "F"
    assert _kinds_after(engine, cursor) == ["service_changed", "service_changed"]
    assert "F" not in [s.code for s in engine.services()]


@pytest.mark.parametrize(
    ("changes", "code", "field"),
    [
        ({"code": "A"}, "duplicate_code", "code"),
        ({"prefix": "B"}, "duplicate_prefix", "prefix"),
        ({"prefix": "F1"}, "bad_prefix", "prefix"),
        ({"code": "a b"}, "bad_code", "code"),
        ({"name_zh": " "}, "bad_name", "name_zh"),
        ({"number_width": 0}, "bad_width", "number_width"),
        ({"daily_limit": 1000}, "bad_limit", "daily_limit"),
        ({"opening_hours": {"0": [["12:00", "08:00"]]}}, "bad_hours", "opening_hours"),
        (
            {"opening_hours": {"1": [["08:00", "12:00"], ["11:00", "13:00"]]}},
            "bad_hours",
            "opening_hours",
        ),
        ({"opening_hours": {"7": [["08:00", "12:00"]]}}, "bad_hours", "opening_hours"),
    ],
)
def test_service_validation_names_the_field_and_saves_nothing(engine, changes, code, field):
    before = _count(engine, Service)
    draft = dataclasses.replace(admin.ServiceConfig("F", "电费发票", prefix="F"), **changes)
    with pytest.raises(admin.InvalidField) as e:
        admin.save_service(engine, ADMIN, draft)
    assert (e.value.code, e.value.field) == (code, field)
    assert _count(engine, Service) == before


def test_parse_hours_text():
    assert admin.parse_hours_text("8:30-12:00，13:30–17:30") == [
        ["08:30", "12:00"],
        ["13:30", "17:30"],
    ]
    assert admin.parse_hours_text("  ") == []
    assert admin.format_hours([["08:30", "12:00"]]) == "08:30-12:00"
    with pytest.raises(admin.InvalidField):
        admin.parse_hours_text("morning")
    with pytest.raises(admin.InvalidField):
        admin.parse_hours_text("25:00-26:00")


def test_windows_and_their_services(engine):
    cursor = latest_cursor(engine.db, engine.hall_id)
    win = admin.save_window(engine, ADMIN, admin.WindowConfig(7, "", True, (("E", 0), ("A", 2))))
    assert win.name == "7号窗口" and win.id is not None
    listed = {w.number: w for w in admin.list_windows(engine)}
    assert listed[7].services == (("E", 0), ("A", 2))
    engine.issue("E")
    assert engine.call_next(7).service_code == "E"
    with pytest.raises(Refused) as busy:
        admin.save_window(engine, ADMIN, dataclasses.replace(listed[7], active=False))
    assert busy.value.code == "window_in_use"
    engine.finish(7)
    admin.save_window(engine, ADMIN, dataclasses.replace(listed[7], active=False, services=()))
    assert not {w.number: w for w in admin.list_windows(engine)}[7].active
    assert "window_changed" in _kinds_after(engine, cursor)


@pytest.mark.parametrize(
    ("draft", "code"),
    [
        (admin.WindowConfig(1), "duplicate_window"),
        (admin.WindowConfig(0), "bad_number"),
        (admin.WindowConfig(8, services=(("A", 0), ("A", 1))), "duplicate_service"),
        (admin.WindowConfig(8, services=(("A", 10),)), "bad_rank"),
        (admin.WindowConfig(8, services=(("Z", 0),)), "unknown_service"),
    ],
)
def test_window_validation(engine, draft, code):
    with pytest.raises(admin.InvalidField) as e:
        admin.save_window(engine, ADMIN, draft)
    assert e.value.code == code
    assert 8 not in [w.number for w in admin.list_windows(engine)]


def test_staff_accounts(engine, clock):
    cursor = latest_cursor(engine.db, engine.hall_id)
    created = admin.create_staff(engine, ADMIN, "2001", "周洁", "secret", "supervisor")
    assert created.role == "supervisor" and created.active
    assert staff.login(engine, "2001", "secret").staff.may_supervise
    with pytest.raises(admin.InvalidField) as dup:
        admin.create_staff(engine, ADMIN, "2001", "又一个", "secret")
    assert dup.value.code == "duplicate_login"
    with pytest.raises(admin.InvalidField) as short:
        admin.create_staff(engine, ADMIN, "2002", "短", "abc")
    assert short.value.field == "password"

    staff.login(engine, "1001", "demo", window=1)
    admin.update_staff(engine, ADMIN, "1001", active=False)
    assert not staff.holds_window(engine, "1001", 1)
    with pytest.raises(Refused) as disabled:
        staff.login(engine, "1001", "demo", window=1)
    assert disabled.value.code == "disabled"
    admin.update_staff(engine, ADMIN, "1001", active=True, role="supervisor", name="王丽华")
    assert {s.login: s for s in admin.list_staff(engine, ADMIN)}["1001"].name == "王丽华"

    for _ in range(engine.settings.max_failed_logins):
        with pytest.raises((BadInput, staff.Locked)):
            staff.login(engine, "1002", "wrong", window=2)
    admin.reset_password(engine, ADMIN, "1002", "fresh-pass")
    assert staff.login(engine, "1002", "fresh-pass", window=2).window == 2
    assert set(_kinds_after(engine, cursor)) >= {"staff_changed", "login", "login_locked"}


def test_the_hall_keeps_an_admin(engine):
    with pytest.raises(Refused) as me:
        admin.update_staff(engine, ADMIN, ADMIN, role="clerk")
    assert me.value.code == "self"
    with pytest.raises(Refused):
        admin.update_staff(engine, ADMIN, ADMIN, active=False)
    admin.create_staff(engine, ADMIN, "9002", "钱主管", "secret", "admin")
    admin.update_staff(engine, "9002", ADMIN, active=False)
    with pytest.raises(Refused) as gone:
        admin.update_staff(engine, ADMIN, "9002", active=False)
    assert gone.value.code == "forbidden"


def test_notices_valid_now(engine, clock):
    now = clock.now()
    admin.save_notice(engine, ADMIN, admin.NoticeDraft("general", "绿色通道", valid_from=now))
    admin.save_notice(
        engine, ADMIN, admin.NoticeDraft("outage", "今日停电", valid_to=now + timedelta(hours=1))
    )
    assert [n.kind for n in admin.valid_notices(engine)][:2] == ["outage", "general"]
    later = admin.save_notice(
        engine,
        ADMIN,
        admin.NoticeDraft("outage", "明日停电", "Outage tomorrow", now + timedelta(hours=1)),
    )
    assert later.id not in [n.id for n in admin.valid_notices(engine)]
    assert later.id in [n.id for n in admin.notices(engine, at=now + timedelta(hours=2))]
    assert later.id in [n.id for n in admin.notices(engine, valid_only=False)]
    hidden = admin.save_notice(
        engine, ADMIN, dataclasses.replace(admin.NoticeDraft("general", "x"), active=False)
    )
    assert hidden.id not in [n.id for n in admin.valid_notices(engine)]
    admin.delete_notice(engine, ADMIN, hidden.id)
    assert hidden.id not in [n.id for n in admin.notices(engine, valid_only=False)]
    with pytest.raises(admin.InvalidField) as period:
        admin.save_notice(
            engine, ADMIN, admin.NoticeDraft("tariff", "电价", valid_from=now, valid_to=now)
        )
    assert period.value.field == "valid_to"
    with pytest.raises(admin.InvalidField):
        admin.save_notice(engine, ADMIN, admin.NoticeDraft("rumour", "电价"))


def test_hall_settings(engine):
    cursor = latest_cursor(engine.db, engine.hall_id)
    secret = engine.settings.hmac_secret
    saved = admin.save_hall_settings(
        engine, ADMIN, dataclasses.replace(engine.settings, sla_minutes=25, hmac_secret="x")
    )
    assert saved.sla_minutes == 25 and saved.hmac_secret == secret
    assert _kinds_after(engine, cursor) == ["settings_changed"]
    with pytest.raises(ConfigError):
        admin.save_hall_settings(engine, ADMIN, dataclasses.replace(saved, sla_minutes=0))
    assert engine.refresh_settings().sla_minutes == 25
    events = engine.db.transaction(
        lambda s: s.execute(
            select(func.count()).where(
                Event.hall_id == engine.hall_id, Event.kind == "settings_changed"
            )
        ).scalar_one(),
        write=False,
    )
    assert events == 1
