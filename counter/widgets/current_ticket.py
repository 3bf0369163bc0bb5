"""The customer in front of the clerk: the number as large as the panel allows, and its facts.

The number must be unmistakable from a step away, so its font follows the panel's size; the
service, the priority badge, the wait, the running timer and a transfer note sit beside it.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from common.engine import TicketView
from counter import texts
from counter.hall_clock import minutes_between, mm_ss
from counter.style import repolish


class CurrentTicketPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        self._ticket: TicketView | None = None

        self._number = QLabel("—")
        self._number.setObjectName("TicketNumber")
        self._number_px = 40
        self._number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._service = QLabel()
        self._service.setObjectName("TicketService")
        self._service.setWordWrap(True)
        self._priority = QLabel()
        self._priority.setObjectName("PriorityBadge")
        self._waited = QLabel()
        self._waited.setProperty("role", "muted")
        self._timer_caption = QLabel()
        self._timer_caption.setProperty("role", "muted")
        self._timer = QLabel()
        self._timer.setObjectName("TicketTimer")
        self._recalls = QLabel()
        self._recalls.setProperty("role", "muted")
        self._note = QLabel()
        self._note.setObjectName("TransferNote")
        self._note.setWordWrap(True)
        self._hint = QLabel()
        self._hint.setProperty("role", "muted")
        self._hint.setWordWrap(True)

        facts = QVBoxLayout()
        facts.setSpacing(8)
        facts.addStretch(1)
        facts.addWidget(self._service)
        badge_row = QHBoxLayout()
        badge_row.addWidget(self._priority)
        badge_row.addStretch(1)
        facts.addLayout(badge_row)
        facts.addWidget(self._waited)
        facts.addWidget(self._timer_caption)
        facts.addWidget(self._timer)
        facts.addWidget(self._recalls)
        facts.addWidget(self._note)
        facts.addWidget(self._hint)
        facts.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.addWidget(self._number, 3)
        layout.addLayout(facts, 2)
        self.show_ticket(None)

    @property
    def ticket(self) -> TicketView | None:
        return self._ticket

    @property
    def number_text(self) -> str:
        return self._number.text()

    @property
    def hint_text(self) -> str:
        return self._hint.text()

    def show_ticket(self, ticket: TicketView | None, idle_hint: str = "") -> None:
        self._ticket = ticket
        has = ticket is not None
        for widget in (self._service, self._waited, self._timer_caption, self._timer):
            widget.setVisible(has)
        self._hint.setVisible(not has and bool(idle_hint))
        self._hint.setText(idle_hint)
        self._style_number()
        if ticket is None:
            self._number.setText("—")
            self._priority.setVisible(False)
            self._recalls.setVisible(False)
            self._note.setVisible(False)
            return
        self._number.setText(ticket.label)
        self._service.setText(texts.service_name(ticket.service_name_zh, ticket.service_name_en))
        self._priority.setVisible(ticket.priority != "none")
        self._priority.setText(
            self.tr("优先 · %1").replace("%1", texts.name(texts.PRIORITIES, ticket.priority))
        )
        self._recalls.setVisible(ticket.recall_count > 0)
        self._recalls.setText(self.tr("已重呼 %1 次").replace("%1", str(ticket.recall_count)))
        self._note.setVisible(ticket.transfer_count > 0)
        note = ticket.transfer_note or self.tr("（无备注）")
        self._note.setText(self.tr("转来：%1").replace("%1", note))
        self._timer_caption.setText(
            self.tr("办理用时") if ticket.status == "serving" else self.tr("叫号后等待")
        )
        self._number.setProperty("state", ticket.status)
        repolish(self._number)

    def tick(self, now: datetime) -> None:
        """Advance the running timer and the wait (no database work)."""
        ticket = self._ticket
        if ticket is None:
            return
        waited = minutes_between(ticket.issued_at, ticket.called_at or now)
        self._waited.setText(self.tr("已等候 %1 分钟").replace("%1", f"{waited:.0f}"))
        since = ticket.started_at if ticket.status == "serving" else ticket.called_at
        self._timer.setText(mm_ss(minutes_between(since, now) * 60))

    def _style_number(self) -> None:
        # A style sheet font size beats setFont(), so the sizes go through the style sheet,
        # the number's in one sheet with its idle colour: a pale dash, so an empty window
        # never reads as a number.
        idle = " color: #C5CCCC;" if self._ticket is None else ""
        self._number.setStyleSheet(f"font-size: {self._number_px}px;{idle}")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # As large as fits: about 60 % of the panel's height, 4–5 characters across.
        size = max(40, int(min(self.height() * 0.6, self.width() * 0.6 / 3.2)))
        self._number_px = size
        self._style_number()
        self._service.setStyleSheet(f"font-size: {max(22, size // 6)}px;")
        self._timer.setStyleSheet(f"font-size: {max(26, size // 5)}px;")
