"""Shown while the counter reaches its database, and calmly while it cannot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ConnectingScreen(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConnectingScreen")
        self.title = QLabel(self.tr("正在连接数据库…"))
        self.title.setProperty("role", "title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = QLabel()
        self.detail.setProperty("role", "muted")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addStretch(2)

    def show_waiting(self, reason: str, seconds: int) -> None:
        self.title.setText(self.tr("暂时连不上数据库"))
        self.detail.setText(
            self.tr("%1\n%2 秒后自动重试。").replace("%1", reason).replace("%2", str(seconds))
        )
