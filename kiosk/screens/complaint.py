"""投诉建议: what kind, what about (ready-made phrases, optional free text), a phone number.

Stored for the supervisor as open. Nobody has to type: the phrases cover the usual matters;
free text is there for a keyboard or the system's on-screen keyboard.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.screens.phone_pane import PhonePane
from kiosk.widgets.touch_button import TouchButton

TEXT_MAX = 300


class ComplaintScreen(KioskScreen):
    """Signals:
    submitted(str, str, str): category, text, phone ("" for none).
    back(): to the home screen.
    """

    submitted = Signal(str, str, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = "complaint"
        self._title = make_label("title")
        self._category_hint = make_label("section")
        self.category_buttons: dict[str, TouchButton] = {}
        categories = QHBoxLayout()
        categories.setSpacing(16)
        group = QButtonGroup(self)
        group.setExclusive(True)
        for category in texts.FEEDBACK_KINDS:
            button = TouchButton(role="chip", checkable=True)
            button.clicked.connect(lambda _=False, c=category: self._choose(c))
            group.addButton(button)
            categories.addWidget(button)
            self.category_buttons[category] = button
        self._phrases_hint = make_label("section")
        self._phrase_grid = QGridLayout()
        self._phrase_grid.setSpacing(14)
        self.phrase_buttons: list[TouchButton] = []
        self._text_hint = make_label("hint")
        self.free_text = QLineEdit()
        self.free_text.setMaxLength(TEXT_MAX)
        self.phone = PhonePane()
        self.pad, self.error = self.phone.pad, self.phone.error
        self.back_button, self.submit_button = self.phone.back_button, self.phone.submit_button
        self.back_button.clicked.connect(self.back)
        self.submit_button.clicked.connect(self._on_submit)

        matter = QVBoxLayout()
        matter.setSpacing(14)
        matter.addWidget(self._title)
        matter.addWidget(self._category_hint)
        matter.addLayout(categories)
        matter.addWidget(self._phrases_hint)
        matter.addLayout(self._phrase_grid)
        matter.addWidget(self._text_hint)
        matter.addWidget(self.free_text)
        matter.addStretch(1)
        self._panes = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._panes.setContentsMargins(50, 30, 50, 36)
        self._panes.setSpacing(30)
        self._panes.addLayout(matter, 3)
        self._panes.addWidget(self.phone, 2)
        self._choose("complaint")
        self.retranslate()

    def chosen_phrases(self) -> list[str]:
        """The chosen phrases in Chinese, whatever the screen's language: staff read them."""
        return [b.property("source") for b in self.phrase_buttons if b.isChecked()]

    def description(self) -> str:
        """The chosen phrases and the free text, as one text for the supervisor."""
        parts = self.chosen_phrases()
        extra = self.free_text.text().strip()
        if extra:
            parts.append(extra)
        return "；".join(parts)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def reset(self) -> None:
        self.free_text.clear()
        self.phone.clear()
        self._choose("complaint")

    def arrange(self) -> None:
        self._panes.setDirection(
            QBoxLayout.Direction.LeftToRight if self.landscape else QBoxLayout.Direction.TopToBottom
        )

    def retranslate(self) -> None:
        self._title.setText(self.tr("投诉建议"))
        self._category_hint.setText(self.tr("您想告诉我们的是"))
        self._phrases_hint.setText(self.tr("请选择相关内容（可多选）"))
        self._text_hint.setText(self.tr("补充说明（可不填）"))
        self.free_text.setPlaceholderText(self.tr("可用键盘输入"))
        self.phone.hint.setText(self.tr("联系电话（可不填），方便我们回复您"))
        self.phone.retranslate()
        self.back_button.setText(self.tr("返回"))
        self.submit_button.setText(self.tr("提交"))
        for category, button in self.category_buttons.items():
            button.setText(texts.category_name(category))
        for button in self.phrase_buttons:
            button.setText(texts.translate(button.property("source")))

    def _choose(self, category: str) -> None:
        self.category = category
        self.category_buttons[category].setChecked(True)
        self._fill_phrases()

    def _fill_phrases(self) -> None:
        for button in self.phrase_buttons:
            self._phrase_grid.removeWidget(button)
            button.deleteLater()
        self.phrase_buttons = []
        columns = 2
        for i, phrase in enumerate(texts.preset_phrases(self.category)):
            button = TouchButton(texts.translate(phrase), role="chip", checkable=True)
            button.setProperty("source", phrase)
            self._phrase_grid.addWidget(button, i // columns, i % columns)
            self.phrase_buttons.append(button)

    def _on_submit(self) -> None:
        text = self.description()
        if not text:
            self.show_error(self.tr("请选择或填写要说的内容"))
            return
        phone = self.phone.checked_number()
        if phone is not None:
            self.submitted.emit(self.category, text, phone)
