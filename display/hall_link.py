"""The board's link to the hall: one full load, then the change feed.

Calls (`called`, `recalled`, `resumed`) carry their number and window, so they are painted
straight from the feed without a query — that is what keeps commit → paint within the feed's
latency. Other events mark what they touched (a window, the waiting counts, the notices, the
model window) and one small query on the worker thread answers them all; events arriving
meanwhile are folded into the next query.

The board reloads everything only at start, after the database was unreachable, at the
hall's midnight, and when the hall's settings change.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from common.clock import Clock, SystemClock
from common.engine import QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from display import operations
from display.operations import BoardSnapshot, CallShown, Refresh

log = logging.getLogger(__name__)

WINDOW_KINDS = frozenset(
    {
        "started",
        "finished",
        "no_show",
        "transferred",
        "parked",
        "resumed",
        "paused",
        "unpaused",
        "expired",
        "login",
        "logout",
    }
)
COUNT_KINDS = frozenset(
    {"issued", "called", "transferred", "cancelled", "reactivated", "expired", "no_show"}
)
RESYNC_KINDS = frozenset({"settings_changed", "window_changed", "service_changed", "staff_changed"})
# A call older than this when the board learns of it (after an outage) is shown, not spoken.
ANNOUNCE_WITHIN = timedelta(seconds=30)
RETRY_MS = (1000, 2000, 5000, 10000)
# Small queries wait this long after an event, so the paint of a call never competes with
# them for the interpreter, and a burst of events costs one query.
REFRESH_DELAY_MS = 150
MAX_HELD = 500


def next_midnight(now: datetime, zone: object) -> datetime:
    """The next 00:00 in the hall's timezone, as an aware datetime."""
    local = now.astimezone(zone)  # type: ignore[arg-type]
    return datetime.combine(local.date() + timedelta(days=1), time(0), local.tzinfo)


class HallLink(QObject):
    """Keeps the board in step with the hall.

    Args:
        url: the database URL.
        hall: the hall's code.
        runner: the app's background worker (all database work goes through it).
        windows: the windows this board shows (None: all).
        clock: inject a clock (tests); the engine then uses it too.

    Signals:
        loaded(object): a BoardSnapshot (start, reconnect, midnight, settings changed).
        call_made(object): a CallShown to paint now.
        announce(object): a CallShown to speak (fresh calls only).
        window_updated(object): a WindowState.
        counts_updated(object): tuple of ServiceState.
        notices_updated(object): tuple of common.admin.NoticeView.
        model_window_updated(object): the model window of the month, or None.
        connection_changed(bool): False while the database is unreachable.
    """

    loaded = Signal(object)
    call_made = Signal(object)
    announce = Signal(object)
    window_updated = Signal(object)
    counts_updated = Signal(object)
    notices_updated = Signal(object)
    model_window_updated = Signal(object)
    connection_changed = Signal(bool)

    def __init__(
        self,
        url: str,
        hall: str,
        runner: OperationRunner,
        windows: Collection[int] | None = None,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.url = url
        self.hall = hall
        self.runner = runner
        self.windows = frozenset(windows) if windows else None
        self.clock: Clock = clock or SystemClock()
        self._engine_clock = clock
        self.engine: QueueEngine | None = None
        self.feed: QtChangeFeed | None = None
        self.snapshot: BoardSnapshot | None = None
        self.connected = False
        self._attempt = 0
        self._syncing = True
        self._loading = False
        self._sync_again = False
        self._held: list[Change] = []
        self._last_event_id = 0
        self._direct: dict[int, int] = {}
        self._dirty_windows: set[int | None] = set()
        self._dirty_counts = False
        self._dirty_notices = False
        self._dirty_model = False
        self._refreshing = False
        self._voice_problem: str | None = None
        self._voice_reported: str | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._refresh)
        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self._on_midnight)

    # -- starting and full loads

    def start(self) -> None:
        self._open()

    def stop(self) -> None:
        self._retry.stop()
        self._midnight.stop()
        if self.feed is not None:
            self.feed.stop()

    def _open(self) -> None:
        self.runner.submit(
            lambda: operations.open_hall(self.url, self.hall, self._engine_clock),
            self._on_opened,
            self._on_load_failed,
        )

    def _on_opened(self, engine: QueueEngine) -> None:
        self.engine = engine
        self._resync()

    def _resync(self) -> None:
        """Load everything again; feed events meanwhile are held and replayed after."""
        if self.engine is None:
            return
        self._syncing = True
        if self._loading:
            self._sync_again = True
            return
        self._loading = True
        engine, windows = self.engine, self.windows
        self.runner.submit(
            lambda: operations.load_snapshot(engine, windows),
            self._on_snapshot,
            self._on_load_failed,
        )

    def _on_load_failed(self, error: BaseException) -> None:
        log.warning("board cannot load the hall: %s", error)
        self._loading = False
        self._set_connected(False)
        delay = RETRY_MS[min(self._attempt, len(RETRY_MS) - 1)]
        self._attempt += 1
        self._retry.start(delay)

    @Slot()
    def _on_retry(self) -> None:
        if self.engine is None:
            self._open()
        else:
            self._resync()

    def _on_snapshot(self, snapshot: BoardSnapshot) -> None:
        self._loading = False
        self._attempt = 0
        self.snapshot = snapshot
        self._syncing = False
        self._direct.clear()
        self._last_event_id = max(self._last_event_id, snapshot.cursor)
        self.loaded.emit(snapshot)
        if self.feed is None:
            assert self.engine is not None
            self.feed = QtChangeFeed(self.url, self.engine.hall_id, cursor=snapshot.cursor)
            self.feed.changed.connect(self._on_changes)
            self.feed.connection_changed.connect(self._on_feed_connection)
            self.feed.start()
        self._set_connected(True)
        held, self._held = self._held, []
        fresh_after = snapshot.server_now - ANNOUNCE_WITHIN
        for change in held:
            # Events up to the cursor are in the snapshot already; a call made while the board
            # was away is still shown highlighted and spoken if it is recent.
            self._apply(change, newer=change.id > snapshot.cursor, speak=change.at >= fresh_after)
        self._refresh_soon()
        self._arm_midnight()
        self._report_voice()
        if self._sync_again:
            self._sync_again = False
            self._resync()

    # -- the feed

    @Slot(bool, str)
    def _on_feed_connection(self, ok: bool, why: str) -> None:
        if not ok:
            log.warning("board lost the database: %s", why)
            self._syncing = True
            self._set_connected(False)
        elif self._syncing and self.snapshot is not None:
            self._resync()

    @Slot(list)
    def _on_changes(self, changes: list[Change]) -> None:
        for change in changes:
            self._last_event_id = max(self._last_event_id, change.id)
            if self._syncing:
                if len(self._held) < MAX_HELD:
                    self._held.append(change)
                else:
                    self._sync_again = True
                continue
            self._apply(change, newer=True, speak=True)
        self._refresh_soon()

    def _apply(self, change: Change, newer: bool, speak: bool) -> None:
        """Act on one event; `newer`: not yet in the board's data, `speak`: announce a call."""
        kind = change.kind
        window = change.details.get("window")
        if kind in RESYNC_KINDS:
            if newer:
                self._resync()
            return
        if isinstance(window, int) and self.windows and window not in self.windows:
            if kind in COUNT_KINDS:
                self._dirty_counts = True
            return
        if kind in operations.CALL_KINDS and (newer or speak):
            label = change.details.get("label")
            if label and isinstance(window, int):
                call = CallShown(change.id, label, window, change.at, kind != "called")
                self._direct[window] = change.id
                self.call_made.emit(call)
                if speak:
                    self.announce.emit(call)
        if not newer:
            return
        if kind in WINDOW_KINDS:
            self._dirty_windows.add(window if isinstance(window, int) else None)
        if kind in COUNT_KINDS:
            self._dirty_counts = True
        if kind == "notice_changed":
            self._dirty_notices = True
        if kind == "rated":
            self._dirty_model = True

    # -- small refreshes

    def _refresh_soon(self) -> None:
        if not self._refresh_timer.isActive():
            self._refresh_timer.start(REFRESH_DELAY_MS)

    @Slot()
    def _refresh(self) -> None:
        if self._refreshing or self._syncing or self.engine is None:
            return
        if not (
            self._dirty_windows or self._dirty_counts or self._dirty_notices or self._dirty_model
        ):
            return
        engine, stamp, shown = self.engine, self._last_event_id, self.windows
        windows, counts = set(self._dirty_windows), self._dirty_counts
        notices, model = self._dirty_notices, self._dirty_model
        self._dirty_windows.clear()
        self._dirty_counts = self._dirty_notices = self._dirty_model = False
        self._refreshing = True
        self.runner.submit(
            lambda: operations.refresh(engine, stamp, windows, shown, counts, notices, model),
            self._on_refreshed,
            lambda error: self._on_refresh_failed(error, windows, counts, notices, model),
        )

    def _on_refreshed(self, result: Refresh) -> None:
        self._refreshing = False
        if not self._syncing:
            for state in result.windows:
                # A call painted from the feed after this query was asked is newer than it.
                if self._direct.get(state.number, 0) <= result.stamp:
                    self.window_updated.emit(state)
            if result.services is not None:
                self.counts_updated.emit(result.services)
            if result.notices is not None:
                self.notices_updated.emit(result.notices)
            if result.model_loaded:
                self.model_window_updated.emit(result.model_window)
        self._refresh_soon()

    def _on_refresh_failed(
        self,
        error: BaseException,
        windows: set[int | None],
        counts: bool,
        notices: bool,
        model: bool,
    ) -> None:
        log.warning("board refresh failed: %s", error)
        self._refreshing = False
        self._dirty_windows |= windows
        self._dirty_counts |= counts
        self._dirty_notices |= notices
        self._dirty_model |= model
        # The feed notices a lost database by itself; a passing error is simply asked again.
        self._refresh_timer.start(RETRY_MS[0])

    # -- time

    def _arm_midnight(self) -> None:
        assert self.snapshot is not None
        now = self.clock.now()
        wait_s = (next_midnight(now, self.snapshot.settings.zone) - now).total_seconds()
        self._midnight.start(int(min(max(wait_s * 1000 + 50, 200), 2**31 - 1)))

    def today(self) -> date:
        """The hall's date by the board's clock."""
        assert self.snapshot is not None
        return self.clock.now().astimezone(self.snapshot.settings.zone).date()

    @Slot()
    def _on_midnight(self) -> None:
        if self.snapshot is None:
            return
        if self.today() <= self.snapshot.day:
            # Woken early (the timer is only as good as the clock it was set by): wait again.
            self._arm_midnight()
            return
        log.info("new day %s: reloading the board", self.today())
        self._resync()

    # -- connection and health

    def _set_connected(self, connected: bool) -> None:
        if connected != self.connected:
            self.connected = connected
            self.connection_changed.emit(connected)

    def report_voice(self, problem: str) -> None:
        """Record this board's voice health for staff (sent once the hall is loaded)."""
        self._voice_problem = problem
        self._report_voice()

    def _report_voice(self) -> None:
        problem = self._voice_problem
        if self.engine is None or problem is None or problem == self._voice_reported:
            return
        engine = self.engine
        self._voice_reported = problem
        self.runner.submit(
            lambda: operations.report_voice(engine, problem),
            None,
            lambda error: self._on_voice_report_failed(error),
        )

    def _on_voice_report_failed(self, error: BaseException) -> None:
        log.warning("cannot record the voice state: %s", error)
        self._voice_reported = None
