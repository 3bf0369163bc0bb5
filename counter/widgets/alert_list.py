"""What the supervisor should look at now: SLA breaches, long pauses, device faults, complaints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from common.qt import theme
from common.status import Alert
from counter import texts
from counter.messages import one_language
from counter.style import AMBER_LIGHT, RED_LIGHT


class AlertList(QListWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self._alerts: tuple[Alert, ...] = ()

    @property
    def alerts(self) -> tuple[Alert, ...]:
        return self._alerts

    def set_alerts(self, alerts: tuple[Alert, ...]) -> None:
        self._alerts = alerts
        self.clear()
        if not alerts:
            item = QListWidgetItem(self.tr("一切正常，没有需要处理的提醒。"))
            item.setForeground(QBrush(QColor(theme.MUTED)))
            self.addItem(item)
            return
        for alert in alerts:
            kind = texts.name(texts.ALERT_KINDS, alert.kind)
            # The Chinese half carries the figures; English readers get both halves.
            message = alert.message if texts.english() else one_language(alert.message)
            item = QListWidgetItem(f"[{kind}] {message}")
            fault = alert.severity == "fault"
            item.setBackground(QBrush(QColor(RED_LIGHT if fault else AMBER_LIGHT)))
            item.setForeground(QBrush(QColor(theme.RED if fault else theme.INK)))
            self.addItem(item)
