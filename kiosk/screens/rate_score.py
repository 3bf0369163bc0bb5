"""评价服务, step two: who served you, and five faces from 非常满意 to 非常不满意."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from common.engine import RatingTarget
from kiosk import texts
from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.face_button import FaceButton
from kiosk.widgets.touch_button import TouchButton


class RateScoreScreen(KioskScreen):
    """Signals:
    scored(int): the face tapped, 5 (非常满意) to 1 (非常不满意).
    back(): to the home screen.
    """

    scored = Signal(int)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: RatingTarget | None = None
        self._title = make_label("title", center=True)
        self._who = make_label("subtitle", center=True)
        self._service = make_label("hint", center=True)
        self.faces = {score: FaceButton(score) for score in (5, 4, 3, 2, 1)}
        row = QHBoxLayout()
        row.setSpacing(16)
        for score, face in self.faces.items():
            face.clicked.connect(lambda _=False, s=score: self.scored.emit(s))
            row.addWidget(face)
        self.back_button = TouchButton()
        self.back_button.setMaximumWidth(420)
        self.back_button.setMinimumWidth(320)
        self.back_button.clicked.connect(self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(50, 40, 50, 36)
        layout.setSpacing(28)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self._who)
        layout.addWidget(self._service)
        layout.addSpacing(30)
        layout.addLayout(row)
        layout.addStretch(2)
        layout.addLayout(buttons)
        self.retranslate()

    def show_target(self, target: RatingTarget) -> None:
        self.target = target
        self.retranslate()

    def reset(self) -> None:
        self.target = None

    def retranslate(self) -> None:
        self._title.setText(self.tr("请您为本次服务评价"))
        self.back_button.setText(self.tr("返回"))
        for face in self.faces.values():
            face.setAccessibleName(texts.score_name(face.score))
            face.update()
        target = self.target
        if target is None:
            self._who.setText("")
            self._service.setText("")
            return
        window = str(target.window) if target.window is not None else "—"
        if target.staff_name:
            who = self.tr("为您服务的是 %1 号窗口 %2").replace("%1", window)
            who = who.replace("%2", target.staff_name)
        else:
            who = self.tr("为您服务的是 %1 号窗口").replace("%1", window)
        self._who.setText(who)
        ticket = target.ticket
        service = texts.service_name(ticket.service_name_zh, ticket.service_name_en)
        self._service.setText(f"{ticket.label} · {service}")
