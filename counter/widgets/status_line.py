"""One short line for what just happened or why an action was refused; it fades by itself.

A refused action must not open a dialog: the clerk keeps working with the keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from counter.style import repolish

SHOW_MS = 6000


class StatusLine(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusLine")
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_expired)
        self.setVisible(False)

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show `text` ("info" or "error") for a few seconds."""
        self.setText(text)
        self.setProperty("kind", kind)
        repolish(self)
        self.setVisible(True)
        self._timer.start(SHOW_MS)

    def clear_message(self) -> None:
        self._timer.stop()
        self._on_expired()

    def _on_expired(self) -> None:
        self.clear()
        self.setVisible(False)
