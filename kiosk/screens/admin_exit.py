"""管理员退出: the hall's PIN closes the kiosk (reached by a long press in a corner)."""

from __future__ import annotations

import hmac

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.digit_pad import DigitPad
from kiosk.widgets.entry_field import EntryField
from kiosk.widgets.touch_button import TouchButton

PIN_MAX = 12


class AdminExitScreen(KioskScreen):
    """Signals:
    unlocked(): the right PIN was entered.
    back(): cancelled.
    """

    unlocked = Signal()
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pin = ""
        self._title = make_label("title")
        self.field = EntryField(PIN_MAX, masked=True)
        self.field.set_active(True)
        self.pad = DigitPad()
        self.pad.key.connect(self._on_key)
        self.error = make_label("error")
        self.cancel_button = TouchButton()
        self.cancel_button.clicked.connect(self.back)
        self.ok_button = TouchButton(role="primary")
        self.ok_button.clicked.connect(self._on_ok)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        column = QVBoxLayout()
        column.setSpacing(22)
        column.addWidget(self._title)
        column.addWidget(self.field)
        column.addWidget(self.pad)
        column.addWidget(self.error)
        column.addLayout(buttons)
        column.addStretch(1)
        inner = QWidget()
        inner.setLayout(column)
        inner.setMaximumWidth(760)
        row = QHBoxLayout(self)
        row.setContentsMargins(40, 40, 40, 40)
        row.addStretch(1)
        row.addWidget(inner, 3)
        row.addStretch(1)
        self.retranslate()

    def ask(self, pin: str) -> None:
        self._pin = pin
        self.reset()

    def reset(self) -> None:
        self.field.clear()
        self.error.setText("")

    def retranslate(self) -> None:
        self._title.setText(self.tr("管理员退出"))
        self.field.set_hint(self.tr("请输入管理密码"))
        self.cancel_button.setText(self.tr("取消"))
        self.ok_button.setText(self.tr("退出取号机"))

    def _on_key(self, key: str) -> None:
        self.error.setText("")
        self.field.type_key(key)

    def _on_ok(self) -> None:
        if self._pin and hmac.compare_digest(self.field.value, self._pin):
            self.unlocked.emit()
            return
        self.field.clear()
        self.error.setText(self.tr("密码不对"))
