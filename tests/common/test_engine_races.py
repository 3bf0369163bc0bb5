"""Two PCs acting on the same window or ticket at the same moment (PostgreSQL).

Each test holds one action's transaction open at the point where it has locked the window and
read its current ticket, starts the other action on a second thread, waits until that one is
blocked on a lock (or done), then lets the first commit. Whatever the order, a ticket must end
in one final state and be finished at most once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select, text

from common import sql
from common.db import Database
from common.engine import QueueEngine
from common.errors import HallqError
from common.models import Window
from tests.common.hall_db import events, queue_law_violations, replay

pytestmark = pytest.mark.pg


@pytest.fixture
def pair(pg_hall, clock):
    """Two engines (two PCs) on one PostgreSQL hall."""
    url, code = pg_hall
    db_one, db_two = Database(url), Database(url)
    yield QueueEngine(db_one, code, clock=clock), QueueEngine(db_two, code, clock=clock)
    db_one.dispose()
    db_two.dispose()


def window_id(engine: QueueEngine, window: int) -> int:
    return engine.db.transaction(
        lambda s: s.execute(
            select(Window.id).where(Window.hall_id == engine.hall_id, Window.number == window)
        ).scalar_one(),
        write=False,
    )


def race(first: QueueEngine, hold: Callable[[Any], None], second: Callable[[], Any]) -> Any:
    """Run `hold(session)` in a transaction of `first`; while it is open, run `second`.

    Returns what `second` returned or raised.
    """
    outcome: dict[str, Any] = {}
    done = threading.Event()

    def other_pc() -> None:
        try:
            outcome["result"] = second()
        except HallqError as e:
            outcome["result"] = e
        finally:
            done.set()

    worker = threading.Thread(target=other_pc)
    with first.db.session(write=True) as s:
        hold(s)
        worker.start()
        with first.db.engine.connect() as watch:
            for _ in range(500):
                blocked = watch.execute(
                    text("SELECT count(*) FROM pg_locks WHERE NOT granted")
                ).scalar_one()
                if blocked or done.wait(0.01):
                    break
    worker.join(15)
    assert done.is_set()
    return outcome["result"]


def finishing(engine: QueueEngine, window: int):
    """What `finish` does up to its update: lock the window, read its current ticket."""

    def hold(s):
        now, _ = engine._begin(s)
        win = engine._window(s, window)
        current = engine._require_current(s, win, ("called", "serving"))
        s.execute(
            sql.FINISH,
            {"ticket_id": current.id, "now": now, "outcome": "done", "handling_s": 60.0},
        )
        engine._event(s, "finished", now, ticket_id=current.id, window_id=win.id, label="x")

    return hold


def test_finishing_twice_at_one_window_finishes_once(pair):
    one, two = pair
    one.issue("A")
    one.call_next(1)
    result = race(one, finishing(one, 1), lambda: two.finish(1))
    assert isinstance(result, HallqError), result
    assert result.code == "no_current"
    assert len(events(one, "finished")) == 1
    assert queue_law_violations(one) == []


def test_calling_while_the_window_finishes(pair):
    one, two = pair
    one.issue("A")
    one.issue("A")
    one.call_next(1)
    result = race(one, finishing(one, 1), lambda: two.call_next(1))
    assert not isinstance(result, HallqError), result
    assert result.label == "A002"
    assert queue_law_violations(one) == []


def test_cancelling_while_the_window_finishes(pair):
    one, two = pair
    one.issue("A")
    one.call_next(1)
    result = race(one, finishing(one, 1), lambda: two.cancel("A001"))
    assert isinstance(result, HallqError) and result.code == "final", result
    kinds = replay(events(one))[one.find_ticket("A001").id].kinds
    assert kinds == ["issued", "called", "finished"]
    assert queue_law_violations(one) == []


def claiming(engine: QueueEngine, window: int, label: str):
    """What `call_specific` does up to its commit: lock the window, claim the ticket."""

    def hold(s):
        now, day = engine._begin(s)
        win = engine._window(s, window)
        row = s.execute(
            sql.TICKET_BY_LABEL_FOR_UPDATE, {"hall_id": engine.hall_id, "day": day, "label": label}
        ).one()
        engine._call(s, row, win, None, now)

    return hold


def test_two_windows_calling_the_same_number(pair):
    one, two = pair
    one.issue("A")
    result = race(one, claiming(one, 1, "A001"), lambda: two.call_specific(2, "A001"))
    assert isinstance(result, HallqError) and result.code == "not_waiting", result
    assert [e.window_id for e in events(one, "called")] == [window_id(one, 1)]
    assert queue_law_violations(one) == []


def test_call_next_skips_a_ticket_another_window_is_claiming(pair):
    one, two = pair
    one.issue("A")
    one.issue("A")
    result = race(one, claiming(one, 1, "A001"), lambda: two.call_next(2))
    assert not isinstance(result, HallqError), result
    assert result.label == "A002"
    assert len(events(one, "called")) == 2
    assert queue_law_violations(one) == []


def _wait_for_blocked(engine: QueueEngine, count: int) -> None:
    import time

    with engine.db.engine.connect() as watch:
        for _ in range(500):
            blocked = watch.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted"))
            if blocked.scalar_one() >= count:
                return
            time.sleep(0.01)
    raise AssertionError(f"fewer than {count} lock waits")


def test_cancelling_a_ticket_that_a_window_calls_meanwhile(pair, pg_hall, clock):
    """A supervisor cancels A001 while window 1 calls it; window 1's clerk is waiting to act.

    The cancel, having waited for the ticket, finds it at window 1 and must take window 1's
    turn: it may not change the ticket while the clerk holds the window (the clerk's finish
    would then land on a cancelled ticket).
    """
    import time

    one, two = pair
    url, code = pg_hall
    clerk_db = Database(url)
    clerk = QueueEngine(clerk_db, code, clock=clock)
    one.issue("A")
    outcome: dict[str, Any] = {}
    clerk_holds_window = threading.Event()
    clerk_may_finish = threading.Event()

    def clerk_finishes() -> None:
        def run(s):
            now, _ = clerk._begin(s)
            win = clerk._window(s, 1)  # waits for the call to commit
            clerk_holds_window.set()
            assert clerk_may_finish.wait(10)
            current = clerk._require_current(s, win, ("called", "serving"))
            s.execute(
                sql.FINISH,
                {"ticket_id": current.id, "now": now, "outcome": "done", "handling_s": 1.0},
            )
            clerk._event(s, "finished", now, ticket_id=current.id, window_id=win.id, label="x")

        clerk.db.transaction(run)

    def supervisor_cancels() -> None:
        try:
            outcome["cancel"] = two.cancel("A001")
        except HallqError as e:
            outcome["cancel"] = e

    clerk_thread = threading.Thread(target=clerk_finishes)
    cancel_thread = threading.Thread(target=supervisor_cancels)
    with one.db.session(write=True) as s:
        claiming(one, 1, "A001")(s)
        clerk_thread.start()
        _wait_for_blocked(one, 1)
        cancel_thread.start()
        _wait_for_blocked(one, 2)
    # The call is committed; the clerk holds window 1.
    assert clerk_holds_window.wait(10)
    time.sleep(0.3)
    assert one.find_ticket("A001").status == "called"
    clerk_may_finish.set()
    clerk_thread.join(15)
    cancel_thread.join(15)
    result = outcome["cancel"]
    assert isinstance(result, HallqError) and result.code == "final", result
    kinds = replay(events(one))[one.find_ticket("A001").id].kinds
    assert kinds == ["issued", "called", "finished"]
    assert queue_law_violations(one) == []
    clerk_db.dispose()
