"""The ticket number on screen, as large as it fits (at least 120 px, up to 280 px)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.qt import theme

MAX_PIXELS = 280
MIN_PIXELS = 120


class BigNumber(QWidget):
    """Paints one ticket number.

    Signals:
        painted(str): the number just reached the screen (the kiosk's tap-to-ticket timing).
    """

    painted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(300)

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt override
        return QSize(700, 300)

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        if not self._text:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        font = theme.app_font()
        font.setBold(True)
        pixels = MAX_PIXELS
        font.setPixelSize(pixels)
        while (
            pixels > MIN_PIXELS and QFontMetrics(font).horizontalAdvance(self._text) > self.width()
        ):
            pixels -= 10
            font.setPixelSize(pixels)
        painter.setFont(font)
        painter.setPen(QColor(theme.GREEN_DARK))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._text)
        painter.end()
        self.painted.emit(self._text)
