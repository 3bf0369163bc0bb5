"""The calls before the current one, newest first."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from display.operations import RECENT_LIMIT, CallShown
from display.painting import Segment, around, draw_line, draw_text, panel
from display.palette import BoardPalette


class RecentCalls(QWidget):
    """A list of the last calls; the newest (shown large elsewhere) is left out."""

    def __init__(self, palette: BoardPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self.calls: list[CallShown] = []
        self.rows = 5

    def set_calls(self, calls: tuple[CallShown, ...]) -> None:
        self.calls = list(calls[:RECENT_LIMIT])
        self.update()

    def add(self, call: CallShown) -> None:
        """A new call or a recall moves to the top; a number is listed once."""
        self.calls = [c for c in self.calls if (c.label, c.window) != (call.label, call.window)]
        self.calls.insert(0, call)
        del self.calls[RECENT_LIMIT:]
        self.update()

    def set_rows(self, rows: int) -> None:
        self.rows = max(1, rows)
        self.update()

    def shown(self) -> list[CallShown]:
        return self.calls[1 : 1 + self.rows]

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        card = rect.adjusted(4, 4, -4, -4)
        panel(painter, card, p.panel, p.border, radius=min(card.width(), card.height()) * 0.04)
        pad = card.width() * 0.06
        title_h = min(card.height() * 0.16, card.width() * 0.12)
        draw_text(
            painter,
            QRectF(card.left() + pad, card.top(), card.width() - 2 * pad, title_h),
            self.tr("最近叫号"),
            title_h * 0.55,
            p.muted,
            True,
            Qt.AlignmentFlag.AlignLeft,
        )
        row_h = (card.height() - title_h - pad * 0.5) / self.rows
        before, after = around(self.tr("{window} 号窗口"), "window")
        for index, call in enumerate(self.shown()):
            top = card.top() + title_h + index * row_h
            row = QRectF(card.left() + pad, top, card.width() - 2 * pad, row_h)
            if index:
                painter.setPen(p.border)
                painter.drawLine(row.topLeft(), row.topRight())
            px = row_h * 0.62
            draw_text(
                painter,
                QRectF(row.left(), row.top(), row.width() * 0.48, row.height()),
                call.label,
                px,
                p.number,
                True,
                Qt.AlignmentFlag.AlignLeft,
            )
            draw_line(
                painter,
                QRectF(
                    row.left() + row.width() * 0.48, row.top(), row.width() * 0.52, row.height()
                ),
                [
                    Segment(before, px * 0.6, p.text),
                    Segment(str(call.window), px, p.text, True),
                    Segment(after, px * 0.6, p.text),
                ],
                Qt.AlignmentFlag.AlignRight,
            )
