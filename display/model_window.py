"""The model window of the month (本月标兵窗口), from the customers' ratings."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from display.painting import (
    Segment,
    around,
    draw_line,
    draw_text,
    draw_wrapped,
    panel,
    wrapped_px,
)
from display.palette import BoardPalette


def star(center: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(center.x() + r * math.cos(angle), center.y() + r * math.sin(angle)))
    return QPolygonF(points)


class ModelWindowCard(QWidget):
    """Window, clerk, average score and number of ratings of this month's best window."""

    def __init__(self, palette: BoardPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self.model: Any = None
        self.known = False

    def set_model(self, model: Any) -> None:
        """A `common.reports.ModelWindow`, or None while no window has enough ratings."""
        self.model = model
        self.known = True
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        card = rect.adjusted(4, 4, -4, -4)
        panel(painter, card, p.panel, p.border, radius=min(card.width(), card.height()) * 0.08)
        h = card.height()
        size = min(h * 0.62, card.width() * 0.18)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(p.star)
        painter.drawPolygon(star(QPointF(card.left() + size * 0.75, card.center().y()), size / 2))
        left = card.left() + size * 1.5
        inner = QRectF(left, card.top(), card.right() - left - h * 0.12, h)
        wide = inner.width() / h > 3.2
        title = QRectF(inner.left(), inner.top() + h * 0.04, inner.width(), h * 0.26)
        if wide:
            # Title and score share the top line; the window and clerk get the rest, large.
            title = QRectF(title.left(), title.top(), title.width() * 0.55, title.height())
            sub = QRectF(title.right(), title.top(), inner.width() - title.width(), title.height())
            main = QRectF(inner.left(), inner.top() + h * 0.3, inner.width(), h * 0.66)
            sub_align = Qt.AlignmentFlag.AlignRight
        else:
            main = QRectF(inner.left(), inner.top() + h * 0.3, inner.width(), h * 0.4)
            sub = QRectF(inner.left(), inner.top() + h * 0.7, inner.width(), h * 0.24)
            sub_align = Qt.AlignmentFlag.AlignLeft
        scale = main.height()
        if wide:
            draw_text(
                painter, title, self.tr("本月标兵窗口"), h * 0.18, p.muted, True,
                Qt.AlignmentFlag.AlignLeft,
            )  # fmt: skip
        else:
            text = self.tr("本月标兵窗口")
            draw_wrapped(
                painter, title, text, wrapped_px(text, title, h * 0.12, True), p.muted, True
            )
        if not self.known:
            return
        if self.model is None:
            draw_text(
                painter,
                main,
                self.tr("暂无"),
                scale * 0.45,
                p.text,
                True,
                Qt.AlignmentFlag.AlignLeft,
            )
            draw_text(painter, sub, self.tr("本月评价数不足"), h * 0.15, p.muted, False, sub_align)
            return
        before, after = around(self.tr("{window} 号窗口"), "window")
        draw_line(
            painter,
            main,
            [
                Segment(before, scale * 0.45, p.text, True),
                Segment(str(self.model.window), scale * 0.8, p.number, True),
                Segment(after, scale * 0.45, p.text, True),
                Segment("  " + (self.model.staff_name or ""), scale * 0.6, p.text, True),
            ],
            Qt.AlignmentFlag.AlignLeft,
        )
        draw_text(
            painter,
            sub,
            self.tr("{score} 分 · {n} 次评价").format(
                score=f"{self.model.avg_score:.2f}", n=self.model.ratings
            ),
            h * 0.15,
            p.muted,
            True,
            sub_align,
        )
