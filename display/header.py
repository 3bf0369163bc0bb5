"""The board's header: hall name, date and weekday, the time, and small marks for staff."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.clock import Clock
from display.painting import Segment, draw_line, draw_text, elided, fit_px, panel, text_width
from display.palette import BoardPalette


class Header(QWidget):
    """Hall name left; date, weekday and time right; marks for staff in between.

    The marks are small on purpose: customers need not read them, staff walking by should
    see that the board is reconnecting or cannot speak.
    """

    def __init__(self, palette: BoardPalette, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self._clock = clock
        self._zone = ZoneInfo("Asia/Shanghai")
        self.hall_name = ""
        self.marks: dict[str, str] = {}
        self._shown_minute = ""
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()

    def set_hall(self, name: str, zone: ZoneInfo) -> None:
        self.hall_name = name
        self._zone = zone
        self.update()

    def set_mark(self, key: str, text: str) -> None:
        """Show (or with empty text, hide) a mark: "connection", "voice", "muted"."""
        if text:
            self.marks[key] = text
        else:
            self.marks.pop(key, None)
        self.update()

    def _local_now(self) -> datetime:
        return self._clock.now().astimezone(self._zone)

    def _on_tick(self) -> None:
        # Repaint only when the shown minute (or the date) changes.
        minute = self._local_now().strftime("%Y%m%d%H%M")
        if minute != self._shown_minute:
            self.update()

    def date_text(self) -> str:
        now = self._local_now()
        return self.locale().toString(
            QDate(now.year, now.month, now.day), self.tr("yyyy年M月d日 dddd")
        )

    def time_text(self) -> str:
        return self._local_now().strftime("%H:%M")

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        h = rect.height()
        pad = h * 0.18
        self._shown_minute = self._local_now().strftime("%Y%m%d%H%M")

        time_px = h * 0.62
        time_w = text_width("88:88", time_px, True) * 1.05
        time_rect = QRectF(rect.right() - pad - time_w, 0, time_w, h)
        draw_text(
            painter, time_rect, self.time_text(), time_px, p.text, True, Qt.AlignmentFlag.AlignRight
        )

        date = self.date_text()
        date_px = h * 0.32
        date_w = min(text_width(date, date_px), rect.width() * 0.32)
        date_rect = QRectF(time_rect.left() - pad - date_w, 0, date_w, h)
        draw_text(painter, date_rect, date, date_px, p.muted, False, Qt.AlignmentFlag.AlignRight)

        right_edge = date_rect.left() - pad
        mark_px = h * 0.22
        for text in self.marks.values():
            text = elided(text, mark_px, rect.width() * 0.22)
            w = text_width(text, mark_px, True) + mark_px * 1.4
            mark = QRectF(right_edge - w, h * 0.26, w, h * 0.48)
            panel(painter, mark, p.warning_bg, radius=mark.height() / 2)
            draw_line(painter, mark, [Segment(text, mark_px, p.warning_fg, True)])
            right_edge = mark.left() - pad * 0.5

        name_px = h * 0.46
        name_rect = QRectF(pad, 0, max(0.0, right_edge - pad * 2), h)
        draw_line(
            painter,
            name_rect,
            [
                Segment(
                    self.hall_name,
                    fit_px(self.hall_name, name_px, name_rect.width(), True),
                    p.text,
                    True,
                )
            ],
            Qt.AlignmentFlag.AlignLeft,
        )
        painter.setPen(p.border)
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
