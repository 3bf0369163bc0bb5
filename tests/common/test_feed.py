"""The change feed: order, no loss, catch-up after a lost connection, ids committed out of order."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from common.db import Database
from common.engine import QueueEngine
from common.feed import GAP_TIMEOUT_S, Change, ChangeFeed, CursorTracker, changes_after


class Collector:
    def __init__(self) -> None:
        self.changes: list[Change] = []
        self.connection: list[bool] = []
        self._cond = threading.Condition()

    def on_changes(self, batch: list[Change]) -> None:
        with self._cond:
            self.changes.extend(batch)
            self._cond.notify_all()

    def on_connection(self, ok: bool, _why: str) -> None:
        with self._cond:
            self.connection.append(ok)
            self._cond.notify_all()

    def wait_for(self, predicate, timeout: float = 15.0) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():
                left = deadline - time.monotonic()
                assert left > 0, "timed out waiting for the feed"
                self._cond.wait(left)

    def issued_labels(self) -> list[str]:
        return [c.details["label"] for c in self.changes if c.kind == "issued"]


def test_tracker_delivers_each_id_once_and_waits_for_a_gap():
    now = [0.0]
    tracker = CursorTracker(10, clock=lambda: now[0])
    assert tracker.accept([11, 13]) == [11, 13]
    assert tracker.cursor == 11 and tracker.has_gap
    # The same rows come back on the next query (cursor held below the gap): not again.
    assert tracker.accept([13]) == []
    assert tracker.accept([12, 13, 14]) == [12, 14]
    assert tracker.cursor == 14 and not tracker.has_gap


def test_tracker_gives_up_on_a_gap_left_by_a_rollback():
    now = [0.0]
    tracker = CursorTracker(0, clock=lambda: now[0])
    tracker.accept([1, 3])
    assert tracker.cursor == 1
    now[0] += GAP_TIMEOUT_S + 0.1
    tracker.accept([])
    assert tracker.cursor == 3 and not tracker.has_gap


def test_feed_sees_changes_of_another_process_in_order(db_hall):
    url, hall_code = db_hall
    db = Database(url)
    engine = QueueEngine(db, hall_code)
    got = Collector()
    feed = ChangeFeed(url, engine.hall_id, got.on_changes).start()
    try:
        assert feed.ready.wait(10)
        script = (
            "import sys\n"
            "from common.db import Database\n"
            "from common.engine import QueueEngine\n"
            "e = QueueEngine(Database(sys.argv[1]), sys.argv[2])\n"
            "for _ in range(30): e.issue('A')\n"
            "e.call_next(1)\n"
        )
        subprocess.run([sys.executable, "-c", script, url, hall_code], check=True, timeout=120)
        got.wait_for(lambda: any(c.kind == "called" for c in got.changes))
        assert got.issued_labels() == [f"A{n:03d}" for n in range(1, 31)]
        ids = [c.id for c in got.changes]
        assert ids == sorted(ids) and len(set(ids)) == len(ids)
        called = next(c for c in got.changes if c.kind == "called")
        assert called.details == {"label": "A001", "window": 1}
    finally:
        feed.stop()
        db.dispose()


def test_feed_starts_from_a_given_cursor(db_hall):
    url, hall_code = db_hall
    db = Database(url)
    engine = QueueEngine(db, hall_code)
    for _ in range(3):
        engine.issue("B")
    first = changes_after(db, engine.hall_id, 0)
    got = Collector()
    feed = ChangeFeed(url, engine.hall_id, got.on_changes, cursor=first[0].id).start()
    try:
        got.wait_for(lambda: len(got.issued_labels()) == 2)
        assert got.issued_labels() == ["B002", "B003"]
    finally:
        feed.stop()
        db.dispose()


@pytest.mark.pg
def test_feed_catches_up_after_its_connection_is_killed(pg_hall):
    url, hall_code = pg_hall
    db = Database(url)
    engine = QueueEngine(db, hall_code)
    got = Collector()
    feed = ChangeFeed(url, engine.hall_id, got.on_changes, on_connection=got.on_connection)
    feed.start()
    try:
        assert feed.ready.wait(10)
        engine.issue("A")
        got.wait_for(lambda: len(got.issued_labels()) == 1)
        import psycopg

        from common.db import normalize_url

        admin = (
            normalize_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        )
        with psycopg.connect(admin, autocommit=True) as conn:
            killed = conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE application_name = 'hallq-feed' AND datname = current_database()"
            ).fetchall()
        assert killed, "the feed's connection was not found"
        # Changes made while the feed is down are not lost: it reconnects and catches up.
        for _ in range(5):
            engine.issue("A")
        got.wait_for(lambda: False in got.connection)
        got.wait_for(lambda: len(got.issued_labels()) == 6, timeout=30)
        assert got.issued_labels() == [f"A{n:03d}" for n in range(1, 7)]
        assert got.connection[-1] is True
    finally:
        feed.stop()
        db.dispose()


def test_feed_reports_an_unreachable_database_and_keeps_trying(tmp_path):
    got = Collector()
    missing = tmp_path / "nowhere" / "hall.db"
    feed = ChangeFeed(
        f"sqlite:///{missing.as_posix()}", 1, got.on_changes, on_connection=got.on_connection
    ).start()
    try:
        got.wait_for(lambda: False in got.connection)
        assert feed.connected is False
    finally:
        feed.stop()
