"""How many people wait for each service."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.engine import ServiceState
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


class WaitingCounts(QWidget):
    """One cell per service: its ticket letter, its name and the number waiting."""

    def __init__(self, palette: BoardPalette, english: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self._english = english
        self.services: tuple[ServiceState, ...] = ()
        self._only: frozenset[str] | None = None

    def limit_to(self, codes: frozenset[str] | None) -> None:
        """Show only these services (a board for some windows shows what they serve)."""
        self._only = codes
        self.update()

    def set_services(self, services: tuple[ServiceState, ...]) -> None:
        self.services = services
        self.update()

    def shown(self) -> list[ServiceState]:
        return [s for s in self.services if self._only is None or s.code in self._only]

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        card = rect.adjusted(4, 4, -4, -4)
        panel(painter, card, p.panel, p.border, radius=min(card.width(), card.height()) * 0.08)
        services = self.shown()
        title = self.tr("等候人数")
        if card.width() / card.height() > 6.5:
            # Wide: the title on the left of the cells, on two lines if need be.
            title_rect = QRectF(card.left() + 8, card.top(), card.height() * 1.1 - 8, card.height())
            area = card.adjusted(card.height() * 1.1, 0, 0, 0)
            px = wrapped_px(title, title_rect, card.height() * 0.2, True)
            draw_wrapped(painter, title_rect, title, px, p.muted, True)
        else:
            # Narrow (portrait): the title above them.
            title_rect = QRectF(card.left(), card.top(), card.width(), card.height() * 0.24)
            area = card.adjusted(0, card.height() * 0.24, 0, 0)
            draw_text(painter, title_rect, title, title_rect.height() * 0.62, p.muted, True)
        if not services:
            return
        cell_w = area.width() / len(services)
        h = area.height()
        cells = [
            QRectF(area.left() + i * cell_w, area.top(), cell_w, area.height())
            for i in range(len(services))
        ]
        names = [
            f"{s.prefix} {s.name_en if self._english and s.name_en else s.name_zh}"
            for s in services
        ]
        name_rects = [
            QRectF(c.left() + 6, c.top() + h * 0.04, c.width() - 12, h * 0.42) for c in cells
        ]
        # One size for every name, so no service looks more important than another.
        name_px = min(
            wrapped_px(n, r, h * 0.22, True) for n, r in zip(names, name_rects, strict=True)
        )
        before, after = around(self.tr("{n} 人"), "n")
        for service, cell, name, name_rect in zip(services, cells, names, name_rects, strict=True):
            if cell.left() > card.left() + 1:
                painter.setPen(p.border)
                painter.drawLine(
                    QPointF(cell.left(), cell.top() + cell.height() * 0.15),
                    QPointF(cell.left(), cell.top() + cell.height() * 0.85),
                )
            draw_wrapped(painter, name_rect, name, name_px, p.muted, True)
            count = QRectF(cell.left(), cell.top() + h * 0.46, cell.width(), h * 0.52)
            if service.open_now:
                segments = [
                    Segment(before, h * 0.16, p.text),
                    Segment(str(service.waiting), h * 0.46, p.number, True),
                    Segment(after, h * 0.16, p.text),
                ]
            else:
                # Closed for new tickets (hours, daily limit), but people may still be waiting.
                segments = [
                    Segment(str(service.waiting), h * 0.46, p.paused, True),
                    Segment(" " + self.tr("暂停取号"), h * 0.16, p.paused, True),
                ]
            draw_line(painter, count, segments)
