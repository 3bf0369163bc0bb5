"""Waiting per service for the supervisor: how many, the longest wait against the SLA, today."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from common.engine import ServiceState
from counter import texts
from counter.widgets.waiting_list import LEVEL_BACKGROUNDS, wait_level


class ServiceTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("业务"),
                self.tr("等候"),
                self.tr("最长等候(分)"),
                self.tr("今日取号"),
                self.tr("状态"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self._services: tuple[ServiceState, ...] = ()
        self._loaded_at: datetime | None = None
        self._sla = 20

    def set_services(
        self, services: tuple[ServiceState, ...], sla_minutes: int, now: datetime
    ) -> None:
        self._services = services
        self._loaded_at = now
        self._sla = sla_minutes
        self.setRowCount(len(services))
        for row, service in enumerate(services):
            name = texts.service_name(service.name_zh, service.name_en)
            limit = f" / {service.daily_limit}" if service.daily_limit else ""
            cells = [
                f"{service.code}  {name}",
                str(service.waiting),
                "",
                f"{service.issued_today}{limit}",
                self._status_text(service),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column in (1, 2, 3):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)
        self.tick(now)

    def _status_text(self, service: ServiceState) -> str:
        if service.open_now:
            return self.tr("可取号")
        return {
            "inactive": self.tr("已停用"),
            "hours": self.tr("非办理时间"),
            "limit": self.tr("今日已满"),
        }.get(service.closed_reason, service.closed_reason)

    def tick(self, now: datetime) -> None:
        if self._loaded_at is None:
            return
        since_load = max(timedelta(0), now - self._loaded_at).total_seconds() / 60
        for row, service in enumerate(self._services):
            longest = service.longest_wait_min + since_load if service.waiting else 0.0
            item = self.item(row, 2)
            if item is None:
                continue
            item.setText(str(int(longest)) if service.waiting else "—")
            background = (
                LEVEL_BACKGROUNDS[wait_level(longest, self._sla)] if service.waiting else None
            )
            brush = QBrush(QColor(background)) if background else QBrush()
            for column in range(self.columnCount()):
                cell = self.item(row, column)
                if cell is not None:
                    cell.setBackground(brush)
