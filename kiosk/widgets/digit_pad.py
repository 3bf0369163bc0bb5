"""An on-screen keypad: digits, a delete key, and optional letters (ticket prefixes)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QWidget

from kiosk.widgets.touch_button import TouchButton

BACKSPACE = "⌫"
DIGITS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", BACKSPACE]


class DigitPad(QWidget):
    """Keys 0–9 and ⌫ in a phone layout; letter keys, when set, in a row above them.

    Signals:
        key(str): the key tapped: a digit, a letter, or `BACKSPACE`.
    """

    key = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(12)
        self._digit_buttons: list[tuple[TouchButton, int, int]] = []
        for i, text in enumerate(DIGITS):
            if text:
                button = self._make(text)
                self._digit_buttons.append((button, i // 3, i % 3))
        self._letter_buttons: list[TouchButton] = []
        self._letter_row: QHBoxLayout | None = None
        self._place()

    def set_letters(self, letters: list[str]) -> None:
        """Show these letter keys beside the digits (none: digits only)."""
        for button in self._letter_buttons:
            self._grid.removeWidget(button)
            button.deleteLater()
        self._letter_buttons = [self._make(letter) for letter in letters]
        self._place()

    def letter_buttons(self) -> list[TouchButton]:
        return list(self._letter_buttons)

    def _make(self, text: str) -> TouchButton:
        button = TouchButton(text, role="key")
        button.clicked.connect(lambda _=False, k=text: self.key.emit(k))
        return button

    def _place(self) -> None:
        letters = QHBoxLayout()
        letters.setSpacing(12)
        for button in self._letter_buttons:
            letters.addWidget(button)
        if self._letter_row is not None:
            self._grid.removeItem(self._letter_row)
        self._letter_row = letters if self._letter_buttons else None
        top = 0
        if self._letter_row is not None:
            self._grid.addLayout(self._letter_row, 0, 0, 1, 3)
            top = 1
        for button, row, column in self._digit_buttons:
            self._grid.addWidget(button, top + row, column)
