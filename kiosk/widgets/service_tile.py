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

NAME_SIZES = (52, 46, 40, 34, 30)
DETAIL_SIZE = 34


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
        badge_side = int(min(110, box.height() - 40, box.width() * 0.2))
        badge = QRectF(box.left() + 28, box.center().y() - badge_side / 2, badge_side, badge_side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white") if open_now else QColor("#C9D1D0"))
        painter.drawEllipse(badge)
        painter.setPen(QColor(theme.GREEN_DARK) if open_now else QColor(style.GREY_INK))
        painter.setFont(_font(int(badge_side * 0.55), True))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, self.state.prefix)

        text_left = int(badge.right()) + 28
        width = int(box.right()) - text_left - 20
        height = int(box.height()) - 24
        name = texts.state_name(self.state)
        name_font, name_height, detail, detail_height = self._fit_text(name, width, height)
        # Name and detail as one block, centred beside the letter.
        top = int(box.center().y() - (name_height + 4 + detail_height) / 2)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.setPen(ink)
        painter.setFont(name_font)
        painter.drawText(QRect(text_left, top, width, name_height), flags, name)
        painter.setFont(_font(DETAIL_SIZE))
        painter.drawText(
            QRect(text_left, top + name_height + 4, width, detail_height), flags, detail
        )

    def _fit_text(self, name: str, width: int, height: int) -> tuple[QFont, int, str, int]:
        """The largest name that fits beside the details, on one detail line if there is room."""
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        lines = self.detail_lines()
        detail_metrics = QFontMetrics(_font(DETAIL_SIZE))
        one_line = " · ".join(lines)
        details = [one_line] if detail_metrics.horizontalAdvance(one_line) <= width else []
        details.append("\n".join(lines))
        # Short of room, the waiting count alone (or why it is closed) is what matters.
        details.append(lines[0])
        # A smaller name on one line reads better than a big one broken mid-word.
        for wrap in (False, True):
            for detail in details:
                detail_height = detail_metrics.boundingRect(
                    QRect(0, 0, width, 1000), flags, detail
                ).height()
                for size in NAME_SIZES:
                    font = _font(size, True)
                    metrics = QFontMetrics(font)
                    if not wrap and metrics.horizontalAdvance(name) > width:
                        continue
                    needed = metrics.boundingRect(QRect(0, 0, width, 1000), flags, name)
                    if needed.height() + 4 + detail_height <= height:
                        return font, needed.height(), detail, detail_height
        font = _font(NAME_SIZES[-1], True)
        name_height = QFontMetrics(font).height()
        return font, name_height, details[-1], max(0, height - name_height - 4)
