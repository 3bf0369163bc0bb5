"""The queue's invariants under random sequences of everything staff and customers do.

After every step, against the database:
* numbers are unique and gap-free per service and day, and match the day's counter;
* a window holds at most one current ticket; a ticket is with at most one window;
* replaying the event log gives every ticket's current status and window;
* a refused action wrote nothing at all;
* `call_next` gives the head of `waiting(window)`, the order the hall's screens show;
* once anything was written on a new day, nothing of earlier days is still open.
At the end the day is closed: every ticket ends in exactly one final state.

Rules are mostly tried where they apply (a window with a called ticket is recalled, not an idle
one), so that the random walk reaches deep states; refusals still happen on the way.
"""

from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from common import hall, schema
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from common.errors import BadInput, HallqError, NothingToDo, Refused
from common.models import FINAL_STATUSES, Window
from tests.common.hall_db import events, queue_law_violations, replay, snapshot, tickets
from tests.conftest import START

WINDOW_NUMBERS = (1, 2, 3, 4)
WINDOWS = st.sampled_from(WINDOW_NUMBERS)
SERVICES = st.sampled_from(["A", "B", "C"])
PICK = st.integers(min_value=0, max_value=40)


@dataclass
class HallView:
    """What the hall looks like after the last step (read from the database)."""

    current: dict[int, str] = field(default_factory=dict)  # window → called | serving
    parked: set[int] = field(default_factory=set)  # windows with parked tickets
    paused: set[int] = field(default_factory=set)
    labels: list[str] = field(default_factory=list)  # today's tickets
    waiting: list[str] = field(default_factory=list)  # today's waiting tickets
    no_shows: list[str] = field(default_factory=list)  # today's no-shows

    def windows_with(self, *statuses: str) -> list[int]:
        return [w for w, status in self.current.items() if status in statuses]


def _has(*statuses: str):
    return lambda self: bool(self.view.windows_with(*statuses))


class QueueMachine(RuleBasedStateMachine):
    """One small hall (windows 1–4, services A–C) driven by random actions."""

    template: Path
    folder: Path
    _numbers = itertools.count()

    def __init__(self) -> None:
        super().__init__()
        path = self.folder / f"hall{next(self._numbers)}.db"
        shutil.copyfile(self.template, path)
        self.db = Database(f"sqlite:///{path.as_posix()}")
        self.clock = ManualClock(START)
        self.engine = QueueEngine(self.db, "main", clock=self.clock)
        self.view = HallView()
        self.wrote_on = None  # the last service day with a successful write
        self.before = snapshot(self.engine)  # the database as the last step left it

    # -- helpers

    def act(self, fn, *args, **kwargs):
        """Run one engine action; a refusal must be typed and must leave no trace."""
        try:
            result = fn(*args, **kwargs)
        except HallqError as e:
            assert isinstance(e, BadInput | NothingToDo | Refused), repr(e)
            if self.before is not None:
                assert snapshot(self.engine) == self.before, f"{fn.__name__} ({e.code}) wrote"
            return None
        self.wrote_on = self.engine.service_day(self.clock.now())
        self.before = None  # changed since; the next invariant check takes a new snapshot
        return result

    def observe(self, rows) -> None:
        today = self.engine.service_day(self.clock.now())
        number_of = {
            w.id: w.number
            for w in self.db.transaction(
                lambda s: list(s.execute(select(Window.id, Window.number))),
                write=False,
            )
        }
        paused = self.db.transaction(
            lambda s: set(s.execute(select(Window.number).where(Window.paused)).scalars()),
            write=False,
        )
        view = HallView(paused=paused)
        # Earlier days' tickets are expired by the next write: only today's count.
        for t in (t for t in rows if t.day == today):
            if t.status in ("called", "serving"):
                view.current[number_of[t.window_id]] = t.status
            elif t.status == "parked":
                view.parked.add(number_of[t.window_id])
            view.labels.append(t.label)
            if t.status == "waiting":
                view.waiting.append(t.label)
            elif t.status == "no_show":
                view.no_shows.append(t.label)
        self.view = view

    @staticmethod
    def pick(labels: list[str], pick: int) -> str:
        return labels[pick % len(labels)] if labels else "A001"

    def choose(self, windows: list[int], pick: int) -> int:
        return windows[pick % len(windows)]

    # -- customers

    @rule(service=SERVICES, priority=st.sampled_from(["none", "none", "none", "elderly"]))
    def issue(self, service, priority):
        issued = self.act(self.engine.issue, service, priority)
        if issued is not None:
            assert issued.ticket.status == "waiting"
            assert issued.ahead >= 0 and issued.expected_wait_min >= 0

    @rule(services=st.lists(SERVICES, min_size=2, max_size=3))
    def a_group_arrives(self, services):
        for service in services:
            self.issue(service, "none")

    # -- counters

    @rule(window=WINDOWS)
    def call_next(self, window):
        self.call_and_check(window)

    def call_and_check(self, window):
        state = self.engine.window_state(window)
        head = self.engine.waiting(window)
        called = self.act(self.engine.call_next, window)
        if state.state != "idle":
            assert called is None
        elif called is None:
            assert head == []
        else:
            assert called.label == head[0].label
            assert (called.status, called.window) == ("called", window)
        return called

    @rule(window=WINDOWS, then=st.sampled_from(["finish", "serve", "no_show", "park"]))
    def a_customer_is_served(self, window, then):
        """The usual cycle at a counter: call the next customer, then deal with them."""
        if self.call_and_check(window) is None:
            return
        if then == "serve":
            assert self.act(self.engine.start, window).status == "serving"
        if then in ("finish", "serve"):
            assert self.act(self.engine.finish, window).status == "done"
        elif then == "no_show":
            assert self.act(self.engine.no_show, window).status == "no_show"
        else:
            assert self.act(self.engine.park, window).status == "parked"

    @rule(window=WINDOWS, pick=PICK, any_ticket=st.booleans())
    def call_specific(self, window, pick, any_ticket):
        label = self.pick(self.view.labels if any_ticket else self.view.waiting, pick)
        before = {t.label: t for t in self.engine.waiting()}
        called = self.act(self.engine.call_specific, window, label)
        if called is not None:
            assert label in before
            assert before[label].target_window in (None, window)

    @precondition(_has("called"))
    @rule(pick=PICK)
    def recall(self, pick):
        window = self.choose(self.view.windows_with("called"), pick)
        current = self.engine.window_state(window).current
        result = self.act(self.engine.recall, window)
        assert current is not None and result is not None
        if current.recall_count >= self.engine.settings.recall_limit:
            assert result.status == "no_show"
        else:
            assert (result.status, result.recall_count) == ("called", current.recall_count + 1)

    @precondition(_has("called"))
    @rule(pick=PICK)
    def start(self, pick):
        assert self.act(self.engine.start, self.choose(self.view.windows_with("called"), pick))

    @precondition(_has("called", "serving"))
    @rule(pick=PICK, outcome=st.sampled_from(["done", "referred"]))
    def finish(self, pick, outcome):
        window = self.choose(self.view.windows_with("called", "serving"), pick)
        assert self.act(self.engine.finish, window, outcome).status == "done"

    @precondition(_has("called"))
    @rule(pick=PICK)
    def no_show(self, pick):
        assert self.act(self.engine.no_show, self.choose(self.view.windows_with("called"), pick))

    @precondition(_has("called", "serving"))
    @rule(
        pick=PICK,
        to_service=st.sampled_from([None, "A", "B", "C"]),
        to_window=st.sampled_from([None, *WINDOW_NUMBERS]),
    )
    def transfer(self, pick, to_service, to_window):
        window = self.choose(self.view.windows_with("called", "serving"), pick)
        moved = self.act(self.engine.transfer, window, to_service, to_window, "note")
        if moved is not None:
            assert (moved.status, moved.window, moved.target_window) == ("waiting", None, to_window)

    @precondition(_has("called", "serving"))
    @rule(pick=PICK)
    def park(self, pick):
        window = self.choose(self.view.windows_with("called", "serving"), pick)
        assert self.act(self.engine.park, window).status == "parked"

    @precondition(lambda self: bool(self.view.parked))
    @rule(pick=PICK, which=st.booleans())
    def resume(self, pick, which):
        window = self.choose(sorted(self.view.parked), pick)
        label = self.pick(self.view.labels, pick) if which else None
        resumed = self.act(self.engine.resume, window, label)
        if resumed is not None:
            assert (resumed.status, resumed.window) == ("called", window)

    @rule(window=WINDOWS)
    def pause(self, window):
        self.act(self.engine.pause, window, "break")

    @precondition(lambda self: bool(self.view.paused))
    @rule(pick=PICK)
    def unpause(self, pick):
        assert self.act(self.engine.unpause, self.choose(sorted(self.view.paused), pick))

    @rule(pick=PICK, any_ticket=st.booleans())
    def cancel(self, pick, any_ticket):
        self.act(
            self.engine.cancel,
            self.pick(self.view.labels if any_ticket else self.view.waiting, pick),
        )

    @precondition(lambda self: bool(self.view.no_shows))
    @rule(pick=PICK)
    def reactivate(self, pick):
        back = self.act(self.engine.reactivate, self.pick(self.view.no_shows, pick))
        if back is not None:
            assert (back.status, back.window) == ("waiting", None)

    # -- time

    @rule(minutes=st.sampled_from([0.5, 2, 7, 25, 45]))
    def advance(self, minutes):
        self.clock.advance(minutes=minutes)

    @precondition(lambda self: self.clock.now().astimezone(START.tzinfo).hour >= 10)
    @rule(close=st.booleans())
    def next_morning(self, close):
        """Skip to 09:00 the next day, after at least an hour of this one."""
        local = self.clock.now().astimezone(START.tzinfo)
        self.clock.set(local.replace(hour=9, minute=0, second=0) + timedelta(days=1))
        if close:
            self.engine.close_day()
            self.wrote_on = self.engine.service_day(self.clock.now())

    # -- invariants

    @invariant()
    def queue_laws_hold(self):
        violations = queue_law_violations(self.engine)
        assert not violations, violations
        rows = tickets(self.engine)
        today = self.engine.service_day(self.clock.now())
        if self.wrote_on == today:
            left = [t.label for t in rows if t.day < today and t.status not in FINAL_STATUSES]
            assert not left, f"today's first write left earlier days open: {left}"
        self.observe(rows)
        self.before = snapshot(self.engine)

    def teardown(self):
        try:
            self.clock.advance(days=1)
            self.engine.close_day()
            rows = tickets(self.engine)
            assert all(t.status in FINAL_STATUSES for t in rows)
            rebuilt = replay(events(self.engine))
            for t in rows:
                kinds = rebuilt[t.id].kinds or []
                assert kinds[-1] in ("finished", "no_show", "cancelled", "expired"), kinds
            violations = queue_law_violations(self.engine)
            assert not violations, violations
        finally:
            self.db.dispose()


@pytest.fixture(scope="module")
def template_hall(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("machine")
    path = folder / "template.db"
    db = Database(f"sqlite:///{path.as_posix()}")
    schema.upgrade(db)
    db.transaction(lambda s: hall.seed_demo(s, "main"))
    db.dispose()
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    return path


def test_queue_invariants_hold_under_random_actions(template_hall):
    QueueMachine.template = template_hall
    QueueMachine.folder = template_hall.parent
    run_state_machine_as_test(
        QueueMachine,
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
