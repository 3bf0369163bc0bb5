"""Fixtures of the counter's Qt tests.

* `hall_engine`: a `QueueEngine` on a fresh SQLite demo hall, on the real clock (the console's
  timers run on it too).
* `runner`: the app's background worker; shut down after the test.
* `feed`: the real change feed on that database, started at the newest event.
* `log_in`: log a demo account in (password `demo`) and get its `LoginResult`.
* `settle`: wait until a screen has no load or action on its way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from common import staff
from common.db import Database
from common.engine import QueueEngine
from common.feed import latest_cursor
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from common.staff import LoginResult

TIMEOUT_MS = 20_000
# The offscreen platform warns on every top-level window it shows; that is not our warning.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def hall_engine(sqlite_url) -> Iterator[QueueEngine]:
    db = Database(sqlite_url)
    yield QueueEngine(db, "main")
    db.dispose()


@pytest.fixture
def runner(qtbot) -> Iterator[OperationRunner]:
    worker = OperationRunner()
    yield worker
    worker.shutdown()


@pytest.fixture
def feed(qtbot, hall_engine, sqlite_url) -> Iterator[QtChangeFeed]:
    watcher = QtChangeFeed(
        sqlite_url, hall_engine.hall_id, latest_cursor(hall_engine.db, hall_engine.hall_id)
    )
    watcher.start()
    assert watcher.wait_ready(5)
    yield watcher
    watcher.stop()


@pytest.fixture
def log_in(hall_engine) -> Callable[..., LoginResult]:
    def run(login: str = "1001", window: int | None = 1, takeover: bool = False) -> LoginResult:
        return staff.login(hall_engine, login, "demo", window, takeover=takeover)

    return run


@pytest.fixture
def settle(qtbot, runner) -> Callable[..., None]:
    def wait(screen=None) -> None:  # type: ignore[no-untyped-def]
        def idle() -> bool:
            busy = getattr(screen, "busy", False) if screen is not None else False
            return runner.pending == 0 and not busy

        qtbot.waitUntil(idle, timeout=TIMEOUT_MS)

    return wait
