"""评价服务, step one: scan the ticket's QR code, or type its number and check code.

A USB scanner types like a keyboard; the window catches what it types (see
`kiosk.scan_input`), so this screen only explains and offers the keypad.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.operations import RatingRequest
from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.digit_pad import DigitPad
from kiosk.widgets.entry_field import EntryField
from kiosk.widgets.status_icon import StatusIcon
from kiosk.widgets.touch_button import TouchButton

CHECK_CODE_LENGTH = 6


class RateLookupScreen(KioskScreen):
    """Signals:
    lookup(object): a `RatingRequest` with the typed number and check code.
    back(): to the home screen.
    """

    lookup = Signal(object)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = make_label("title")
        self._scan_hint = make_label("subtitle")
        self._icon = StatusIcon("scan", 220)
        self._type_hint = make_label("section")
        self.number_field = EntryField(8, accept="0123456789")
        self.code_field = EntryField(CHECK_CODE_LENGTH)
        self.number_field.tapped.connect(lambda: self._activate(self.number_field))
        self.code_field.tapped.connect(lambda: self._activate(self.code_field))
        self.pad = DigitPad()
        self.pad.key.connect(self._on_key)
        self.error = make_label("error")
        self.back_button = TouchButton()
        self.back_button.clicked.connect(self.back)
        self.ok_button = TouchButton(role="primary")
        self.ok_button.clicked.connect(self._on_ok)
        self._active = self.number_field

        scan = QVBoxLayout()
        scan.setContentsMargins(0, 0, 0, 0)
        scan.setSpacing(24)
        scan.addWidget(self._title)
        icon_row = QHBoxLayout()
        icon_row.setSpacing(30)
        icon_row.addWidget(self._icon)
        icon_row.addWidget(self._scan_hint, 1)
        scan.addLayout(icon_row)
        scan.addStretch(1)
        fields = QHBoxLayout()
        fields.setSpacing(20)
        fields.addWidget(self.number_field, 4)
        fields.addWidget(self.code_field, 5)
        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.ok_button)
        typing = QVBoxLayout()
        typing.setContentsMargins(0, 0, 0, 0)
        typing.setSpacing(12)
        typing.addWidget(self._type_hint)
        typing.addLayout(fields)
        typing.addWidget(self.pad)
        typing.addWidget(self.error)
        typing.addStretch(1)
        typing.addLayout(buttons)

        self._scan = QWidget()
        self._scan.setLayout(scan)
        self._typing = QWidget()
        self._typing.setLayout(typing)
        self._panes = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._panes.setContentsMargins(50, 30, 50, 36)
        self._panes.setSpacing(40)
        self._panes.addWidget(self._scan)
        self._panes.addWidget(self._typing, 1)
        self._activate(self.number_field)
        self.retranslate()

    def set_prefixes(self, prefixes: list[str]) -> None:
        """The letters tickets start with in this hall (keys above the digits)."""
        letters = sorted({p[:1].upper() for p in prefixes if p})
        self.pad.set_letters(letters)
        self.number_field.set_accept("0123456789" + "".join(letters))

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def reset(self) -> None:
        self.number_field.clear()
        self.code_field.clear()
        self.error.setText("")
        self._activate(self.number_field)

    def arrange(self) -> None:
        if self.landscape:
            self._panes.setDirection(QBoxLayout.Direction.LeftToRight)
            self._scan_hint.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        else:
            self._panes.setDirection(QBoxLayout.Direction.TopToBottom)

    def retranslate(self) -> None:
        self._title.setText(self.tr("评价服务"))
        self._scan_hint.setText(self.tr("请把小票上的二维码对准扫描口"))
        self._type_hint.setText(self.tr("或者输入小票上的号码和校验码"))
        self.number_field.set_hint(self.tr("号码，如 A012"))
        self.code_field.set_hint(self.tr("6 位校验码"))
        self.back_button.setText(self.tr("返回"))
        self.ok_button.setText(self.tr("下一步"))

    def _activate(self, field: EntryField) -> None:
        self._active = field
        self.number_field.set_active(field is self.number_field)
        self.code_field.set_active(field is self.code_field)

    def _on_key(self, key: str) -> None:
        self.error.setText("")
        self._active.type_key(key)

    def _on_ok(self) -> None:
        label = self.number_field.value
        code = self.code_field.value
        if self._active is self.number_field and label and not code:
            # "Next" walks from the number to the check code before it asks the hall.
            self._activate(self.code_field)
            return
        if not label or len(code) != CHECK_CODE_LENGTH:
            self.show_error(self.tr("请输入小票上的号码和 6 位校验码"))
            self._activate(self.number_field if not label else self.code_field)
            return
        self.lookup.emit(RatingRequest(label=label, check_code=code))
