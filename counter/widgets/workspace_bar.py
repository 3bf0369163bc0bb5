"""The strip across the top: the hall, who is logged in where, the database link, the clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from common.staff import LoginResult
from counter import texts


class WorkspaceBar(QFrame):
    """Signals:
    logout_requested(): the 退出 button was pressed.
    """

    logout_requested = Signal()

    def __init__(self, user: LoginResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WorkspaceBar")
        self._hall = QLabel()
        self._hall.setStyleSheet("font-weight: bold;")
        who = f"{user.staff.name} · {texts.name(texts.ROLES, user.staff.role)}"
        if user.window is not None:
            who += " · " + self.tr("%1 号窗口").replace("%1", str(user.window))
        self._who = QLabel(who)
        self.offline = QLabel()
        self.offline.setObjectName("Offline")
        self.offline.setVisible(False)
        self._clock = QLabel()
        self._clock.setObjectName("Clock")
        logout = QPushButton(self.tr("退出登录"))
        logout.clicked.connect(self.logout_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.setSpacing(18)
        layout.addWidget(self._hall)
        layout.addStretch(1)
        layout.addWidget(self.offline)
        layout.addWidget(self._who)
        layout.addWidget(self._clock)
        layout.addWidget(logout)

    def set_hall_name(self, name: str) -> None:
        self._hall.setText(name)

    def set_connected(self, connected: bool) -> None:
        self.offline.setText(self.tr("数据库连接中断，正在重连…"))
        self.offline.setVisible(not connected)

    def tick(self, local: datetime) -> None:
        self._clock.setText(local.strftime("%H:%M:%S"))
