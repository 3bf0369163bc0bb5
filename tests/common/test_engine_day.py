"""The service day: the hall's own timezone, numbers restarting, and what day close expires."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from common.engine import QueueEngine
from common.errors import BadInput, NothingToDo
from tests.common.hall_db import events, queue_law_violations, set_settings, tickets

MONDAY = date(2026, 3, 2)
TUESDAY = MONDAY + timedelta(days=1)


def test_early_morning_belongs_to_the_beijing_day(engine: QueueEngine, clock):
    # 07:30 in Beijing is 23:30 UTC of the day before.
    clock.set(datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    t = engine.issue("A").ticket
    assert t.day == MONDAY
    assert engine.service_day(clock.now()) == MONDAY
    assert engine.find_ticket("A001").id == t.id


def test_utc_date_change_does_not_split_the_day(engine: QueueEngine, clock):
    # 23:50 UTC → 00:10 UTC is 07:50 → 08:10 in Beijing: one service day, one numbering.
    clock.set(datetime(2026, 3, 1, 23, 50, tzinfo=UTC))
    engine.issue("A")
    clock.advance(minutes=20)
    assert engine.issue("A").ticket.label == "A002"
    assert engine.call_next(1).label == "A001"


def test_midnight_in_beijing_starts_a_new_day(engine: QueueEngine, clock):
    clock.set(datetime(2026, 3, 2, 15, 59, tzinfo=UTC))  # 23:59 Beijing
    assert engine.issue("A").ticket.day == MONDAY
    clock.advance(minutes=2)
    t = engine.issue("A").ticket
    assert (t.label, t.day) == ("A001", TUESDAY)


def test_service_day_follows_the_hall_timezone_setting(engine: QueueEngine, clock):
    set_settings(engine, timezone="Europe/Berlin")
    clock.set(datetime(2026, 3, 2, 23, 30, tzinfo=UTC))  # 00:30 on Tuesday in Berlin
    assert engine.issue("A").ticket.day == TUESDAY


def _open_tickets_of_every_kind(engine: QueueEngine) -> None:
    """Leave Monday with one ticket waiting, called, serving and parked; one done."""
    for _ in range(5):
        engine.issue("A")
    engine.call_next(1)
    engine.finish(1)  # A001 done
    engine.call_next(1)
    engine.park(1)  # A002 parked at 1
    engine.call_next(2)
    engine.start(2)  # A003 serving at 2
    engine.call_next(4)  # A004 called at 4; A005 waiting


def test_first_write_of_a_new_day_expires_what_is_left(engine: QueueEngine, clock):
    _open_tickets_of_every_kind(engine)
    clock.advance(days=1)
    assert engine.issue("A").ticket.label == "A001"
    by_label = {t.label: t for t in tickets(engine) if t.day == MONDAY}
    assert {label: t.status for label, t in by_label.items()} == {
        "A001": "done",
        "A002": "expired",
        "A003": "expired",
        "A004": "expired",
        "A005": "expired",
    }
    assert all(by_label[label].window_id is None for label in ("A002", "A003", "A004"))
    expired = events(engine, "expired")
    assert sorted(e.details["label"] for e in expired) == ["A002", "A003", "A004", "A005"]
    assert {e.window_id for e in expired if e.details["label"] == "A003"} != {None}
    assert all(w.state == "idle" and not w.parked for w in engine.windows())
    assert queue_law_violations(engine) == []


def test_yesterdays_tickets_are_never_called_today(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(days=1)
    assert engine.waiting() == []
    with pytest.raises(NothingToDo):
        engine.call_next(1)
    with pytest.raises(BadInput):
        engine.call_specific(1, "A001")
    assert engine.close_day() == 1
    assert tickets(engine)[0].status == "expired"


def test_yesterdays_ticket_is_found_by_day(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(days=1)
    with pytest.raises(BadInput):
        engine.find_ticket("A001")
    assert engine.find_ticket("A001", day=MONDAY).day == MONDAY


def test_close_day_counts_and_is_idempotent(engine: QueueEngine, clock):
    _open_tickets_of_every_kind(engine)
    assert engine.close_day() == 0  # nothing before today
    clock.advance(days=1)
    assert engine.close_day() == 4
    assert engine.close_day() == 0
    other = QueueEngine(engine.db, engine.hall_code, clock=clock)
    assert other.close_day() == 0
    other.issue("A")
    assert len(events(engine, "expired")) == 4


def test_a_refused_first_write_of_the_day_does_not_skip_the_close(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(days=1)
    with pytest.raises(NothingToDo):
        engine.call_next(1)  # refused: rolled back, the day close with it
    with pytest.raises(BadInput):
        engine.issue("Z")
    engine.issue("B")
    assert [t.status for t in tickets(engine) if t.day == MONDAY] == ["expired"]
    assert queue_law_violations(engine) == []


def test_days_without_any_write_are_closed_too(engine: QueueEngine, clock):
    engine.issue("A")
    clock.advance(days=3)
    engine.issue("A")
    assert [t.status for t in tickets(engine)] == ["expired", "waiting"]


@pytest.mark.pg
def test_two_pcs_closing_the_day_at_once_expire_each_ticket_once(pg_hall, clock):
    from common.db import Database

    url, code = pg_hall
    db = Database(url)
    first = QueueEngine(db, code, clock=clock)
    second = QueueEngine(db, code, clock=clock)
    for _ in range(3):
        first.issue("A")
    clock.advance(days=1)
    day = first.service_day(clock.now())
    done = threading.Event()
    errors: list[BaseException] = []

    def close_on_the_other_pc() -> None:
        try:
            second.close_day()
        except BaseException as e:  # noqa: BLE001 — reported by the main thread
            errors.append(e)
        finally:
            done.set()

    with db.session(write=True) as s:
        first._close_days_before(s, day, clock.now())
        worker = threading.Thread(target=close_on_the_other_pc)
        worker.start()
        # Hold the transaction open until the other PC waits on the rows it has locked.
        with db.engine.connect() as watch:
            for _ in range(500):
                waiting = watch.execute(
                    text("SELECT count(*) FROM pg_locks WHERE NOT granted")
                ).scalar_one()
                if waiting or done.wait(0.01):
                    break
    worker.join(10)
    db.dispose()
    assert not errors
    assert len(events(first, "expired")) == 3
    assert queue_law_violations(first) == []
