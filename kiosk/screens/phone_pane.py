"""A phone number for a call-back, typed on the digit pad, above the screen's back and submit
buttons: the right-hand pane of the complaint screen and of the rating's reasons screen."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import make_label
from kiosk.widgets.digit_pad import DigitPad
from kiosk.widgets.entry_field import EntryField
from kiosk.widgets.touch_button import TouchButton

PHONE_MIN, PHONE_MAX = 5, 20


class PhonePane(QWidget):
    """The hint (in the screen's own words: it sets `hint`'s text), the number, the pad, an
    error line, and the back and submit buttons, which the screen connects and names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = make_label("section")
        self.field = EntryField(PHONE_MAX)
        self.field.set_active(True)
        self.error = make_label("error")
        self.pad = DigitPad()
        self.pad.key.connect(self.field.type_key)
        self.pad.key.connect(lambda _key: self.error.setText(""))
        self.back_button = TouchButton()
        self.submit_button = TouchButton(role="primary")

        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(16)
        column.addWidget(self.hint)
        column.addWidget(self.field)
        column.addWidget(self.pad)
        column.addWidget(self.error)
        column.addStretch(1)
        column.addLayout(buttons)
        self.retranslate()

    @property
    def number(self) -> str:
        """The number typed, "" for none."""
        return self.field.value

    def checked_number(self) -> str | None:
        """The number typed ("" for none), or None, with the error line saying why, when it is
        too short to be anyone's."""
        if 0 < len(self.field.value) < PHONE_MIN:
            self.error.setText(self.tr("电话号码不完整，请检查或清空"))
            return None
        return self.field.value

    def clear(self) -> None:
        self.field.clear()
        self.error.setText("")

    def retranslate(self) -> None:
        self.field.set_hint(self.tr("手机或固定电话"))
