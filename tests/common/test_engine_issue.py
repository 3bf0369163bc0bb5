"""Issuing tickets (取号): numbers, people ahead, expected wait, tokens, and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from common import tokens
from common.engine import QueueEngine
from common.errors import BadInput, Refused
from tests.common.hall_db import (
    events,
    set_counter,
    set_settings,
    snapshot,
    update_service,
    update_window,
)

MONDAY = date(2026, 3, 2)


def test_numbers_count_up_per_service(engine: QueueEngine):
    labels = [engine.issue(code).ticket.label for code in "AABACB"]
    assert labels == ["A001", "A002", "B001", "A003", "C001", "B002"]


def test_issued_ticket_is_waiting_and_logged(engine: QueueEngine, clock):
    issued = engine.issue("A", "elderly")
    t = issued.ticket
    assert (t.status, t.window, t.priority, t.day) == ("waiting", None, "elderly", MONDAY)
    assert t.issued_at == clock.now()
    assert engine.find_ticket("a001") == engine.ticket(t.id)
    [event] = events(engine, "issued")
    assert (event.ticket_id, event.details["label"], event.details["priority"]) == (
        t.id,
        "A001",
        "elderly",
    )


def test_service_code_is_case_insensitive(engine: QueueEngine):
    assert engine.issue(" a ").ticket.label == "A001"


def test_numbers_widen_instead_of_wrapping(engine: QueueEngine):
    set_counter(engine, "A", MONDAY, 998)
    assert [engine.issue("A").ticket.label for _ in range(3)] == ["A999", "A1000", "A1001"]
    assert engine.find_ticket("A1000").number == 1000


def test_number_width_and_prefix_come_from_the_service(engine: QueueEngine):
    update_service(engine, "B", number_width=4, prefix="Q")
    assert engine.issue("B").ticket.label == "Q0001"


def test_people_ahead_and_default_expected_wait(engine: QueueEngine):
    # A is served by windows 1, 2 (primary), 4 and 6 (secondary); nobody finished yet today,
    # so the estimate uses the hall's default of 6 minutes.
    results = [engine.issue("A") for _ in range(3)]
    assert [r.ahead for r in results] == [0, 1, 2]
    assert [r.expected_wait_min for r in results] == [0.0, 1.5, 3.0]


def test_expected_wait_counts_only_open_windows(engine: QueueEngine):
    engine.pause(1, "lunch")
    update_window(engine, 6, active=False)
    engine.issue("A")
    assert engine.issue("A").expected_wait_min == 3.0  # 1 ahead × 6 min ÷ windows 2 and 4


def test_expected_wait_follows_recent_handling_time(engine: QueueEngine, clock):
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=10)
    engine.finish(1)
    engine.issue("A")
    second = engine.issue("A")
    assert second.ahead == 1
    assert second.expected_wait_min == 2.5  # 1 × 10 min ÷ 4 windows


def test_expected_wait_weighs_the_newest_most(engine: QueueEngine, clock):
    for minutes in (20, 2):
        engine.issue("A")
        engine.call_next(1)
        clock.advance(minutes=minutes)
        engine.finish(1)
    set_settings(engine, default_service_minutes=1.0)
    engine.issue("A")
    result = engine.issue("A")
    # EWMA newest first: (2 + 0.8 × 20) / 1.8 = 10 minutes; 1 ahead, 4 windows.
    assert result.expected_wait_min == 2.5


def test_priority_ticket_has_only_priority_tickets_ahead(engine: QueueEngine, clock):
    for _ in range(3):
        engine.issue("A")
    clock.advance(minutes=1)
    assert engine.issue("A", "elderly").ahead == 0
    assert engine.issue("A", "disabled").ahead == 1
    assert engine.issue("A").ahead == 5


def test_ordinary_ticket_past_the_sla_is_ahead_of_a_new_priority_ticket(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(minutes=engine.settings.sla_minutes + 1)
    engine.issue("A")
    assert engine.issue("A", "military").ahead == 1


def test_ahead_counts_only_the_same_service(engine: QueueEngine):
    engine.issue("B")
    engine.issue("C")
    assert engine.issue("A").ahead == 0


def test_token_is_signed_with_the_hall_secret(engine: QueueEngine):
    issued = engine.issue("A")
    ref = tokens.verify(engine.settings.hmac_secret, issued.ticket.token)
    assert (ref.hall_id, ref.day, ref.number) == (engine.hall_id, MONDAY, 1)
    with pytest.raises(BadInput):
        tokens.verify("00" * 32, issued.ticket.token)
    assert issued.check_code == engine.check_code_for(issued.ticket)
    assert len(issued.check_code) == 6 and issued.check_code.isdigit()
    assert issued.qr_payload == issued.ticket.token


def test_qr_payload_uses_the_hall_url(engine: QueueEngine):
    set_settings(engine, qr_base_url="https://95598.example.cn/rate?t=")
    issued = engine.issue("A")
    assert issued.qr_payload == "https://95598.example.cn/rate?t=" + issued.ticket.token


def test_unknown_service_and_priority_are_bad_input(engine: QueueEngine):
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.issue("Z")
    assert err.value.code == "unknown_service"
    with pytest.raises(BadInput) as err:
        engine.issue("A", "royalty")
    assert err.value.code == "bad_priority"
    assert snapshot(engine) == before


def test_inactive_service_is_refused_without_a_gap(engine: QueueEngine):
    engine.issue("A")
    update_service(engine, "A", active=False)
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.issue("A")
    assert err.value.code == "inactive"
    assert snapshot(engine) == before
    update_service(engine, "A", active=True)
    assert engine.issue("A").ticket.label == "A002"


MORNINGS = {str(day): [["08:30", "12:00"]] for day in range(5)}


@pytest.mark.parametrize(
    ("at", "open_now"),
    [
        ((8, 29), False),
        ((8, 30), True),
        ((11, 59), True),
        ((12, 0), False),
    ],
)
def test_opening_hours_are_in_the_hall_timezone(engine: QueueEngine, clock, at, open_now):
    update_service(engine, "A", opening_hours=MORNINGS)
    clock.set(clock.now().replace(hour=at[0], minute=at[1]))
    if open_now:
        assert engine.issue("A").ticket.label == "A001"
    else:
        before = snapshot(engine)
        with pytest.raises(Refused) as err:
            engine.issue("A")
        assert err.value.code == "closed"
        assert "08:30" in err.value.message
        assert snapshot(engine) == before


def test_closed_on_a_day_without_hours(engine: QueueEngine, clock):
    update_service(engine, "A", opening_hours=MORNINGS)
    clock.advance(days=5)  # Saturday
    with pytest.raises(Refused) as err:
        engine.issue("A")
    assert err.value.code == "closed"
    assert "今日不办理" in err.value.message


def test_refused_while_closed_leaves_no_gap(engine: QueueEngine, clock):
    update_service(engine, "A", opening_hours=MORNINGS)
    engine.issue("A")
    clock.advance(hours=3, minutes=30)  # 12:30
    with pytest.raises(Refused):
        engine.issue("A")
    clock.advance(days=1, hours=-4)  # Tuesday 08:30
    assert engine.issue("A").ticket.label == "A001"
    clock.advance(minutes=1)
    assert engine.issue("A").ticket.label == "A002"


def test_daily_limit_refuses_without_a_gap(engine: QueueEngine):
    update_service(engine, "C", daily_limit=2)
    assert [engine.issue("C").ticket.label for _ in range(2)] == ["C001", "C002"]
    before = snapshot(engine)
    for _ in range(2):
        with pytest.raises(Refused) as err:
            engine.issue("C")
        assert err.value.code == "daily_limit"
    assert snapshot(engine) == before
    [c] = [s for s in engine.services() if s.code == "C"]
    assert (c.open_now, c.closed_reason, c.issued_today) == (False, "limit", 2)
    update_service(engine, "C", daily_limit=3)
    assert engine.issue("C").ticket.label == "C003"


def test_daily_limit_is_per_day(engine: QueueEngine, clock):
    update_service(engine, "C", daily_limit=1)
    engine.issue("C")
    with pytest.raises(Refused):
        engine.issue("C")
    clock.advance(days=1)
    assert engine.issue("C").ticket.label == "C001"


def test_services_report_waiting_and_wait(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(minutes=7)
    engine.issue("A")
    engine.issue("B")
    by_code = {s.code: s for s in engine.services()}
    assert (by_code["A"].waiting, by_code["A"].longest_wait_min) == (2, 7.0)
    assert by_code["A"].expected_wait_min == 3.0  # 2 × 6 ÷ 4
    assert (by_code["B"].waiting, by_code["D"].waiting) == (1, 0)
    assert by_code["E"].is_complaint
    update_service(engine, "D", active=False)
    assert "D" not in {s.code for s in engine.services()}
    [d] = [s for s in engine.services(include_inactive=True) if s.code == "D"]
    assert d.closed_reason == "inactive"


def test_a_second_engine_continues_the_numbering(engine: QueueEngine, clock):
    engine.issue("A")
    other = QueueEngine(engine.db, engine.hall_code, clock=clock)
    assert other.issue("A").ticket.label == "A002"
    assert engine.issue("A").ticket.label == "A003"


def test_issue_time_of_day_boundary(engine: QueueEngine, clock):
    clock.set(clock.now().replace(hour=23, minute=59))
    assert engine.issue("A").ticket.day == MONDAY
    clock.advance(minutes=2)
    late = engine.issue("A").ticket
    assert (late.label, late.day) == ("A001", MONDAY + timedelta(days=1))


def test_print_results_are_recorded(engine: QueueEngine):
    first = engine.issue("A").ticket
    second = engine.issue("A").ticket
    assert first.printed is None
    engine.mark_printed(first.id, True, device="kiosk-1")
    engine.mark_printed(second.id, False, "缺纸 / out of paper", "kiosk-1")
    assert (engine.ticket(first.id).printed, engine.ticket(second.id).printed) == (True, False)
    [failed] = events(engine, "print_failed")
    assert (failed.ticket_id, failed.details["message"], failed.details["device"]) == (
        second.id,
        "缺纸 / out of paper",
        "kiosk-1",
    )
    assert len(events(engine, "printed")) == 1
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.mark_printed(second.id + 1000, True)
    assert err.value.code == "unknown_ticket"
    with pytest.raises(BadInput):
        engine.ticket(second.id + 1000)
    assert snapshot(engine) == before


def test_a_priority_the_hall_does_not_offer_is_refused(engine):
    from common.errors import Refused

    assert "vip" not in engine.settings.priority_kinds
    with pytest.raises(Refused) as refused:
        engine.issue("A", "vip")
    assert refused.value.code == "priority_not_offered"
    assert engine.issue("A", "elderly").ticket.label == "A001"
