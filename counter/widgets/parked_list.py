"""Customers set aside at this window (挂起), oldest first; 回呼 takes the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from common.engine import TicketView


class ParkedList(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tickets: tuple[TicketView, ...] = ()
        caption = QLabel(self.tr("挂起："))
        caption.setProperty("role", "muted")
        self._list = QListWidget()
        self._list.setFlow(QListWidget.Flow.LeftToRight)
        self._list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._list.setFixedHeight(36)
        self._list.setStyleSheet("QListWidget { border: none; background: transparent; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(caption)
        layout.addWidget(self._list, 1)
        self.setVisible(False)

    @property
    def labels(self) -> list[str]:
        return [t.label for t in self._tickets]

    def selected_label(self) -> str | None:
        item = self._list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_tickets(self, tickets: tuple[TicketView, ...]) -> None:
        selected = self.selected_label()
        self._tickets = tickets
        self._list.clear()
        for ticket in tickets:
            item = QListWidgetItem(ticket.label)
            item.setData(Qt.ItemDataRole.UserRole, ticket.label)
            self._list.addItem(item)
            if ticket.label == selected:
                self._list.setCurrentItem(item)
        self.setVisible(bool(tickets))
