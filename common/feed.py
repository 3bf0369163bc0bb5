"""The change feed: every app learns what happened in the hall, in order, within a blink.

The event log is the truth; a wake-up is only a hint. A client keeps a cursor (the last event
id it has seen) and asks for what came after it:

* SQLite: a dedicated autocommit connection polls `PRAGMA data_version` (~every 20 ms); it
  changes when another connection commits. No read transaction is held open, which would
  freeze it.
* PostgreSQL: a dedicated autocommit connection LISTENs on `hallq_<hall id>`. The queue
  engine's actions wake it right after their COMMIT, in a small transaction of their own
  (`sql.WAKE`, empty payload: PostgreSQL lets notifying transactions commit only one at a
  time); for every other writer a trigger on the event log calls `pg_notify` (payload: the
  event id) inside the writing transaction. Either way the client reads from its cursor.

After a lost connection the watcher reconnects with backoff and catches up from its cursor,
so nothing is lost. PostgreSQL may commit event ids out of order (id 7 can commit after id 8);
`CursorTracker` holds the cursor below such a gap until the missing id shows up or is clearly
abandoned by a rolled-back transaction.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select

from common.db import Database, normalize_url
from common.models import Event

log = logging.getLogger(__name__)

POLL_INTERVAL_S = 0.02
PAGE_SIZE = 1000
# A gap older than this is an id consumed by a transaction that rolled back.
GAP_TIMEOUT_S = 10.0
BACKOFF_S = (0.2, 0.5, 1.0, 2.0, 5.0, 10.0)


@dataclass(frozen=True)
class Change:
    """One entry of the event log."""

    id: int
    kind: str
    at: datetime
    ticket_id: int | None
    window_id: int | None
    staff_id: int | None
    service_id: int | None
    details: dict[str, Any] = field(default_factory=dict)


def latest_cursor(db: Database, hall_id: int) -> int:
    """The id of the newest event (0 when there is none): where a fresh client starts."""
    return db.transaction(
        lambda s: s.execute(
            select(func.coalesce(func.max(Event.id), 0)).where(Event.hall_id == hall_id)
        ).scalar_one(),
        write=False,
    )


def changes_after(db: Database, hall_id: int, cursor: int, limit: int = PAGE_SIZE) -> list[Change]:
    """Events after `cursor`, oldest first (through SQLAlchemy; for tests and tools)."""

    def run(s: Any) -> list[Change]:
        rows = s.execute(
            select(
                Event.id,
                Event.kind,
                Event.at,
                Event.ticket_id,
                Event.window_id,
                Event.staff_id,
                Event.service_id,
                Event.details,
            )
            .where(Event.hall_id == hall_id, Event.id > cursor)
            .order_by(Event.id)
            .limit(limit)
        ).all()
        return [Change(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] or {}) for r in rows]

    return db.transaction(run, write=False)


class CursorTracker:
    """Which events a client has seen, robust to ids that commit out of order."""

    def __init__(self, cursor: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.cursor = cursor
        self._seen_above: set[int] = set()
        self._gap_first_seen: dict[int, float] = {}
        self._clock = clock

    def accept(self, ids: list[int]) -> list[int]:
        """Take the ids a query returned; return the ones not delivered before."""
        fresh = [i for i in ids if i > self.cursor and i not in self._seen_above]
        self._seen_above.update(fresh)
        self._advance()
        return fresh

    def _advance(self) -> None:
        now = self._clock()
        while self._seen_above:
            nxt = self.cursor + 1
            if nxt in self._seen_above:
                self._seen_above.discard(nxt)
                self._gap_first_seen.pop(nxt, None)
                self.cursor = nxt
                continue
            first = self._gap_first_seen.setdefault(nxt, now)
            if now - first >= GAP_TIMEOUT_S:
                self._gap_first_seen.pop(nxt, None)
                self.cursor = nxt
                continue
            break

    @property
    def has_gap(self) -> bool:
        return bool(self._seen_above)


def _parse_sqlite_time(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


class _SqliteWatcher:
    def __init__(self, path: str, hall_id: int) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=5)
        self.conn.execute("PRAGMA busy_timeout = 5000")
        self.hall_id = hall_id
        self.version = -1

    def wait(self, timeout: float) -> bool:
        """Sleep in small steps until another connection commits; True when it did."""
        deadline = time.monotonic() + timeout
        while True:
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self.version:
                self.version = version
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            time.sleep(min(POLL_INTERVAL_S, left))

    def fetch(self, cursor: int, limit: int) -> list[Change]:
        rows = self.conn.execute(
            "SELECT id, kind, at, ticket_id, window_id, staff_id, service_id, details "
            "FROM events WHERE hall_id = ? AND id > ? ORDER BY id LIMIT ?",
            (self.hall_id, cursor, limit),
        ).fetchall()
        return [
            Change(
                r[0],
                r[1],
                _parse_sqlite_time(r[2]),
                r[3],
                r[4],
                r[5],
                r[6],
                json.loads(r[7]) if r[7] else {},
            )
            for r in rows
        ]

    def close(self) -> None:
        self.conn.close()


class _PostgresWatcher:
    def __init__(self, conninfo: str, hall_id: int) -> None:
        import psycopg

        self.conn = psycopg.connect(
            conninfo, autocommit=True, connect_timeout=5, application_name="hallq-feed"
        )
        self.hall_id = hall_id
        self.conn.execute(f"LISTEN hallq_{int(hall_id)}")

    def wait(self, timeout: float) -> bool:
        got = False
        for _ in self.conn.notifies(timeout=timeout, stop_after=1):
            got = True
        if not got:
            # Detect a dead connection even when nothing happens in the hall.
            self.conn.execute("SELECT 1")
        return got

    def fetch(self, cursor: int, limit: int) -> list[Change]:
        rows = self.conn.execute(
            "SELECT id, kind, at, ticket_id, window_id, staff_id, service_id, details "
            "FROM events WHERE hall_id = %s AND id > %s ORDER BY id LIMIT %s",
            (self.hall_id, cursor, limit),
        ).fetchall()
        return [
            Change(
                r[0],
                r[1],
                r[2].astimezone(UTC),
                r[3],
                r[4],
                r[5],
                r[6],
                (json.loads(r[7]) if isinstance(r[7], str) else r[7]) or {},
            )
            for r in rows
        ]

    def close(self) -> None:
        self.conn.close()


class ChangeFeed:
    """Watch one hall's event log on a background thread and hand new changes to a callback.

    Args:
        url: the database URL.
        hall_id: the hall to watch.
        on_changes: called on the watcher thread with each batch of new changes, in id order.
        cursor: start after this event id; None starts after the newest event.
        on_connection: called with (connected, message) when the connection is lost or back.
    """

    def __init__(
        self,
        url: str,
        hall_id: int,
        on_changes: Callable[[list[Change]], None],
        *,
        cursor: int | None = None,
        on_connection: Callable[[bool, str], None] | None = None,
        heartbeat_s: float = 1.0,
    ) -> None:
        self.url = normalize_url(url)
        self.hall_id = hall_id
        self.on_changes = on_changes
        self.on_connection = on_connection
        self.heartbeat_s = heartbeat_s
        self._start_cursor = cursor
        self.tracker: CursorTracker | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = False
        self._reported = False
        self.ready = threading.Event()

    @property
    def cursor(self) -> int:
        return self.tracker.cursor if self.tracker else (self._start_cursor or 0)

    def _connect(self) -> _SqliteWatcher | _PostgresWatcher:
        if self.url.get_backend_name() == "sqlite":
            return _SqliteWatcher(self.url.database or "", self.hall_id)
        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return _PostgresWatcher(conninfo, self.hall_id)

    def _latest(self, watcher: _SqliteWatcher | _PostgresWatcher) -> int:
        if isinstance(watcher, _SqliteWatcher):
            row = watcher.conn.execute(
                "SELECT COALESCE(MAX(id), 0) FROM events WHERE hall_id = ?", (self.hall_id,)
            ).fetchone()
        else:
            row = watcher.conn.execute(
                "SELECT COALESCE(MAX(id), 0) FROM events WHERE hall_id = %s", (self.hall_id,)
            ).fetchone()
        return int(row[0])

    def start(self) -> ChangeFeed:
        self._thread = threading.Thread(target=self._run, name="hallq-feed", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 3.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _set_connected(self, connected: bool, message: str = "") -> None:
        # The first state is always reported, so a feed that never connects says so.
        if connected != self.connected or not self._reported:
            self._reported = True
            self.connected = connected
            if self.on_connection is not None:
                self.on_connection(connected, message)

    def _catch_up(self, watcher: _SqliteWatcher | _PostgresWatcher) -> None:
        assert self.tracker is not None
        while True:
            query_from = self.tracker.cursor
            batch = watcher.fetch(query_from, PAGE_SIZE)
            fresh_ids = set(self.tracker.accept([c.id for c in batch]))
            fresh = [c for c in batch if c.id in fresh_ids]
            if fresh:
                self.on_changes(fresh)
            if len(batch) < PAGE_SIZE:
                return

    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            watcher = None
            try:
                watcher = self._connect()
                if self.tracker is None:
                    start = self._start_cursor
                    self.tracker = CursorTracker(self._latest(watcher) if start is None else start)
                self._set_connected(True)
                attempt = 0
                self.ready.set()
                self._catch_up(watcher)
                while not self._stop.is_set():
                    # While a gap is open, look again soon even without a wake-up.
                    timeout = 0.25 if self.tracker.has_gap else self.heartbeat_s
                    watcher.wait(timeout)
                    self._catch_up(watcher)
            except Exception as e:  # noqa: BLE001 — any failure means: reconnect, then catch up
                message = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
                log.warning("change feed lost its connection: %s", message)
                self._set_connected(False, message)
                delay = BACKOFF_S[min(attempt, len(BACKOFF_S) - 1)]
                attempt += 1
                self._stop.wait(delay)
            finally:
                if watcher is not None:
                    with contextlib.suppress(Exception):
                        watcher.close()
