"""The latest call, very large: 请 A012 号 到 3 号窗口."""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from display.operations import CallShown
from display.painting import Segment, around, draw_line, draw_text, panel
from display.palette import BoardPalette

HIGHLIGHT_MS = 8000
BLINK_MS = 500
BLINKS = 6


class CurrentCall(QWidget):
    """Shows the newest call; a fresh call (or recall) is highlighted and blinks a few times.

    Signals:
        painted(str, float): the number just painted and `time.perf_counter()` at the end of
            the paint — how the board's speed (commit → on screen) is measured.
    """

    painted = Signal(str, float)

    def __init__(self, palette: BoardPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self.call: CallShown | None = None
        self.highlighted = False
        self._blinks_left = 0
        self._inverted = False
        self._highlight = QTimer(self)
        self._highlight.setSingleShot(True)
        self._highlight.timeout.connect(self._on_highlight_over)
        self._blink = QTimer(self)
        self._blink.setInterval(BLINK_MS)
        self._blink.timeout.connect(self._on_blink)

    def set_call(self, call: CallShown | None) -> None:
        """Show a call without fuss (after loading the board)."""
        self.call = call
        self.update()

    def show_call(self, call: CallShown) -> None:
        """A call that just happened: show it highlighted."""
        self.call = call
        self.highlighted = True
        self._inverted = True
        self._blinks_left = BLINKS
        self._highlight.start(HIGHLIGHT_MS)
        self._blink.start()
        # Paint now rather than at the next turn of the event loop: this is the moment the
        # customer is waiting for.
        self.repaint()

    def _on_blink(self) -> None:
        self._blinks_left -= 1
        self._inverted = not self._inverted if self._blinks_left > 0 else True
        if self._blinks_left <= 0:
            self._blink.stop()
        self.update()

    def _on_highlight_over(self) -> None:
        self.highlighted = False
        self._blink.stop()
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        card = rect.adjusted(4, 4, -4, -4)
        lit = self.highlighted and self._inverted
        panel(painter, card, p.highlight_bg if lit else p.panel, p.border)
        text = p.highlight_fg if lit else p.text
        number = p.highlight_fg if lit else p.number
        h, w = card.height(), card.width()
        inner = card.adjusted(w * 0.04, h * 0.04, -w * 0.04, -h * 0.04)
        h = inner.height()
        if self.call is None:
            draw_text(
                painter,
                QRectF(inner.left(), inner.top() + h * 0.15, inner.width(), h * 0.4),
                self.tr("欢迎光临"),
                h * 0.3,
                text,
                True,
            )
            draw_text(
                painter,
                QRectF(inner.left(), inner.top() + h * 0.58, inner.width(), h * 0.2),
                self.tr("请取号等候叫号"),
                h * 0.13,
                text,
            )
        else:
            caption = self.tr("重复呼叫") if self.call.recall else self.tr("正在呼叫")
            draw_text(
                painter,
                QRectF(inner.left(), inner.top(), inner.width(), h * 0.14),
                caption,
                h * 0.1,
                text,
            )
            before, after = around(self.tr("请 {number} 号"), "number")
            draw_line(
                painter,
                QRectF(inner.left(), inner.top() + h * 0.14, inner.width(), h * 0.5),
                [
                    Segment(before, h * 0.15, text, True),
                    Segment(self.call.label, h * 0.44, number, True),
                    Segment(after, h * 0.15, text, True),
                ],
            )
            before, after = around(self.tr("到 {window} 号窗口"), "window")
            draw_line(
                painter,
                QRectF(inner.left(), inner.top() + h * 0.64, inner.width(), h * 0.36),
                [
                    Segment(before, h * 0.15, text, True),
                    Segment(str(self.call.window), h * 0.32, number, True),
                    Segment(after, h * 0.15, text, True),
                ],
            )
        painter.end()
        if self.call is not None:
            self.painted.emit(self.call.label, time.perf_counter())
