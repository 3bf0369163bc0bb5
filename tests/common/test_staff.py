"""Logging in and out, lock-out, one clerk per window, roles and a clerk's figures of today."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from common import staff
from common.errors import BadInput, Refused
from common.models import Event, Window
from tests.common.hall_db import events


def _events(engine, kind):
    return engine.db.transaction(
        lambda s: (
            s.execute(
                select(Event.details).where(Event.hall_id == engine.hall_id, Event.kind == kind)
            )
            .scalars()
            .all()
        ),
        write=False,
    )


def _holder(engine, number):
    return engine.db.transaction(
        lambda s: s.execute(
            select(Window.staff_id).where(Window.hall_id == engine.hall_id, Window.number == number)
        ).scalar_one(),
        write=False,
    )


def test_login_takes_the_window_and_logs_an_event(engine):
    result = staff.login(engine, "1001", "demo", window=1)
    assert result.staff.name == "王丽" and result.staff.role == "clerk"
    assert result.window == 1 and result.took_over_from is None
    assert _holder(engine, 1) == result.staff.id
    assert _events(engine, "login")[-1]["window"] == 1
    assert staff.holds_window(engine, "1001", 1)


def test_wrong_password_and_unknown_login_look_the_same(engine):
    with pytest.raises(BadInput) as wrong:
        staff.login(engine, "1001", "nope", window=1)
    with pytest.raises(BadInput) as unknown:
        staff.login(engine, "7777", "demo", window=1)
    assert wrong.value.code == unknown.value.code == "bad_login"
    assert _holder(engine, 1) is None


def test_lockout_after_max_failures_then_expires(engine, clock):
    limit = engine.settings.max_failed_logins
    for _ in range(limit - 1):
        with pytest.raises(BadInput):
            staff.login(engine, "1001", "wrong", window=1)
    with pytest.raises(staff.Locked) as locked:
        staff.login(engine, "1001", "wrong", window=1)
    assert locked.value.code == "locked"
    # Even the right password is refused while locked.
    with pytest.raises(staff.Locked):
        staff.login(engine, "1001", "demo", window=1)
    clock.advance(minutes=engine.settings.lockout_minutes + 1)
    assert staff.login(engine, "1001", "demo", window=1).window == 1


def test_a_success_resets_the_failure_count(engine):
    limit = engine.settings.max_failed_logins
    for _ in range(limit - 1):
        with pytest.raises(BadInput):
            staff.login(engine, "1001", "wrong", window=1)
    staff.login(engine, "1001", "demo", window=1)
    for _ in range(limit - 1):
        with pytest.raises(BadInput):
            staff.login(engine, "1001", "wrong", window=1)


def test_second_clerk_is_refused_then_takes_over(engine):
    staff.login(engine, "1001", "demo", window=2)
    with pytest.raises(staff.WindowTaken) as taken:
        staff.login(engine, "1002", "demo", window=2)
    assert taken.value.code == "window_taken" and taken.value.holder_name == "王丽"
    result = staff.login(engine, "1002", "demo", window=2, takeover=True)
    assert result.took_over_from == "王丽"
    assert not staff.holds_window(engine, "1001", 2)
    assert staff.holds_window(engine, "1002", 2)
    assert _events(engine, "logout")[-1]["reason"] == "takeover"


def test_a_clerk_taking_over_a_window_takes_its_customers(engine):
    first = staff.login(engine, "1001", "demo", window=2).staff
    engine.issue("A")
    engine.issue("A")
    engine.call_next(2, staff="1001")
    engine.park(2)
    engine.call_next(2, staff="1001")
    second = staff.login(engine, "1002", "demo", window=2, takeover=True).staff
    finished = engine.finish(2)
    assert finished.staff_login == "1002"
    resumed = engine.resume(2)
    assert resumed.staff_login == "1002"
    engine.finish(2)
    credited = {e.details["label"]: e.staff_id for e in events(engine, "finished")}
    assert set(credited.values()) == {second.id} and first.id != second.id


def test_the_same_clerk_gets_the_window_back_and_leaves_the_old_one(engine):
    staff.login(engine, "1001", "demo", window=1)
    staff.login(engine, "1001", "demo", window=1)
    staff.login(engine, "1001", "demo", window=3)
    assert _holder(engine, 1) is None
    assert staff.holds_window(engine, "1001", 3)


def test_clerk_needs_a_window_supervisor_does_not(engine):
    with pytest.raises(BadInput) as e:
        staff.login(engine, "1001", "demo")
    assert e.value.code == "window_required"
    admin = staff.login(engine, "9001", "demo")
    assert admin.window is None and admin.staff.may_manage and admin.staff.may_supervise


def test_unknown_and_closed_windows(engine):
    with pytest.raises(BadInput) as e:
        staff.login(engine, "1001", "demo", window=42)
    assert e.value.code == "unknown_window"


def test_logout_frees_the_window(engine):
    staff.login(engine, "1001", "demo", window=1)
    staff.logout(engine, "1001")
    assert _holder(engine, 1) is None
    assert _events(engine, "logout")[-1]["window"] == 1


def test_roles_and_acting_staff(engine):
    assert staff.may_supervise("supervisor") and not staff.may_manage("supervisor")
    assert not staff.may_supervise("clerk")
    with pytest.raises(Refused) as e:
        engine.db.transaction(
            lambda s: staff.acting_staff(s, engine.hall_id, "1001", ("admin",)), write=False
        )
    assert e.value.code == "forbidden"


def test_today_figures(engine, clock):
    assert staff.today_figures(engine, "1001") == staff.ClerkFigures(0, None, 0, 0)
    tokens = []
    for minutes in (4, 8):
        issued = engine.issue("A")
        engine.call_next(1, staff="1001")
        engine.start(1)
        clock.advance(minutes=minutes)
        engine.finish(1)
        tokens.append(issued.ticket.token)
    engine.issue("A")
    engine.call_next(1, staff="1001")
    engine.no_show(1)
    engine.rate(tokens[0], 5)
    engine.rate(tokens[1], 2)
    figures = staff.today_figures(engine, "1001")
    assert figures.served == 2
    assert figures.mean_handling_min == 6.0
    assert (figures.ratings, figures.satisfied, figures.satisfaction_rate) == (2, 1, 0.5)
    assert staff.today_figures(engine, "1002").served == 0
