"""绿色通道: the customer said who they are; now the service, and the ticket goes first."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from common.engine import ServiceState
from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.service_grid import ServiceGrid
from kiosk.widgets.touch_button import TouchButton


class PriorityLaneScreen(KioskScreen):
    """Services to choose from, for a priority ticket.

    Signals:
        service_chosen(str, str): service code and priority kind.
        back(): the customer changed their mind.
    """

    service_chosen = Signal(str, str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self._title = make_label("title")
        self._hint = make_label("subtitle")
        self.services = ServiceGrid()
        self.services.chosen.connect(lambda code: self.service_chosen.emit(code, self.kind))
        self.back_button = TouchButton(role="big")
        self.back_button.setMaximumWidth(420)
        self.back_button.setMinimumWidth(320)
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 36)
        layout.setSpacing(24)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addWidget(self.services, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def show_kind(self, kind: str, services: tuple[ServiceState, ...]) -> None:
        self.kind = kind
        self.services.set_services(services)
        self.retranslate()

    def set_services(self, services: tuple[ServiceState, ...]) -> None:
        self.services.set_services(services)

    def arrange(self) -> None:
        self.services.set_columns(3 if self.landscape else 2)

    def retranslate(self) -> None:
        self._title.setText(self.tr("绿色通道 · %1").replace("%1", texts.priority_name(self.kind)))
        self._hint.setText(self.tr("请选择要办理的业务，您将优先办理"))
        self.back_button.setText(self.tr("返回"))
        self.services.refresh_texts()
