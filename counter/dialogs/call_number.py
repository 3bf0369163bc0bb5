"""指定呼叫: call a given waiting number (e.g. a customer sent over by the lobby manager)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget


class CallNumberDialog(QDialog):
    def __init__(self, suggestion: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("指定呼叫"))
        self._number = QLineEdit(suggestion)
        self._number.setPlaceholderText(self.tr("例如 A012"))
        self._number.setValidator(
            QRegularExpressionValidator(QRegularExpression("[A-Za-z]{0,3}[0-9]{0,6}"))
        )
        self._number.selectAll()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("要呼叫的号码：")))
        layout.addWidget(self._number)
        layout.addWidget(buttons)
        self._number.setFocus()

    def number(self) -> str:
        return self._number.text().strip().upper()

    @classmethod
    def ask(cls, parent: QWidget, suggestion: str = "") -> str | None:
        dialog = cls(suggestion, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.number():
            return None
        return dialog.number()
