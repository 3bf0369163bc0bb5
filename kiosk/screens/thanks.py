"""谢谢: the rating or complaint is stored; optionally one more step (a ticket for the
complaint desk). Goes home by itself after a few seconds."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.status_icon import StatusIcon
from kiosk.widgets.touch_button import TouchButton

RETURN_MS = 10_000


class ThanksScreen(KioskScreen):
    """Signals:
    done(): back to the home screen.
    extra_chosen(): the optional extra button (e.g. take a ticket for the complaint desk).
    """

    done = Signal()
    extra_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = "rated"
        self._detail = ""
        self._icon = StatusIcon("ok", 220)
        self._title = make_label("title", center=True)
        self._text = make_label("subtitle", center=True)
        self.extra_button = TouchButton(role="big")
        self.extra_button.clicked.connect(self.extra_chosen)
        self.home_button = TouchButton(role="primary")
        self.home_button.clicked.connect(self.done)
        self._return = QTimer(self, singleShot=True, interval=RETURN_MS)
        self._return.timeout.connect(self.done)
        icon_row = QHBoxLayout()
        icon_row.addStretch(1)
        icon_row.addWidget(self._icon)
        icon_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 60)
        layout.setSpacing(30)
        layout.addStretch(2)
        layout.addLayout(icon_row)
        layout.addWidget(self._title)
        layout.addWidget(self._text)
        layout.addStretch(1)
        for button in (self.extra_button, self.home_button):
            button.setMaximumWidth(900)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def show_thanks(self, kind: str, detail: str = "", offer_ticket: bool = False) -> None:
        """`kind`: rated | feedback. `offer_ticket`: offer a ticket for the complaint desk."""
        self._kind = kind
        self._detail = detail
        self.extra_button.setVisible(offer_ticket)
        self._return.start()
        self.retranslate()

    def reset(self) -> None:
        self._return.stop()

    def retranslate(self) -> None:
        self._title.setText(self.tr("谢谢您！"))
        if self._kind == "rated":
            self._text.setText(self.tr("您的评价已收到，我们会继续改进服务。"))
        else:
            self._text.setText(
                self.tr("您的意见已记录，编号 %1。工作人员会尽快处理。").replace("%1", self._detail)
            )
        self.extra_button.setText(self.tr("需要当面处理？取投诉咨询号"))
        self.home_button.setText(self.tr("返回首页"))
