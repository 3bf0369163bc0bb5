"""评价服务, step three (below 满意 only): what went wrong, and a phone number for a call-back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.digit_pad import DigitPad
from kiosk.widgets.entry_field import EntryField
from kiosk.widgets.touch_button import TouchButton

PHONE_MIN, PHONE_MAX = 5, 20


class RateReasonsScreen(KioskScreen):
    """Signals:
    submitted(object, str): the chosen reasons (a tuple) and the phone number ("" for none).
    back(): to the faces.
    """

    submitted = Signal(object, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = 0
        self._title = make_label("title")
        self._reasons_hint = make_label("section")
        self._reason_grid = QGridLayout()
        self._reason_grid.setSpacing(16)
        self.reason_buttons: dict[str, TouchButton] = {}
        self._phone_hint = make_label("section")
        self.phone = EntryField(PHONE_MAX)
        self.phone.set_active(True)
        self.error = make_label("error")
        self.pad = DigitPad()
        self.pad.key.connect(self.phone.type_key)
        self.pad.key.connect(lambda _key: self.error.setText(""))
        self.back_button = TouchButton()
        self.back_button.clicked.connect(self.back)
        self.submit_button = TouchButton(role="primary")
        self.submit_button.clicked.connect(self._on_submit)

        reasons = QVBoxLayout()
        reasons.setSpacing(18)
        reasons.addWidget(self._title)
        reasons.addWidget(self._reasons_hint)
        reasons.addLayout(self._reason_grid)
        reasons.addStretch(1)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.submit_button)
        phone = QVBoxLayout()
        phone.setSpacing(16)
        phone.addWidget(self._phone_hint)
        phone.addWidget(self.phone)
        phone.addWidget(self.pad)
        phone.addWidget(self.error)
        phone.addStretch(1)
        phone.addLayout(buttons)
        self._panes = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._panes.setContentsMargins(50, 30, 50, 36)
        self._panes.setSpacing(36)
        self._panes.addLayout(reasons, 1)
        self._panes.addLayout(phone, 1)
        self.retranslate()

    def set_reasons(self, reasons: tuple[str, ...]) -> None:
        """The hall's list of reasons (a hall setting)."""
        if tuple(self.reason_buttons) == reasons:
            return
        for button in self.reason_buttons.values():
            self._reason_grid.removeWidget(button)
            button.deleteLater()
        self.reason_buttons = {}
        for i, reason in enumerate(reasons):
            button = TouchButton(texts.reason_name(reason), checkable=True)
            self._reason_grid.addWidget(button, i // 2, i % 2)
            self.reason_buttons[reason] = button

    def ask(self, score: int) -> None:
        self.reset()
        self.score = score

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def chosen_reasons(self) -> tuple[str, ...]:
        return tuple(r for r, b in self.reason_buttons.items() if b.isChecked())

    def reset(self) -> None:
        self.score = 0
        for button in self.reason_buttons.values():
            button.setChecked(False)
        self.phone.clear()
        self.error.setText("")

    def arrange(self) -> None:
        self._panes.setDirection(
            QBoxLayout.Direction.LeftToRight if self.landscape else QBoxLayout.Direction.TopToBottom
        )

    def retranslate(self) -> None:
        self._title.setText(self.tr("很抱歉没能让您满意"))
        self._reasons_hint.setText(self.tr("哪些方面需要改进？（可多选）"))
        self._phone_hint.setText(self.tr("留下电话，我们会回访您（可不填）"))
        self.phone.set_hint(self.tr("手机或固定电话"))
        self.back_button.setText(self.tr("返回"))
        self.submit_button.setText(self.tr("提交评价"))
        for reason, button in self.reason_buttons.items():
            button.setText(texts.reason_name(reason))

    def _on_submit(self) -> None:
        if 0 < len(self.phone.value) < PHONE_MIN:
            self.show_error(self.tr("电话号码不完整，请检查或清空"))
            return
        self.submitted.emit(self.chosen_reasons(), self.phone.value)
