"""Fixtures for the kiosk: a real kiosk window on a fresh demo hall, with a Dummy printer.

* `hall_url`: a fresh SQLite demo hall (the kiosk runs on SQLite in most halls).
* `printer_output`: what the kiosk's printer was sent (a python-escpos `Dummy`).
* `make_kiosk(...)`: builds, starts and shows a kiosk; waits until the hall has loaded.
* `staff_engine`: the same hall as seen from a counter PC (on the test clock).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from escpos.printer import Dummy

from common.db import Database
from common.engine import QueueEngine
from common.printing import PrinterSpec
from common.qt.feed import QtChangeFeed
from common.qt.i18n import install_translations
from kiosk.app import Kiosk, build_kiosk
from kiosk.kiosk_window import CATALOGS
from kiosk.ticket_printer import KioskPrinter


class DummyPrinters:
    """Hands out Dummy printers and keeps every one, so a test can read what was printed."""

    def __init__(self) -> None:
        self.printers: list[Dummy] = []
        self.factory: Callable[[], Any] = Dummy

    def __call__(self) -> Dummy:
        printer = self.factory()
        self.printers.append(printer)
        return printer

    @property
    def output(self) -> bytes:
        return b"".join(p.output for p in self.printers)


@pytest.fixture(autouse=True)
def _chinese_after_each_test(qapp) -> Iterator[None]:
    """A test that switches the kiosk to English must not leave the next one in English."""
    yield
    install_translations(qapp, "zh_CN", CATALOGS)


@pytest.fixture
def hall_url(sqlite_url) -> str:
    return sqlite_url


@pytest.fixture
def printer_output() -> DummyPrinters:
    return DummyPrinters()


@pytest.fixture
def staff_engine(hall_url, clock) -> Iterator[QueueEngine]:
    db = Database(hall_url)
    yield QueueEngine(db, "main", clock=clock)
    db.dispose()


@pytest.fixture
def make_kiosk(qtbot, qapp, hall_url, clock, printer_output) -> Iterator[Callable[..., Kiosk]]:
    built: list[Kiosk] = []
    databases: list[Database] = []

    def make(
        *,
        printer: KioskPrinter | None = None,
        feed: bool = False,
        kiosk_mode: bool = False,
        language: str = "zh_CN",
        size: tuple[int, int] = (1080, 1920),
    ) -> Kiosk:
        def connect() -> QueueEngine:
            db = Database(hall_url)
            databases.append(db)
            return QueueEngine(db, "main", clock=clock)

        # As `kiosk.app.main` does: the PC's language is installed before the kiosk is built.
        install_translations(qapp, language, CATALOGS)
        kiosk = build_kiosk(
            connect,
            printer or KioskPrinter(PrinterSpec("file", "dummy"), 2.0, 384, printer_output),
            language=language,
            kiosk_mode=kiosk_mode,
            feed_factory=(lambda hall_id: QtChangeFeed(hall_url, hall_id)) if feed else None,
        )
        built.append(kiosk)
        qtbot.addWidget(kiosk.window)
        kiosk.window.resize(*size)
        kiosk.window.show()
        kiosk.start()
        qtbot.waitUntil(lambda: kiosk.hall.available is True, timeout=10_000)
        return kiosk

    yield make
    for kiosk in built:
        kiosk.window._unlocked = True
        kiosk.shutdown()
    for db in databases:
        db.dispose()
