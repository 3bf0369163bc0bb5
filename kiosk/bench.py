"""How fast a tap becomes a ticket on screen (`hallq bench`: kiosk.tap_to_ticket_ms).

The real kiosk window, offscreen, on the given database: tap a service tile, and time until
the ticket screen has painted the issued number. Each tap issues a real ticket, so point it
at a scratch database.
"""

from __future__ import annotations

import os
import statistics
import time

EACH_TAP_TIMEOUT_MS = 10_000


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def measure_tap_to_ticket(db_url: str, hall: str = "main", taps: int = 50) -> dict:
    """Tap `taps` times; return {"p50_ms", "p95_ms", "n"} from tap to painted number."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from common.printing import PrinterSpec
    from common.qt import theme
    from kiosk import operations
    from kiosk.app import build_kiosk, wait_until_loaded
    from kiosk.ticket_printer import KioskPrinter

    app = QApplication.instance() or QApplication([])
    if not isinstance(app, QApplication):
        raise RuntimeError("the kiosk bench needs a QApplication, not a QCoreApplication")
    theme.apply_base_font(app)
    kiosk = build_kiosk(lambda: operations.connect(db_url, hall), KioskPrinter(PrinterSpec("none")))
    window = kiosk.window
    samples: list[float] = []
    try:
        window.resize(1080, 1920)
        window.show()
        kiosk.start()
        if not wait_until_loaded(kiosk) or not kiosk.hall.available:
            raise RuntimeError(f"the kiosk could not load hall {hall!r} from {db_url}")
        tiles = window.home.services.tiles
        code = next(c for c, t in tiles.items() if t.state.open_now and not t.state.is_complaint)
        loop = QEventLoop()
        deadline = QTimer(singleShot=True, interval=EACH_TAP_TIMEOUT_MS)
        deadline.timeout.connect(loop.quit)
        painted_at: list[float] = []

        def on_painted(text: str) -> None:
            if text and not painted_at:
                painted_at.append(time.perf_counter())
                loop.quit()

        window.ticket.number.painted.connect(on_painted)
        for _ in range(taps):
            painted_at.clear()
            tile = window.home.services.tiles[code]
            start = time.perf_counter()
            QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
            if not painted_at:
                deadline.start()
                loop.exec()
                deadline.stop()
            if not painted_at:
                raise RuntimeError("the ticket screen did not show a number in time")
            samples.append((painted_at[0] - start) * 1000)
            window.go_home()
            app.processEvents()
        window.ticket.number.painted.disconnect(on_painted)
    finally:
        kiosk.shutdown()
        window.close()
    return {
        "p50_ms": round(statistics.median(samples), 1),
        "p95_ms": round(_percentile(samples, 0.95), 1),
        "n": len(samples),
    }
