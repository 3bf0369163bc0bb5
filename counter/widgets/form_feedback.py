"""The line under a management form: what was saved, or what to fix — with the field marked."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from common.admin import InvalidField
from common.qt import theme
from counter.messages import message_for
from counter.style import repolish


class FormFeedback(QLabel):
    def __init__(self, fields: dict[str, QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self._fields = fields
        # Kept here rather than read back with property(): PySide6 on Python 3.11 miscounts
        # references of bool properties read back from Qt.
        self.marked: str | None = None

    def show_error(self, error: BaseException) -> None:
        self.clear_marks()
        self.setStyleSheet(f"color: {theme.RED}; font-weight: bold;")
        self.setText(message_for(error))
        if isinstance(error, InvalidField) and error.field in self._fields:
            widget = self._fields[error.field]
            widget.setProperty("invalid", "true")
            repolish(widget)
            widget.setFocus()
            self.marked = error.field

    def show_saved(self, text: str) -> None:
        self.clear_marks()
        self.setStyleSheet(f"color: {theme.GREEN_DARK}; font-weight: bold;")
        self.setText(text)

    def clear_marks(self) -> None:
        if self.marked is not None:
            widget = self._fields[self.marked]
            widget.setProperty("invalid", "false")
            repolish(widget)
            self.marked = None
