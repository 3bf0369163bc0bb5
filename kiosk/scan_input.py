"""Codes from a USB barcode scanner, which types them like a keyboard and presses Enter."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

# A scanner types a whole code in well under a second; slower keys start a new code.
GAP_S = 1.0
MIN_LENGTH = 8


class ScanInput(QObject):
    """Collects typed characters; Enter hands the code over.

    Signals:
        scanned(str): one scanned code.
    """

    scanned = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._buffer = ""
        self._last = 0.0

    @property
    def collecting(self) -> bool:
        """True while a scan is under way (a key came less than `GAP_S` ago)."""
        return bool(self._buffer) and time.monotonic() - self._last <= GAP_S

    def feed(self, event: QKeyEvent) -> bool:
        """Take a key event; True when it was part of a scan."""
        now = time.monotonic()
        if now - self._last > GAP_S:
            self._buffer = ""
        self._last = now
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            code, self._buffer = self._buffer.strip(), ""
            if len(code) >= MIN_LENGTH:
                self.scanned.emit(code)
                return True
            return False
        text = event.text()
        if text and text.isprintable():
            self._buffer += text
            return True
        return False
