"""The ticket's QR code on screen, drawn module by module (sharp at any size)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

QUIET_MODULES = 2


class QrView(QWidget):
    """Shows a QR code, as big as the widget allows, in whole pixels a module."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedSize(300, 300)

    def set_matrix(self, matrix: list[list[bool]]) -> None:
        """The modules from `common.qt.ticket_image.qr_matrix` (slow: compute it off-thread)."""
        self._matrix = matrix
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt override
        return QSize(300, 300)

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        if not self._matrix:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        n = len(self._matrix) + 2 * QUIET_MODULES
        module = max(1, min(self.width(), self.height()) // n)
        left = (self.width() - module * n) // 2 + QUIET_MODULES * module
        top = (self.height() - module * n) // 2 + QUIET_MODULES * module
        black = QColor(Qt.GlobalColor.black)
        for row, cells in enumerate(self._matrix):
            for col, dark in enumerate(cells):
                if dark:
                    painter.fillRect(
                        QRect(left + col * module, top + row * module, module, module), black
                    )
