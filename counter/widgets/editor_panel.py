"""The framed form beside a management list.

The fields scroll when the screen is short (1366×768); the title, the buttons and the
feedback line stay in view.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget


class EditorPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        self.setMinimumWidth(440)
        self.title = QLabel()
        self.title.setProperty("role", "section")
        content = QWidget()
        content.setObjectName("EditorBody")
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(0, 0, 6, 0)
        area = QScrollArea()
        area.setObjectName("EditorScroll")
        area.setWidgetResizable(True)
        # Fields narrow to the panel; only a short screen makes the form scroll (vertically).
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(content)
        self.footer = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addWidget(self.title)
        layout.addWidget(area, 1)
        layout.addLayout(self.footer)
