"""Many PCs at once: kiosk processes issue while counter processes call, on one database.

Afterwards, from the tickets and the event log: every number was issued exactly once and
gap-free per service; every ticket was called exactly once, by one window, and finished; no
window ever held two current tickets.
"""

from __future__ import annotations

import multiprocessing
import time
import traceback
from collections import Counter, defaultdict
from datetime import datetime, timedelta

import pytest

from common import hall
from common.db import Database
from common.engine import QueueEngine
from common.errors import NothingToDo
from common.hall import hall_id_for
from common.models import Service
from tests.common.hall_db import events, queue_law_violations, tickets
from tests.conftest import START

KIOSKS = 2
TICKETS_PER_KIOSK = 100
COUNTERS = 8
SERVICES = "ABCDE"
JOIN_TIMEOUT_S = 240


class SharedClock:
    """Hall time that starts at `start` when the wall clock read `wall0`, in every process."""

    def __init__(self, start: datetime, wall0: float) -> None:
        self.start = start
        self.wall0 = wall0

    def now(self) -> datetime:
        return self.start + timedelta(seconds=time.time() - self.wall0)


def _open(url: str, hall_code: str, start: datetime, wall0: float) -> QueueEngine:
    return QueueEngine(Database(url, pool_size=1), hall_code, clock=SharedClock(start, wall0))


def kiosk(url, hall_code, start, wall0, number, go, results) -> None:
    try:
        engine = _open(url, hall_code, start, wall0)
        go.wait()
        labels = [
            engine.issue(SERVICES[(number + i) % len(SERVICES)]).ticket.label
            for i in range(TICKETS_PER_KIOSK)
        ]
        results.put(("kiosk", number, labels))
    except BaseException:  # noqa: BLE001 — reported to the test, which fails on it
        results.put(("error", number, traceback.format_exc()))


def counter(url, hall_code, start, wall0, window, go, kiosks_done, results) -> None:
    try:
        engine = _open(url, hall_code, start, wall0)
        called = []
        go.wait()
        while True:
            try:
                ticket = engine.call_next(window)
            except NothingToDo:
                if kiosks_done.is_set() and not engine.waiting():
                    break
                time.sleep(0.005)  # let the kiosks and the other counters have the database
                continue
            called.append(ticket.label)
            engine.finish(window)
        results.put(("counter", window, called))
    except BaseException:  # noqa: BLE001 — reported to the test, which fails on it
        results.put(("error", window, traceback.format_exc()))


def _add_windows(url: str, hall_code: str) -> None:
    """Windows 7 and 8 serve every service, so eight counters work at once."""

    def run(s):
        hall_id = hall_id_for(s, hall_code)
        ids = [
            sid
            for (sid,) in s.query(Service.id)
            .filter(Service.hall_id == hall_id)
            .order_by(Service.id)
        ]
        for number in (7, 8):
            hall.add_window(s, hall_id, number, [(sid, 0) for sid in ids])

    db = Database(url)
    db.transaction(run)
    db.dispose()


@pytest.mark.slow
def test_kiosks_and_counters_at_once(db_hall):
    url, hall_code = db_hall
    _add_windows(url, hall_code)
    ctx = multiprocessing.get_context("spawn")
    go, kiosks_done = ctx.Event(), ctx.Event()
    results = ctx.Queue()
    start, wall0 = START + timedelta(hours=1), time.time()
    kiosks = [
        ctx.Process(target=kiosk, args=(url, hall_code, start, wall0, n, go, results))
        for n in range(KIOSKS)
    ]
    counters = [
        ctx.Process(
            target=counter, args=(url, hall_code, start, wall0, w, go, kiosks_done, results)
        )
        for w in range(1, COUNTERS + 1)
    ]
    for p in kiosks + counters:
        p.start()
    go.set()
    reports = []
    for _ in kiosks:
        reports.append(results.get(timeout=JOIN_TIMEOUT_S))
    kiosks_done.set()
    for _ in counters:
        reports.append(results.get(timeout=JOIN_TIMEOUT_S))
    for p in kiosks + counters:
        p.join(JOIN_TIMEOUT_S)
    errors = [r[2] for r in reports if r[0] == "error"]
    assert not errors, errors[0]
    assert all(p.exitcode == 0 for p in kiosks + counters)

    issued = [label for kind, _, labels in reports if kind == "kiosk" for label in labels]
    called = [label for kind, _, labels in reports if kind == "counter" for label in labels]
    assert len(issued) == len(set(issued)) == KIOSKS * TICKETS_PER_KIOSK
    assert sorted(called) == sorted(issued)

    db = Database(url)
    engine = QueueEngine(db, hall_code, clock=SharedClock(start, wall0))
    rows = tickets(engine)
    by_service = defaultdict(list)
    for t in rows:
        by_service[t.issue_service_id].append(t.number)
    per_service = KIOSKS * TICKETS_PER_KIOSK // len(SERVICES)
    assert {sid: sorted(n) for sid, n in by_service.items()} == {
        sid: list(range(1, per_service + 1)) for sid in by_service
    }
    assert Counter(t.status for t in rows) == {"done": KIOSKS * TICKETS_PER_KIOSK}

    log = events(engine)
    calls = Counter(e.ticket_id for e in log if e.kind == "called")
    assert set(calls.values()) == {1} and len(calls) == len(rows)
    assert Counter(e.kind for e in log if e.kind == "finished")["finished"] == len(rows)
    holding: dict[int, int] = {}
    for e in log:
        if e.kind == "called":
            assert e.window_id not in holding, f"window {e.window_id} called a second ticket"
            holding[e.window_id] = e.ticket_id
        elif e.kind == "finished":
            assert holding.pop(e.window_id) == e.ticket_id
    assert queue_law_violations(engine) == []
    db.dispose()
