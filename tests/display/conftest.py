"""Fixtures for the board's tests.

* `make_display(url, hall, ...)`: a board wired to its hall and a voice (a `MockVoice` unless
  given), shown offscreen, started, and waited for until it has loaded; stopped afterwards.
* `hall_engine(url, hall, clock=None)`: a `QueueEngine` of its own, like a counter PC's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from common.db import Database
from common.engine import QueueEngine
from common.qt.worker import OperationRunner
from display.app import Display, build
from display.voice import MockVoice, VoiceEngine


@pytest.fixture
def runner() -> Iterator[OperationRunner]:
    r = OperationRunner()
    yield r
    r.shutdown()


@pytest.fixture
def make_display(qtbot, runner) -> Iterator[Any]:
    made: list[Display] = []

    def make(
        url: str,
        hall: str,
        *,
        voice: VoiceEngine | None = None,
        size: tuple[int, int] = (1280, 720),
        wait: bool = True,
        **options: Any,
    ) -> Display:
        display = build(url, hall, runner, voice or MockVoice(), announcer_gaps=(0, 0), **options)
        made.append(display)
        qtbot.addWidget(display.board)
        display.announcer.start()
        display.board.resize(*size)
        display.board.show()
        display.link.start()
        if wait:
            qtbot.waitUntil(lambda: display.board.loaded, timeout=20000)
        return display

    yield make
    for display in made:
        display.link.stop()
        display.announcer.shutdown()


@pytest.fixture
def hall_engine() -> Iterator[Any]:
    databases: list[Database] = []

    def make(url: str, hall: str, clock: Any = None) -> QueueEngine:
        db = Database(url)
        databases.append(db)
        return QueueEngine(db, hall, clock=clock)

    yield make
    for db in databases:
        db.dispose()
