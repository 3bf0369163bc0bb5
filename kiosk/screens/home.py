"""首页: one tile per service, the priority lane, rating, complaints.

One tap on an open service issues a ticket. The priority lane (绿色通道) takes two taps: who
you are, then the service.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QVBoxLayout, QWidget

from kiosk import texts
from kiosk.operations import HallSnapshot
from kiosk.screens.base import KioskScreen, make_label
from kiosk.widgets.service_grid import ServiceGrid
from kiosk.widgets.touch_button import TouchButton


class PriorityPanel(QFrame):
    """The priority lane: one button per kind of customer the hall serves first.

    Signals:
        chosen(str): the priority kind tapped.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PriorityPanel")
        self._title = make_label("section", wrap=False)
        self._hint = make_label("hint")
        self._buttons: dict[str, TouchButton] = {}
        self._grid = QGridLayout()
        self._grid.setSpacing(16)
        self._columns = 2
        heading = QHBoxLayout()
        heading.setSpacing(24)
        heading.addWidget(self._title)
        heading.addWidget(self._hint, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 16, 28, 24)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addLayout(self._grid)

    @property
    def buttons(self) -> dict[str, TouchButton]:
        return dict(self._buttons)

    def set_kinds(self, kinds: tuple[str, ...]) -> None:
        if tuple(self._buttons) == kinds:
            return
        for button in self._buttons.values():
            self._grid.removeWidget(button)
            button.deleteLater()
        self._buttons = {}
        for kind in kinds:
            button = TouchButton(texts.priority_name(kind), role="priority")
            button.clicked.connect(lambda _=False, k=kind: self.chosen.emit(k))
            self._buttons[kind] = button
        self._place()
        self.setVisible(bool(kinds))

    def set_columns(self, columns: int) -> None:
        self._columns = columns
        self._place()

    def _place(self) -> None:
        for button in self._buttons.values():
            self._grid.removeWidget(button)
        for i, button in enumerate(self._buttons.values()):
            self._grid.addWidget(button, i // self._columns, i % self._columns)

    def retranslate(self) -> None:
        self._title.setText(self.tr("绿色通道"))
        self._hint.setText(self.tr("以下客户优先办理，请先选择"))
        for kind, button in self._buttons.items():
            button.setText(texts.priority_name(kind))


class HomeScreen(KioskScreen):
    """The kiosk's first screen.

    Signals:
        service_chosen(str): a service tile was tapped (issue a ticket now).
        priority_chosen(str): a priority kind was tapped (choose the service next).
        rate_requested(): 评价服务.
        complaint_requested(): 投诉建议.
    """

    service_chosen = Signal(str)
    priority_chosen = Signal(str)
    rate_requested = Signal()
    complaint_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = make_label("title")
        self._hint = make_label("hint")
        self.services = ServiceGrid()
        self.services.chosen.connect(self.service_chosen)
        self.priority = PriorityPanel()
        self.priority.chosen.connect(self.priority_chosen)
        self.rate_button = TouchButton(role="action")
        self.rate_button.clicked.connect(self.rate_requested)
        self.complaint_button = TouchButton(role="action")
        self.complaint_button.clicked.connect(self.complaint_requested)
        self._actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._actions.setSpacing(24)
        self._actions.addWidget(self.rate_button)
        self._actions.addWidget(self.complaint_button)

        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.setSpacing(20)
        left.addWidget(self._title)
        left.addWidget(self._hint)
        left.addWidget(self.services, 1)
        left.addWidget(self.priority)
        self._right = QVBoxLayout()
        self._right.setContentsMargins(0, 0, 0, 0)
        # Landscape: the buttons sit at the bottom, level with the priority lane.
        self._right.addStretch(1)
        self._right.addLayout(self._actions)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(40, 30, 40, 36)
        self._layout.setSpacing(36)
        self._layout.addLayout(left, 1)
        self._layout.addLayout(self._right)
        self.arrange()
        self.retranslate()

    def show_hall(self, snapshot: HallSnapshot) -> None:
        self.services.set_services(snapshot.services)
        self.priority.set_kinds(snapshot.settings.priority_kinds)
        self.arrange()

    def arrange(self) -> None:
        few = len(self.priority.buttons) <= 4
        if self.landscape:
            # Services and the lane on the left; the feedback buttons in a column on the right.
            self._layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self._layout.setStretch(0, 3)
            self._layout.setStretch(1, 1)
            self._actions.setDirection(QBoxLayout.Direction.TopToBottom)
            self.services.set_columns(3 if len(self.services.tiles) > 4 else 2)
            self.priority.set_columns(4 if few else 3)
        else:
            self._layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self._layout.setStretch(0, 1)
            self._layout.setStretch(1, 0)
            self._actions.setDirection(QBoxLayout.Direction.LeftToRight)
            self.services.set_columns(2)
            self.priority.set_columns(2)

    def retranslate(self) -> None:
        self._title.setText(self.tr("请选择业务"))
        self._hint.setText(self.tr("点一下即可取号"))
        self.rate_button.setText(self.tr("评价服务"))
        self.complaint_button.setText(self.tr("投诉建议"))
        self.priority.retranslate()
        self.services.refresh_texts()
