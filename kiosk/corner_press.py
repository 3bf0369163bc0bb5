"""The hidden way out of kiosk mode: a long press in the top-left corner of the screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

CORNER_PX = 120
HOLD_MS = 3000


class CornerPress(QObject):
    """Watches presses on `window`; holding the corner for `HOLD_MS` emits `triggered`.

    Signals:
        triggered(): the corner was held long enough.
    """

    triggered = Signal()

    def __init__(self, window: QWidget, hold_ms: int = HOLD_MS) -> None:
        super().__init__(window)
        self._window = window
        self._hold = QTimer(self, singleShot=True, interval=hold_ms)
        self._hold.timeout.connect(self.triggered)

    def _in_corner(self, global_pos: QPoint) -> bool:
        local = self._window.mapFromGlobal(global_pos)
        return QRect(0, 0, CORNER_PX, CORNER_PX).contains(local)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt override
        if not isinstance(event, QMouseEvent):
            return False
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if self._in_corner(event.globalPosition().toPoint()):
                self._hold.start()
            else:
                self._hold.stop()
        elif kind == QEvent.Type.MouseButtonRelease or (
            kind == QEvent.Type.MouseMove
            and self._hold.isActive()
            and not self._in_corner(event.globalPosition().toPoint())
        ):
            self._hold.stop()
        return False
