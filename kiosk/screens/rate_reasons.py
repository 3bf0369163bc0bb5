"""评价服务, step three (below 满意 only): what went wrong, and a phone number for a call-back."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QVBoxLayout, QWidget

from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.screens.phone_pane import PhonePane
from kiosk.widgets.touch_button import TouchButton


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
        self.phone = PhonePane()
        self.pad, self.error = self.phone.pad, self.phone.error
        self.back_button, self.submit_button = self.phone.back_button, self.phone.submit_button
        self.back_button.clicked.connect(self.back)
        self.submit_button.clicked.connect(self._on_submit)

        reasons = QVBoxLayout()
        reasons.setSpacing(18)
        reasons.addWidget(self._title)
        reasons.addWidget(self._reasons_hint)
        reasons.addLayout(self._reason_grid)
        reasons.addStretch(1)
        self._panes = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._panes.setContentsMargins(50, 30, 50, 36)
        self._panes.setSpacing(36)
        self._panes.addLayout(reasons, 1)
        self._panes.addWidget(self.phone, 1)
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

    def arrange(self) -> None:
        self._panes.setDirection(
            QBoxLayout.Direction.LeftToRight if self.landscape else QBoxLayout.Direction.TopToBottom
        )

    def retranslate(self) -> None:
        self._title.setText(self.tr("很抱歉没能让您满意"))
        self._reasons_hint.setText(self.tr("哪些方面需要改进？（可多选）"))
        self.phone.hint.setText(self.tr("留下电话，我们会回访您（可不填）"))
        self.phone.retranslate()
        self.back_button.setText(self.tr("返回"))
        self.submit_button.setText(self.tr("提交评价"))
        for reason, button in self.reason_buttons.items():
            button.setText(texts.reason_name(reason))

    def _on_submit(self) -> None:
        phone = self.phone.checked_number()
        if phone is not None:
            self.submitted.emit(self.chosen_reasons(), phone)
