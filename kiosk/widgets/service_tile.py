"""One service on the home screen: its letter, its name, how many wait and for how long.

A closed service stays on screen, greyed, saying why (opening hours, today's limit reached).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from common.engine import ServiceState
from common.qt import theme
from kiosk import style, texts

NAME_SIZES = (52, 46, 40, 34)


def _font(pixels: int, bold: bool = False) -> QFont:
    font = theme.app_font()
    font.setPixelSize(pixels)
    font.setBold(bold)
    return font


class ServiceTile(QAbstractButton):
    """A big button for one service; disabled (and saying why) while it cannot be taken."""

    def __init__(self, state: ServiceState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(170)
        self.state = state
        self.set_state(state)

    @property
    def code(self) -> str:
        return self.state.code

    def set_state(self, state: ServiceState) -> None:
        self.state = state
        self.setEnabled(state.open_now)
        self.setAccessibleName(texts.state_name(state))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt override
        return QSize(460, 210)

    def detail_lines(self) -> list[str]:
        """Waiting count and expected wait, or why the service is closed."""
        if not self.state.open_now:
            return [texts.closed_text(self.state)]
        return [
            texts.waiting_text(self.state.waiting),
            texts.wait_text(self.state.expected_wait_min),
        ]

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        open_now = self.state.open_now
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(3, 3, -3, -3)
        path = QPainterPath()
        path.addRoundedRect(box, 24, 24)
        if not open_now:
            fill = QColor(style.GREY)
        elif self.isDown():
            fill = QColor(theme.GREEN_DARK)
        else:
            fill = QColor(theme.GREEN)
        painter.fillPath(path, fill)
        if not open_now:
            painter.setPen(QPen(QColor(style.LINE), 3))
            painter.drawPath(path)
        ink = QColor("white") if open_now else QColor(style.GREY_INK)

        # The letter the ticket number starts with, so a customer can match ticket and tile.
        badge_side = min(110, int(box.height()) - 40)
        badge = QRectF(box.left() + 28, box.center().y() - badge_side / 2, badge_side, badge_side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white") if open_now else QColor("#C9D1D0"))
        painter.drawEllipse(badge)
        painter.setPen(QColor(theme.GREEN_DARK) if open_now else QColor(style.GREY_INK))
        painter.setFont(_font(int(badge_side * 0.55), True))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.state.prefix)

        text_left = int(badge.right()) + 28
        width = int(box.right()) - text_left - 20
        detail_font = _font(34)
        line_height = QFontMetrics(detail_font).height()
        detail = "\n".join(self.detail_lines())
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.setFont(detail_font)
        detail_height = painter.boundingRect(QRect(0, 0, width, 1000), flags, detail).height()
        detail_height = min(detail_height, 2 * line_height)
        room = QRect(text_left, int(box.top()) + 12, width, int(box.height()) - 24 - detail_height)
        name = texts.state_name(self.state)
        for size in NAME_SIZES:
            painter.setFont(_font(size, True))
            needed = painter.boundingRect(room, flags, name)
            if needed.height() <= room.height() and needed.width() <= room.width():
                break
        # Name and detail as one block, centred beside the letter.
        name_height = min(needed.height(), room.height())
        top = int(box.center().y() - (name_height + 4 + detail_height) / 2)
        painter.setPen(ink)
        painter.drawText(QRect(text_left, top, width, name_height), flags, name)
        painter.setFont(detail_font)
        painter.drawText(
            QRect(text_left, top + name_height + 4, width, detail_height), flags, detail
        )
