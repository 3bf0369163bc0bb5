"""Calling order (叫号): priority, call-by-max-wait, primary before secondary, transfers, parking."""

from __future__ import annotations

from datetime import timedelta

import pytest

from common.engine import QueueEngine
from common.errors import BadInput, NothingToDo, Refused
from tests.common.hall_db import (
    events,
    queue_law_violations,
    set_settings,
    snapshot,
    tickets,
    update_service,
    update_window,
)

# Demo hall: window 1 serves A (primary) and C; 2: A, then B and C; 3: B, then D; 4: C, then A;
# 5: D, then B; 6: E, then A, then D.


def call_all(engine: QueueEngine, window: int) -> list[str]:
    """Call and finish at `window` until nobody is left for it."""
    labels = []
    while True:
        try:
            labels.append(engine.call_next(window).label)
        except NothingToDo:
            return labels
        engine.finish(window)


def test_first_come_first_served(engine: QueueEngine, clock):
    for _ in range(3):
        engine.issue("A")
        clock.advance(seconds=30)
    assert call_all(engine, 1) == ["A001", "A002", "A003"]


def test_call_next_takes_the_head_of_the_window_queue(engine: QueueEngine, clock):
    for code in "CAECAB":
        engine.issue(code, "elderly" if code == "E" else "none")
        clock.advance(seconds=10)
    for window in (1, 3, 6, 2):
        expected = engine.waiting(window)
        assert engine.call_next(window).label == expected[0].label


def test_priority_before_ordinary(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(minutes=1)
    engine.issue("A", "elderly")
    clock.advance(minutes=1)
    engine.issue("A", "disabled")
    assert call_all(engine, 1) == ["A002", "A003", "A001"]


def test_no_ordinary_ticket_waits_past_the_sla_for_priority_ones(engine: QueueEngine, clock):
    sla = engine.settings.sla_minutes
    engine.issue("A")  # A001, ordinary
    clock.advance(minutes=1)
    engine.issue("A")  # A002, ordinary
    # Priority customers keep arriving faster than window 1 can serve them.
    called = []
    for _ in range(sla + 3):
        clock.advance(minutes=1)
        engine.issue("A", "elderly")
        called.append(engine.call_next(1))
        engine.finish(1)
    by_label = {t.label: t for t in called}
    assert {"A001", "A002"} <= set(by_label)
    for label in ("A001", "A002"):
        waited = by_label[label].waited_minutes(by_label[label].called_at)
        assert waited <= sla + 1
    # Before the SLA cut-off, the priority tickets went first.
    assert called[0].priority == "elderly"


def test_primary_services_before_secondary(engine: QueueEngine, clock):
    engine.issue("C")
    clock.advance(minutes=5)
    engine.issue("A")
    assert call_all(engine, 1) == ["A001", "C001"]
    engine.issue("A")
    clock.advance(minutes=5)
    engine.issue("C")
    assert call_all(engine, 4) == ["C002", "A002"]


def test_ranks_beyond_secondary(engine: QueueEngine, clock):
    engine.issue("D")
    engine.issue("A")
    engine.issue("E")
    assert call_all(engine, 6) == ["E001", "A001", "D001"]


def test_priority_beats_rank(engine: QueueEngine, clock):
    engine.issue("A")
    engine.issue("C", "military")
    assert engine.call_next(1).label == "C001"


def test_window_calls_only_its_services(engine: QueueEngine):
    engine.issue("E")
    before = snapshot(engine)
    with pytest.raises(NothingToDo) as err:
        engine.call_next(1)
    assert err.value.code == "empty"
    assert snapshot(engine) == before
    assert engine.call_next(6).label == "E001"


def test_called_ticket_records_window_staff_and_wait(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(minutes=4)
    t = engine.call_next(2, staff="1002")
    assert (t.status, t.window, t.staff_login, t.staff_name) == ("called", 2, "1002", "李强")
    assert t.called_at == clock.now()
    assert engine.ticket(t.id) == t
    [row] = tickets(engine)
    assert row.wait_s == 240
    [event] = events(engine, "called")
    assert (event.details["label"], event.details["window"]) == ("A001", 2)
    state = engine.window_state(2)
    assert state.state == "calling" and state.current == t


def test_staff_defaults_to_who_is_logged_in_at_the_window(engine: QueueEngine):
    engine.issue("A")
    assert engine.call_next(1).staff_login is None
    with pytest.raises(BadInput) as err:
        engine.call_next(2, staff="nobody")
    assert err.value.code == "unknown_staff"


def test_a_window_holds_one_ticket_at_a_time(engine: QueueEngine):
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.call_next(1)
    assert err.value.code == "window_busy"
    with pytest.raises(Refused):
        engine.call_specific(1, "A002")
    assert snapshot(engine) == before


def test_unknown_and_closed_windows(engine: QueueEngine):
    engine.issue("A")
    with pytest.raises(BadInput) as err:
        engine.call_next(42)
    assert err.value.code == "unknown_window"
    update_window(engine, 2, active=False)
    with pytest.raises(Refused) as err:
        engine.call_next(2)
    assert err.value.code == "window_closed"
    assert engine.window_state(2).state == "closed"
    with pytest.raises(BadInput):
        engine.window_state(42)
    with pytest.raises(BadInput):
        engine.waiting(42)


# ---------------------------------------------------------------------------- call_specific


def test_call_specific_skips_the_order(engine: QueueEngine):
    for _ in range(3):
        engine.issue("A")
    assert engine.call_specific(1, "a003").label == "A003"
    engine.finish(1)
    assert engine.call_next(1).label == "A001"


def test_never_the_same_ticket_to_two_windows(engine: QueueEngine):
    engine.issue("A")
    engine.call_next(1)
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.call_specific(2, "A001")
    assert err.value.code == "not_waiting"
    with pytest.raises(NothingToDo):
        engine.call_next(2)
    assert snapshot(engine) == before


def test_call_specific_unknown_or_malformed_number(engine: QueueEngine):
    with pytest.raises(BadInput) as err:
        engine.call_specific(1, "A001")
    assert err.value.code == "unknown_ticket"
    with pytest.raises(BadInput) as err:
        engine.call_specific(1, "A-1; drop")
    assert err.value.code == "bad_number"


# ---------------------------------------------------------------------------- recall, start, finish


def test_recall_counts_and_past_the_limit_is_a_no_show(engine: QueueEngine, clock):
    engine.issue("A")
    engine.call_next(1)
    limit = engine.settings.recall_limit
    for n in range(1, limit + 1):
        clock.advance(seconds=30)
        t = engine.recall(1)
        assert (t.status, t.recall_count, t.called_at) == ("called", n, clock.now())
    recalls = events(engine, "recalled")
    assert [e.details["recall"] for e in recalls] == list(range(1, limit + 1))
    assert recalls[0].details["window"] == 1
    t = engine.recall(1)
    assert t.status == "no_show"
    [event] = events(engine, "no_show")
    assert event.details["reason"] == "recall_limit"
    assert engine.window_state(1).state == "idle"


def test_recall_limit_zero_makes_the_first_recall_a_no_show(engine: QueueEngine):
    set_settings(engine, recall_limit=0)
    engine.issue("A")
    engine.call_next(1)
    assert engine.recall(1).status == "no_show"


def test_actions_that_do_not_apply_to_the_window_state(engine: QueueEngine):
    before = snapshot(engine)
    for action in (engine.recall, engine.start, engine.finish, engine.no_show, engine.park):
        with pytest.raises(NothingToDo) as err:
            action(1)
        assert err.value.code == "no_current"
    with pytest.raises(NothingToDo):
        engine.transfer(1, to_service="B")
    assert snapshot(engine) == before
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    before = snapshot(engine)
    for action in (engine.recall, engine.start, engine.no_show):
        with pytest.raises(Refused) as err:
            action(1)
        assert err.value.code == "wrong_state"
    assert snapshot(engine) == before


def test_start_and_finish(engine: QueueEngine, clock):
    engine.issue("A")
    engine.call_next(1)
    clock.advance(minutes=1)
    started = engine.start(1)
    assert (started.status, started.started_at) == ("serving", clock.now())
    assert engine.window_state(1).state == "serving"
    clock.advance(minutes=7)
    done = engine.finish(1, outcome=" referred ")
    assert (done.status, done.outcome, done.finished_at) == ("done", "referred", clock.now())
    [row] = tickets(engine)
    assert (row.handling_s, row.outcome) == (420, "referred")
    assert engine.window_state(1).state == "idle"
    [event] = events(engine, "finished")
    assert event.details["outcome"] == "referred"


def test_finish_without_start_counts_from_the_call(engine: QueueEngine, clock):
    engine.issue("A")
    engine.call_next(1)
    clock.advance(minutes=3)
    assert engine.finish(1).outcome == "done"
    assert tickets(engine)[0].handling_s == 180


def test_no_show_by_hand(engine: QueueEngine):
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    assert engine.no_show(1).status == "no_show"
    assert engine.call_next(1).label == "A002"


# ---------------------------------------------------------------------------- transfer


def test_transfer_to_a_service_keeps_the_original_issue_time(engine: QueueEngine, clock):
    engine.issue("C")  # 09:00
    clock.advance(minutes=1)
    engine.issue("A")  # 09:01
    clock.advance(minutes=1)
    engine.issue("C")  # 09:02
    engine.call_next(4)  # C001
    engine.call_next(1)  # A001
    moved = engine.transfer(1, to_service="c", note="缴费后回来")
    assert (moved.status, moved.service_code, moved.window, moved.transfer_count) == (
        "waiting",
        "C",
        None,
        1,
    )
    assert moved.transfer_note == "缴费后回来"
    assert moved.issued_at == clock.now().replace(minute=1)
    engine.finish(4)
    assert engine.call_next(4).label == "A001"
    [event] = events(engine, "transferred")
    assert (event.details["to_service"], event.details["window"]) == ("C", 1)


def test_transfer_to_a_window_is_callable_only_there_and_first(engine: QueueEngine, clock):
    engine.issue("A")  # A001
    clock.advance(minutes=1)
    engine.issue("A")  # A002
    clock.advance(minutes=1)
    engine.issue("A")  # A003
    engine.call_specific(1, "A003")
    moved = engine.transfer(1, to_window=2, note="请到2号")
    assert (moved.target_window, moved.status) == (2, "waiting")
    assert [t.label for t in engine.waiting(4)] == ["A001", "A002"]
    assert [t.label for t in engine.waiting(2)] == ["A003", "A001", "A002"]
    assert call_all(engine, 4) == ["A001", "A002"]
    assert call_all(engine, 2) == ["A003"]


def test_transfer_to_a_window_of_another_service(engine: QueueEngine):
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    moved = engine.transfer(1, to_service="E", to_window=6)
    assert (moved.service_code, moved.target_window) == ("E", 6)
    assert engine.call_next(6).label == "A001"


def test_transfer_refusals_write_nothing(engine: QueueEngine):
    engine.issue("A")
    engine.call_next(1)
    before = snapshot(engine)
    with pytest.raises(BadInput) as err:
        engine.transfer(1)
    assert err.value.code == "no_target"
    with pytest.raises(BadInput) as err:
        engine.transfer(1, to_window=1)
    assert err.value.code == "same_window"
    with pytest.raises(BadInput) as err:
        engine.transfer(1, to_service="Z")
    assert err.value.code == "unknown_service"
    with pytest.raises(BadInput) as err:
        engine.transfer(1, to_window=99)
    assert err.value.code == "unknown_window"
    update_window(engine, 3, active=False)
    with pytest.raises(Refused) as err:
        engine.transfer(1, to_window=3)
    assert err.value.code == "window_closed"
    update_service(engine, "B", active=False)
    with pytest.raises(Refused) as err:
        engine.transfer(1, to_service="B")
    assert err.value.code == "inactive"
    assert snapshot(engine) == before


def test_transferred_ticket_keeps_its_first_wait(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(minutes=2)
    engine.call_next(1)
    engine.transfer(1, to_service="B")
    clock.advance(minutes=10)
    engine.call_next(3)
    [row] = tickets(engine)
    assert row.wait_s == 120


def test_call_specific_respects_a_transfer_to_another_window(engine: QueueEngine):
    engine.issue("A")
    engine.call_next(1)
    engine.transfer(1, to_window=2)
    before = snapshot(engine)
    with pytest.raises(Refused):
        engine.call_specific(4, "A001")
    assert snapshot(engine) == before
    assert engine.call_specific(2, "A001").window == 2


# ---------------------------------------------------------------------------- park / resume


def test_park_serve_another_then_resume(engine: QueueEngine, clock):
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    parked = engine.park(1)
    assert (parked.status, parked.window) == ("parked", 1)
    state = engine.window_state(1)
    assert state.state == "idle" and [t.label for t in state.parked] == ["A001"]
    assert engine.call_next(1).label == "A002"
    with pytest.raises(Refused) as err:
        engine.resume(1)
    assert err.value.code == "window_busy"
    engine.finish(1)
    clock.advance(minutes=2)
    back = engine.resume(1)
    assert (back.label, back.status, back.window, back.called_at) == (
        "A001",
        "called",
        1,
        clock.now(),
    )
    engine.finish(1)
    assert queue_law_violations(engine) == []


def test_time_away_while_parked_is_not_handling_time(engine: QueueEngine, clock):
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=5)
    engine.park(1)  # the customer goes to fetch a document
    clock.advance(minutes=20)
    back = engine.resume(1)
    clock.advance(minutes=1)
    # Handled for 5 minutes before, and from the resume on: the start moved by the 20 away.
    assert engine.start(1).started_at == back.called_at - timedelta(minutes=5)
    clock.advance(minutes=3)
    engine.finish(1)
    assert tickets(engine)[0].handling_s == (5 + 1 + 3) * 60
    # Finished straight from the resume (no second start): the same rule.
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=2)
    engine.park(1)
    clock.advance(minutes=10)
    engine.resume(1)
    clock.advance(minutes=4)
    engine.finish(1)
    assert tickets(engine)[1].handling_s == (2 + 4) * 60


def test_a_transferred_ticket_starts_afresh_at_the_next_window(engine: QueueEngine, clock):
    engine.issue("A")
    engine.call_next(1)
    engine.start(1)
    clock.advance(minutes=4)
    engine.transfer(1, to_window=2)
    clock.advance(minutes=6)
    engine.call_next(2)
    started = engine.start(2)
    assert started.started_at == clock.now()
    clock.advance(minutes=2)
    engine.finish(2)
    assert tickets(engine)[0].handling_s == 120


def test_resume_a_given_parked_ticket(engine: QueueEngine, clock):
    for _ in range(3):
        engine.issue("A")
    for _ in range(2):
        engine.call_next(1)
        clock.advance(seconds=1)
        engine.park(1)
    assert engine.resume(1, "A002").label == "A002"
    engine.finish(1)
    assert engine.resume(1).label == "A001"
    engine.finish(1)
    with pytest.raises(NothingToDo) as err:
        engine.resume(1)
    assert err.value.code == "none_parked"


def test_parked_tickets_are_not_called_by_other_windows(engine: QueueEngine):
    engine.issue("A")
    engine.call_next(1)
    engine.park(1)
    with pytest.raises(NothingToDo):
        engine.call_next(2)
    with pytest.raises(NothingToDo):
        engine.resume(2)
    with pytest.raises(Refused):
        engine.call_specific(2, "A001")


# ---------------------------------------------------------------------------- pause / unpause


def test_paused_window_cannot_call(engine: QueueEngine, clock):
    engine.issue("A")
    state = engine.pause(1, " 午休 ")
    assert (state.state, state.pause_reason, state.paused_at) == ("paused", "午休", clock.now())
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.call_next(1)
    assert err.value.code == "paused"
    with pytest.raises(Refused):
        engine.call_specific(1, "A001")
    with pytest.raises(Refused) as err:
        engine.pause(1)
    assert err.value.code == "already_paused"
    assert snapshot(engine) == before
    clock.advance(minutes=12)
    assert engine.unpause(1).state == "idle"
    [event] = events(engine, "unpaused")
    assert event.details["paused_minutes"] == 12.0
    assert engine.call_next(1).label == "A001"
    with pytest.raises(Refused) as err:
        engine.unpause(1)
    assert err.value.code == "not_paused"


def test_paused_window_finishes_and_resumes_its_own(engine: QueueEngine):
    engine.issue("A")
    engine.issue("A")
    engine.call_next(1)
    engine.park(1)
    engine.call_next(1)
    engine.pause(1, "")
    assert engine.window_state(1).state == "calling"
    engine.finish(1)
    assert engine.window_state(1).state == "paused"
    assert engine.resume(1).label == "A001"


# ---------------------------------------------------------------------------- cancel / reactivate


def test_cancel_a_waiting_or_called_ticket(engine: QueueEngine):
    engine.issue("A")
    engine.issue("A")
    cancelled = engine.cancel("A001", "客户离开")
    assert (cancelled.status, cancelled.finished_at is not None) == ("cancelled", True)
    assert engine.call_next(1).label == "A002"
    assert engine.cancel("A002").window is None
    assert engine.window_state(1).state == "idle"
    [_, event] = events(engine, "cancelled")
    assert event.window_id is not None
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.cancel("A002")
    assert err.value.code == "final"
    with pytest.raises(BadInput) as err:
        engine.cancel("A009")
    assert err.value.code == "unknown_ticket"
    assert snapshot(engine) == before


def test_reactivated_no_show_goes_after_the_next_k(engine: QueueEngine, clock):
    for _ in range(5):
        engine.issue("A")
        clock.advance(seconds=10)
    engine.call_next(1)  # A001
    engine.no_show(1)
    clock.advance(minutes=5)
    back = engine.reactivate("A001")
    assert (back.status, back.window, back.recall_count) == ("waiting", None, 0)
    k = engine.settings.reactivation_after
    assert k == 2
    assert call_all(engine, 1) == ["A002", "A003", "A001", "A004", "A005"]


def test_reactivated_with_fewer_than_k_waiting_goes_last(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(seconds=10)
    engine.issue("A")
    engine.call_next(1)
    engine.no_show(1)
    clock.advance(seconds=10)
    engine.reactivate("A001")
    assert call_all(engine, 1) == ["A002", "A001"]


def test_reactivate_with_k_zero_goes_first(engine: QueueEngine, clock):
    set_settings(engine, reactivation_after=0)
    for _ in range(3):
        engine.issue("A")
        clock.advance(seconds=10)
    engine.call_next(1)
    engine.no_show(1)
    engine.reactivate("A001")
    assert call_all(engine, 1) == ["A001", "A002", "A003"]


def test_reactivate_refusals(engine: QueueEngine, clock):
    engine.issue("A")
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.reactivate("A001")
    assert err.value.code == "not_no_show"
    with pytest.raises(BadInput):
        engine.reactivate("A404")
    assert snapshot(engine) == before
    engine.call_next(1)
    engine.no_show(1)
    clock.advance(minutes=engine.settings.reactivation_minutes + 1)
    before = snapshot(engine)
    with pytest.raises(Refused) as err:
        engine.reactivate("A001")
    assert err.value.code == "too_late"
    assert snapshot(engine) == before


# ---------------------------------------------------------------------------- reads


def test_waiting_lists_the_hall_in_calling_order(engine: QueueEngine, clock):
    engine.issue("B")
    clock.advance(minutes=1)
    engine.issue("A")
    clock.advance(minutes=1)
    engine.issue("A", "pregnant")
    assert [t.label for t in engine.waiting()] == ["A002", "B001", "A001"]
    assert [t.label for t in engine.waiting(3)] == ["B001"]
    assert [t.label for t in engine.waiting(2)] == ["A002", "A001", "B001"]


def test_windows_lists_every_window(engine: QueueEngine):
    states = engine.windows()
    assert [w.number for w in states] == [1, 2, 3, 4, 5, 6]
    assert states[0].services == (("A", 0), ("C", 1))
    assert all(w.state == "idle" for w in states)


def test_a_ticket_sent_to_a_window_leaves_it_when_cancelled_or_expired(engine: QueueEngine, clock):
    engine.issue("A")
    engine.issue("A")
    for label in ("A001", "A002"):
        engine.call_specific(1, label)
        engine.transfer(1, to_window=2)
    assert engine.cancel("A001").target_window is None
    monday = clock.now().date()
    clock.advance(days=1)
    engine.close_day()
    expired = engine.find_ticket("A002", day=monday)
    assert (expired.status, expired.target_window) == ("expired", None)
    assert queue_law_violations(engine) == []
