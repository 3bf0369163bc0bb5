"""Calm drawn icons: a tick (done), a pause sign (暂停取号), a scanner (scan your ticket)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.qt import theme


class StatusIcon(QWidget):
    """`kind`: ok | pause | scan | sorry."""

    def __init__(self, kind: str, side: int = 200, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self.setFixedSize(side, side)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_kind(self, kind: str) -> None:
        self._kind = kind
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt override
        return self.size()

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        box = QRectF(4, 4, side - 8, side - 8)
        if self._kind == "scan":
            self._paint_scan(painter, box)
            return
        color = {"ok": theme.GREEN, "pause": theme.AMBER, "sorry": "#EF6C00"}[self._kind]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(color))
        painter.drawEllipse(box)
        pen = QPen(QColor("white"), side * 0.09)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        c, s = box.center(), box.width()
        if self._kind == "ok":
            tick = QPainterPath(QPointF(c.x() - s * 0.22, c.y() + s * 0.02))
            tick.lineTo(c.x() - s * 0.05, c.y() + s * 0.18)
            tick.lineTo(c.x() + s * 0.24, c.y() - s * 0.16)
            painter.drawPath(tick)
        elif self._kind == "pause":
            for dx in (-0.12, 0.12):
                x = c.x() + dx * s
                painter.drawLine(QPointF(x, c.y() - s * 0.2), QPointF(x, c.y() + s * 0.2))
        else:  # sorry: an exclamation mark, drawn softly
            painter.drawLine(QPointF(c.x(), c.y() - s * 0.24), QPointF(c.x(), c.y() + s * 0.06))
            painter.setBrush(QColor("white"))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(QPointF(c.x(), c.y() + s * 0.22), s * 0.055, s * 0.055)

    @staticmethod
    def _paint_scan(painter: QPainter, box: QRectF) -> None:
        """A ticket with a QR code under a scanner's red line."""
        s = box.width()
        ticket = QRectF(box.left() + s * 0.2, box.top() + s * 0.06, s * 0.6, s * 0.88)
        painter.setPen(QPen(QColor(theme.GREEN_DARK), s * 0.03))
        painter.setBrush(QColor("white"))
        painter.drawRoundedRect(ticket, s * 0.05, s * 0.05)
        cell = s * 0.06
        left, top = ticket.left() + s * 0.12, ticket.top() + s * 0.3
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.INK))
        pattern = ["11101", "10011", "01110", "11001", "10111"]
        for r, row in enumerate(pattern):
            for col, bit in enumerate(row):
                if bit == "1":
                    painter.drawRect(QRectF(left + col * cell, top + r * cell, cell, cell))
        beam = QPen(QColor(theme.RED), s * 0.03)
        beam.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(beam)
        y = top + 2.5 * cell
        painter.drawLine(QPointF(box.left() + s * 0.08, y), QPointF(box.right() - s * 0.08, y))
