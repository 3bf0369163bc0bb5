"""The customers this window may call, in calling order, coloured as their wait nears the SLA.

Amber from three quarters of the hall's time limit (限时办结), red past it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from common.engine import TicketView
from common.qt import theme
from counter import texts
from counter.hall_clock import minutes_between
from counter.style import AMBER_LIGHT, RED_LIGHT

NEAR_SLA = 0.75


def wait_level(minutes: float, sla_minutes: int) -> str:
    """ok | near | over, for colouring a wait against the hall's SLA."""
    if minutes >= sla_minutes:
        return "over"
    if minutes >= sla_minutes * NEAR_SLA:
        return "near"
    return "ok"


LEVEL_BACKGROUNDS = {"ok": None, "near": AMBER_LIGHT, "over": RED_LIGHT}


class WaitingList(QFrame):
    """Signals:
    number_chosen(str): the clerk double-clicked a waiting number (to call it specifically).
    """

    number_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        self._tickets: tuple[TicketView, ...] = ()
        self._sla = 20
        self._title = QLabel()
        self._title.setProperty("role", "section")
        self._table = QTableWidget(0, 4)
        self._table.setHorizontalHeaderLabels(
            [self.tr("号码"), self.tr("业务"), self.tr("已等(分)"), self.tr("优先")]
        )
        self._table.verticalHeader().setVisible(False)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The F-keys drive the console; the list must not keep the focus from them.
        self._table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._table.cellDoubleClicked.connect(self._on_double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self._title)
        layout.addWidget(self._table, 1)
        self._update_title()

    @property
    def count(self) -> int:
        return len(self._tickets)

    @property
    def labels(self) -> list[str]:
        return [t.label for t in self._tickets]

    def selected_label(self) -> str | None:
        row = self._table.currentRow()
        return self._tickets[row].label if 0 <= row < len(self._tickets) else None

    def set_tickets(self, tickets: tuple[TicketView, ...], sla_minutes: int, now: datetime) -> None:
        selected = self.selected_label()
        self._tickets = tickets
        self._sla = sla_minutes
        self._table.setRowCount(len(tickets))
        for row, ticket in enumerate(tickets):
            priority = (
                texts.name(texts.PRIORITIES, ticket.priority) if ticket.priority != "none" else ""
            )
            if ticket.transfer_count:
                priority = " · ".join(p for p in (priority, self.tr("转来")) if p)
            cells = [
                ticket.label,
                texts.service_name(ticket.service_name_zh, ticket.service_name_en),
                "",
                priority,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and ticket.priority != "none":
                    item.setForeground(QBrush(QColor(theme.RED)))
                self._table.setItem(row, column, item)
            if ticket.label == selected:
                self._table.selectRow(row)
        self._update_title()
        self.tick(now)

    def tick(self, now: datetime) -> None:
        for row, ticket in enumerate(self._tickets):
            minutes = minutes_between(ticket.issued_at, now)
            wait_item = self._table.item(row, 2)
            if wait_item is None:
                continue
            # Whole minutes waited so far, like a clock: 19.8 is still "19".
            wait_item.setText(str(int(minutes)))
            wait_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            background = LEVEL_BACKGROUNDS[wait_level(minutes, self._sla)]
            brush = QBrush(QColor(background)) if background else QBrush()
            for column in range(self._table.columnCount()):
                cell = self._table.item(row, column)
                if cell is not None:
                    cell.setBackground(brush)

    def _update_title(self) -> None:
        self._title.setText(self.tr("等候 %1 人").replace("%1", str(len(self._tickets))))

    def _on_double_clicked(self, row: int, _column: int) -> None:
        if 0 <= row < len(self._tickets):
            self.number_chosen.emit(self._tickets[row].label)
