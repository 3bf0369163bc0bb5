"""One window in the supervisor's hall view: who is there, its state, its customer, the timer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from common.engine import WindowState
from common.qt import theme
from counter import texts
from counter.hall_clock import minutes_between, mm_ss
from counter.style import STATE_COLOURS


class WindowTile(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        self._state: WindowState | None = None
        self._pause_alert_minutes = 15
        self._sla = 20
        self._title = QLabel()
        self._title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self._badge = QLabel()
        self._badge.setObjectName("StateBadge")
        self._badge.setStyleSheet("font-size: 14px;")
        self._clerk = QLabel()
        self._clerk.setProperty("role", "muted")
        self._number = QLabel()
        self._number.setStyleSheet("font-size: 34px; font-weight: bold;")
        self._timer = QLabel()
        self._timer.setStyleSheet("font-size: 17px; font-weight: bold;")
        self._detail = QLabel()
        self._detail.setProperty("role", "muted")
        self._detail.setWordWrap(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setVerticalSpacing(2)
        layout.addWidget(self._title, 0, 0)
        layout.addWidget(self._badge, 0, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._clerk, 1, 0, 1, 2)
        layout.addWidget(self._number, 2, 0)
        layout.addWidget(self._timer, 2, 1, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._detail, 3, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    @property
    def state(self) -> WindowState | None:
        return self._state

    def set_state(self, state: WindowState, sla_minutes: int, pause_alert_minutes: int) -> None:
        self._state = state
        self._sla = sla_minutes
        self._pause_alert_minutes = pause_alert_minutes
        self._title.setText(self.tr("%1 号窗口").replace("%1", str(state.number)))
        kind = state.state
        self._badge.setText(texts.name(texts.WINDOW_STATES, kind))
        self._badge.setStyleSheet(
            f"font-size: 14px; background: {STATE_COLOURS.get(kind, '#777')};"
        )
        self._clerk.setText(state.staff_name or self.tr("无人登录"))
        current = state.current
        self._number.setText(current.label if current is not None else "—")

    def tick(self, now: datetime) -> None:
        state = self._state
        if state is None:
            return
        current = state.current
        details: list[str] = []
        colour = theme.INK
        if current is not None:
            since = current.started_at if current.status == "serving" else current.called_at
            caption = self.tr("办理") if current.status == "serving" else self.tr("叫号")
            self._timer.setText(f"{caption} {mm_ss(minutes_between(since, now) * 60)}")
            details.append(texts.service_name(current.service_name_zh, current.service_name_en))
            if current.priority != "none":
                details.append(texts.name(texts.PRIORITIES, current.priority))
            if minutes_between(since, now) >= self._sla:
                colour = theme.RED
        else:
            self._timer.setText("")
        if state.paused:
            paused_for = minutes_between(state.paused_at, now)
            reason = state.pause_reason or self.tr("未注明原因")
            details.append(
                self.tr("暂停 %1 分钟：%2").replace("%1", f"{paused_for:.0f}").replace("%2", reason)
            )
            if paused_for >= self._pause_alert_minutes:
                colour = theme.RED
        if state.parked:
            details.append(
                self.tr("挂起 %1").replace("%1", " ".join(t.label for t in state.parked))
            )
        self._timer.setStyleSheet(f"font-size: 17px; font-weight: bold; color: {colour};")
        self._detail.setText(" · ".join(details))
