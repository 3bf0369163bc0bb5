"""暂停取号: shown while the hall's database cannot be reached; the kiosk recovers by itself."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.status_icon import StatusIcon


class SuspendedScreen(KioskScreen):
    """A calm notice; nothing to tap. `starting` is the same notice while the kiosk opens."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.starting = True
        self._icon = StatusIcon("pause", 240)
        self._title = make_label("title", center=True)
        self._text = make_label("subtitle", center=True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._icon)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.setSpacing(40)
        layout.addStretch(2)
        layout.addLayout(row)
        layout.addWidget(self._title)
        layout.addWidget(self._text)
        layout.addStretch(3)
        self.retranslate()

    def set_starting(self, starting: bool) -> None:
        self.starting = starting
        self.retranslate()

    def retranslate(self) -> None:
        if self.starting:
            self._title.setText(self.tr("请稍候"))
            self._text.setText(self.tr("取号机正在准备，马上就好。"))
        else:
            self._title.setText(self.tr("暂停取号"))
            self._text.setText(self.tr("系统正在恢复，请稍候片刻，或请大堂工作人员协助。"))
