"""A band scrolling the notices that are valid now (停电通知, 电价公示, 服务承诺, 公告)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QRectF, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from common.admin import NoticeView
from common.clock import Clock
from display.operations import valid_at
from display.painting import Segment, draw_line, panel, text_width
from display.palette import BoardPalette

FRAME_MS = 40
# Scrolling speed in band heights per second: slow enough to read from across the hall.
SPEED = 1.6


class NoticeBand(QWidget):
    """Shows each notice only between its `valid_from` and `valid_to`.

    The notices come from the database when they change (`notice_changed`); their start and
    end are watched here with a timer set for the next one, without asking the database.
    """

    def __init__(
        self, palette: BoardPalette, clock: Clock, english: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self._clock = clock
        self._english = english
        self.notices: tuple[NoticeView, ...] = ()
        self.visible_notices: list[NoticeView] = []
        self.fallback = ""
        self._offset = 0.0
        self._width_cache: tuple[object, float] = (None, 0.0)
        self._elapsed = QElapsedTimer()
        self._frame = QTimer(self)
        self._frame.setInterval(FRAME_MS)
        self._frame.timeout.connect(self._on_frame)
        self._boundary = QTimer(self)
        self._boundary.setSingleShot(True)
        self._boundary.timeout.connect(self._on_boundary)

    def set_notices(self, notices: tuple[NoticeView, ...]) -> None:
        self.notices = notices
        self._on_boundary()

    def set_fallback(self, text: str) -> None:
        """What the band says while no notice is valid (the hall's service line)."""
        self.fallback = text
        self.update()

    def kind_text(self, kind: str) -> str:
        return {
            "outage": self.tr("停电通知"),
            "tariff": self.tr("电价公示"),
            "commitment": self.tr("服务承诺"),
        }.get(kind, self.tr("公告"))

    def _text(self, notice: NoticeView) -> str:
        return notice.text_en if self._english and notice.text_en else notice.text_zh

    def _on_boundary(self) -> None:
        now = self._clock.now()
        visible = [n for n in self.notices if valid_at(n, now)]
        if visible != self.visible_notices:
            self.visible_notices = visible
            self._offset = 0.0
        self._arm_boundary(now)
        self._update_animation()
        self.update()

    def _arm_boundary(self, now: datetime) -> None:
        times = [
            t for n in self.notices for t in (n.valid_from, n.valid_to) if t is not None and t > now
        ]
        if times:
            wait_ms = (min(times) - now).total_seconds() * 1000 + 50
            self._boundary.start(int(min(max(wait_ms, 100), 2**31 - 1)))
        else:
            self._boundary.stop()

    def segments(self) -> list[tuple[str, str]]:
        """(kind, text) of each notice shown, in the board's language."""
        return [(self.kind_text(n.kind), self._text(n)) for n in self.visible_notices]

    def _content_width(self, h: float) -> float:
        """Width of one pass of the band; measured once per height and set of notices."""
        key = (h, tuple(n.id for n in self.visible_notices))
        if self._width_cache[0] != key:
            total = 0.0
            for kind, text in self.segments():
                total += text_width(kind, h * 0.36, True) + h * 0.9
                total += text_width(text, h * 0.46) + h * 2.0
            self._width_cache = (key, total)
        return self._width_cache[1]

    def _update_animation(self) -> None:
        h = self.height() or 1
        moving = bool(self.visible_notices) and self._content_width(h) > self.width()
        if moving and not self._frame.isActive() and self.isVisible():
            self._elapsed.start()
            self._frame.start()
        elif not moving:
            self._frame.stop()
            self._offset = 0.0

    def showEvent(self, event) -> None:  # noqa: N802 — Qt's name
        self._update_animation()

    def hideEvent(self, event) -> None:  # noqa: N802 — Qt's name
        self._frame.stop()

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's name
        self._update_animation()

    def _on_frame(self) -> None:
        seconds = self._elapsed.restart() / 1000
        h = self.height()
        self._offset -= SPEED * h * min(seconds, 0.5)
        width = self._content_width(h)
        if width and self._offset <= -width:
            self._offset += width
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.band_bg)
        h = rect.height()
        segments = self.segments()
        if not segments:
            draw_line(painter, rect, [Segment(self.fallback, h * 0.46, p.band_fg, True)])
            return
        width = self._content_width(h)
        x = rect.left() + h * 0.5 + self._offset
        # Draw the sequence again after itself so the band loops without a gap.
        copies = 1 if width <= rect.width() else 2
        for _ in range(copies):
            for kind, text in segments:
                chip_w = text_width(kind, h * 0.36, True) + h * 0.6
                if x + chip_w > 0 and x < rect.right():
                    chip = QRectF(x, h * 0.16, chip_w, h * 0.68)
                    panel(painter, chip, p.warning_bg, radius=h * 0.12)
                    draw_line(painter, chip, [Segment(kind, h * 0.36, p.warning_fg, True)])
                x += chip_w + h * 0.3
                text_w = text_width(text, h * 0.46)
                if x + text_w > 0 and x < rect.right():
                    draw_line(
                        painter,
                        QRectF(x, 0, text_w + 2, h),
                        [Segment(text, h * 0.46, p.band_fg)],
                        Qt.AlignmentFlag.AlignLeft,
                    )
                x += text_w + h * 2.0
