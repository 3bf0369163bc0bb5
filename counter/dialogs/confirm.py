"""A yes/no question (e.g. taking over a window another clerk is logged in at)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


class Confirm:
    @classmethod
    def ask(cls, parent: QWidget, title: str, text: str) -> bool:
        """True when the user answers yes; No is the default button."""
        answer = QMessageBox.question(
            parent,
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes
