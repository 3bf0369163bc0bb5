"""代客取号 — the supervisor issues a ticket for a customer (e.g. priority for an elderly person).

The new number is shown large with its check code, so it can be written down when no printer
is at hand; with a printer the ticket is printed like the kiosk's.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from common.engine import IssuedTicket, ServiceState
from counter import texts


class IssuePanel(QFrame):
    """Signals:
    issue_requested(str, str): service code and priority kind.
    reprint_requested(str): a ticket number to print again.
    """

    issue_requested = Signal(str, str)
    reprint_requested = Signal(str)

    def __init__(self, can_print: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        title = QLabel(self.tr("代客取号"))
        title.setProperty("role", "section")
        self.service_field = QComboBox()
        self.priority_field = QComboBox()
        self.issue_button = QPushButton(self.tr("取号"))
        self.issue_button.setProperty("role", "primary")
        self.result = QLabel()
        self.result.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.result_detail = QLabel()
        self.result_detail.setProperty("role", "muted")
        self.result_detail.setWordWrap(True)
        self.reprint_field = QLineEdit()
        self.reprint_field.setPlaceholderText(self.tr("号码，例如 A012"))
        self.reprint_button = QPushButton(self.tr("补打小票"))
        self._detail = ""
        self.reprint_field.setVisible(can_print)
        self.reprint_button.setVisible(can_print)

        layout = QGridLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title, 0, 0, 1, 2)
        layout.addWidget(QLabel(self.tr("业务")), 1, 0)
        layout.addWidget(self.service_field, 1, 1)
        layout.addWidget(QLabel(self.tr("优先")), 2, 0)
        layout.addWidget(self.priority_field, 2, 1)
        layout.addWidget(self.issue_button, 3, 0, 1, 2)
        layout.addWidget(self.result, 4, 0, 1, 2)
        layout.addWidget(self.result_detail, 5, 0, 1, 2)
        layout.addWidget(self.reprint_field, 6, 0)
        layout.addWidget(self.reprint_button, 6, 1)
        layout.setColumnStretch(1, 1)

        self.issue_button.clicked.connect(self._on_issue)
        self.reprint_button.clicked.connect(self._on_reprint)
        self.reprint_field.returnPressed.connect(self._on_reprint)

    def set_choices(
        self, services: tuple[ServiceState, ...], priority_kinds: tuple[str, ...]
    ) -> None:
        chosen_service = self.service_field.currentData()
        chosen_priority = self.priority_field.currentData()
        self.service_field.clear()
        for service in services:
            if service.active:
                name = texts.service_name(service.name_zh, service.name_en)
                self.service_field.addItem(f"{service.code}  {name}", service.code)
        self.priority_field.clear()
        for kind in ("none", *priority_kinds):
            self.priority_field.addItem(texts.name(texts.PRIORITIES, kind), kind)
        for field, value in (
            (self.service_field, chosen_service),
            (self.priority_field, chosen_priority),
        ):
            index = field.findData(value)
            if index >= 0:
                field.setCurrentIndex(index)

    def show_issued(self, issued: IssuedTicket, printing: str) -> None:
        """Show the new number with its check code, and how its printing goes."""
        ticket = issued.ticket
        self.result.setText(ticket.label)
        self._detail = (
            self.tr("前面 %1 人 · 校验码 %2")
            .replace("%1", str(issued.ahead))
            .replace("%2", issued.check_code)
        )
        self.show_printed(printing)
        self.reprint_field.setText(ticket.label)

    def show_printed(self, printing: str) -> None:
        self.result_detail.setText(f"{self._detail}\n{printing}" if self._detail else printing)

    def _on_issue(self) -> None:
        service = self.service_field.currentData()
        if service:
            self.issue_requested.emit(service, self.priority_field.currentData() or "none")

    def _on_reprint(self) -> None:
        number = self.reprint_field.text().strip().upper()
        if number:
            self.reprint_requested.emit(number)
