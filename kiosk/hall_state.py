"""The hall as the kiosk sees it: settings and services, kept fresh by the change feed.

The feed says *that* something changed; the kiosk then reloads the services (one query on the
worker, merged when events come in bursts). While the database cannot be reached the kiosk is
"unavailable" (暂停取号) and retries by itself until it answers again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from common.engine import QueueEngine
from common.errors import DatabaseUnavailable
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from kiosk import operations
from kiosk.operations import HallSnapshot

log = logging.getLogger(__name__)

# Events that change neither waiting counts, expected waits nor what is open.
QUIET_KINDS = frozenset(
    {
        "recalled",
        "started",
        "parked",
        "resumed",
        "rated",
        "feedback",
        "feedback_answered",
        "printed",
        "print_failed",
        "device",
        "notice_changed",
    }
)
# Bursts of events (a day close, a busy minute) become one reload.
MERGE_MS = 150
RETRY_MS = 3000


class HallState(QObject):
    """Loads the hall and keeps it current.

    Args:
        runner: the kiosk's database worker.
        connect: opens the engine (runs on the worker; raises DatabaseUnavailable while down).
        feed_factory: makes the change feed for a hall id; None runs without live updates.

    Signals:
        loaded(object): a fresh `HallSnapshot`.
        availability_changed(bool): False while the database cannot be reached, True again
            once it answers.
    """

    loaded = Signal(object)
    availability_changed = Signal(bool)

    def __init__(
        self,
        runner: OperationRunner,
        connect: Callable[[], QueueEngine],
        feed_factory: Callable[[int], QtChangeFeed] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._connect = connect
        self._feed_factory = feed_factory
        self._feed: QtChangeFeed | None = None
        self.engine: QueueEngine | None = None
        self.snapshot: HallSnapshot | None = None
        self.available: bool | None = None
        self._connecting = False
        self._loading = False
        self._again = False
        self._refresh_settings = False
        self._merge = QTimer(self, singleShot=True, interval=MERGE_MS)
        self._merge.timeout.connect(self._load)
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self._on_retry)

    @property
    def feed(self) -> QtChangeFeed | None:
        return self._feed

    def start(self) -> None:
        self._open()

    def stop(self) -> None:
        self._retry.stop()
        self._merge.stop()
        if self._feed is not None:
            self._feed.stop()

    def reload(self, refresh_settings: bool = False) -> None:
        """Load again soon (merged with other requests)."""
        self._refresh_settings |= refresh_settings
        if self.engine is None:
            self._open()
            return
        self._merge.start()

    def report_failure(self, error: BaseException) -> None:
        """An operation failed; a lost database puts the kiosk into 暂停取号 until it is back."""
        if isinstance(error, DatabaseUnavailable):
            log.warning("database unavailable: %s", error)
            self._set_available(False)

    # -- connecting and loading (results come back on the GUI thread)

    def _open(self) -> None:
        if self._connecting or self.engine is not None:
            return
        self._connecting = True
        connect = self._connect

        def run() -> tuple[QueueEngine, HallSnapshot]:
            engine = connect()
            return engine, operations.load_hall(engine)

        self._runner.submit(run, self._on_opened, self._on_open_failed)

    def _on_opened(self, result: tuple[QueueEngine, HallSnapshot]) -> None:
        self._connecting = False
        self.engine, snapshot = result
        if self._feed_factory is not None:
            self._feed = self._feed_factory(self.engine.hall_id)
            self._feed.changed.connect(self._on_changes)
            self._feed.connection_changed.connect(self._on_connection_changed)
            self._feed.start()
        self._on_loaded(snapshot)

    def _on_open_failed(self, error: BaseException) -> None:
        self._connecting = False
        if not isinstance(error, DatabaseUnavailable):
            log.error("the kiosk cannot open the hall", exc_info=error)
        self.report_failure(error)
        self._set_available(False)

    def _load(self) -> None:
        if self.engine is None:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        engine, refresh = self.engine, self._refresh_settings
        self._refresh_settings = False
        self._runner.submit(
            lambda: operations.load_hall(engine, refresh), self._on_loaded, self._on_load_failed
        )

    def _on_loaded(self, snapshot: HallSnapshot) -> None:
        self._loading = False
        self.snapshot = snapshot
        self._set_available(True)
        self.loaded.emit(snapshot)
        self._load_again_if_asked()

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        if not isinstance(error, DatabaseUnavailable):
            log.error("loading the hall failed", exc_info=error)
        self.report_failure(error)
        self._load_again_if_asked()

    def _load_again_if_asked(self) -> None:
        if self._again:
            self._again = False
            self._merge.start()

    def _set_available(self, available: bool) -> None:
        if available:
            self._retry.stop()
        elif not self._retry.isActive():
            self._retry.start()
        if available != self.available:
            self.available = available
            self.availability_changed.emit(available)

    # -- slots

    def _on_retry(self) -> None:
        if self.engine is None:
            self._open()
        else:
            self._load()

    def _on_changes(self, changes: list[Change]) -> None:
        kinds = {c.kind for c in changes}
        if "settings_changed" in kinds:
            self.reload(refresh_settings=True)
        elif kinds - QUIET_KINDS:
            self.reload()

    def _on_connection_changed(self, connected: bool, why: str) -> None:
        if connected:
            # Catch up on whatever changed while the connection was away.
            self.reload()
        else:
            log.warning("change feed lost the database: %s", why)
            self._set_available(False)
