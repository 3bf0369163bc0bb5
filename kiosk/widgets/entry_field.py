"""A field filled from the on-screen keypad (touch kiosks have no keyboard)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.widgets.digit_pad import BACKSPACE


class EntryField(QLabel):
    """Shows what was typed (or a hint while empty); tap it to make it the keypad's target.

    Signals:
        tapped(): the customer touched the field.
        edited(str): the value changed.
    """

    tapped = Signal()
    edited = Signal(str)

    def __init__(
        self,
        max_length: int,
        masked: bool = False,
        accept: str = "0123456789",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "field")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self._max = max_length
        self._masked = masked
        self._accept = accept
        self._value = ""
        self._hint = ""
        self.set_active(False)
        self._show()

    @property
    def value(self) -> str:
        return self._value

    def set_accept(self, accept: str) -> None:
        self._accept = accept

    def set_hint(self, hint: str) -> None:
        self._hint = hint
        self._show()

    def set_value(self, value: str) -> None:
        self._value = value[: self._max]
        self._show()
        self.edited.emit(self._value)

    def clear(self) -> None:
        self.set_value("")

    def type_key(self, key: str) -> None:
        if key == BACKSPACE:
            self.set_value(self._value[:-1])
        elif key.upper() in self._accept and len(self._value) < self._max:
            self.set_value(self._value + key.upper())

    def set_active(self, active: bool) -> None:
        self.setProperty("active", "true" if active else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event) -> None:  # noqa: N802 — Qt override
        self.tapped.emit()
        super().mousePressEvent(event)

    def _show(self) -> None:
        if self._value:
            self.setText("●" * len(self._value) if self._masked else self._value)
            self.setStyleSheet("")
        else:
            self.setText(self._hint)
            # The hint is lighter and smaller than a typed value.
            self.setStyleSheet("color: #5F6B6B; font-size: 34px; font-weight: normal;")
