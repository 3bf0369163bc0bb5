"""One background worker per app: database and printer work off the GUI thread, in order.

A screen's slot calls `runner.submit(fn, on_success, on_failure)`; `fn` runs on the worker
thread, and the callbacks run later on the GUI thread (Anki's `taskman` habit).
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

_STOP = object()


class OperationRunner(QObject):
    """Runs operations one after another on a single background thread.

    Signals:
        busy_changed(bool): True while operations are queued or running.
    """

    busy_changed = Signal(bool)
    # Carries a zero-argument closure to run on the GUI thread.
    _done = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Any] = queue.Queue()
        self._pending = 0
        self._lock = threading.Lock()
        self._done.connect(self._deliver)
        self._thread = threading.Thread(target=self._loop, name="hallq-worker", daemon=True)
        self._thread.start()

    @property
    def pending(self) -> int:
        with self._lock:
            return self._pending

    def submit(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        with self._lock:
            self._pending += 1
            first = self._pending == 1
        if first:
            self.busy_changed.emit(True)
        self._queue.put((fn, on_success, on_failure))

    def _loop(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            fn, on_success, on_failure = item
            try:
                result = fn()
            except Exception as e:  # noqa: BLE001 — handed to the GUI thread as a failure
                self._done.emit(lambda e=e, cb=on_failure: self._fail(cb, e))
            else:
                self._done.emit(lambda r=result, cb=on_success: cb(r) if cb else None)

    @staticmethod
    def _fail(on_failure: Callable[[BaseException], None] | None, error: BaseException) -> None:
        if on_failure is not None:
            on_failure(error)
        else:
            log.error("background operation failed", exc_info=error)

    @Slot(object)
    def _deliver(self, closure: Callable[[], None]) -> None:
        with self._lock:
            self._pending -= 1
            idle = self._pending == 0
        try:
            closure()
        finally:
            if idle:
                self.busy_changed.emit(False)

    def shutdown(self, timeout: float = 5.0) -> None:
        self._queue.put(_STOP)
        self._thread.join(timeout)
