"""Back to the home screen when nobody has touched the kiosk for a while."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

# Any of these means a person is using the kiosk.
_ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
    }
)


class IdleWatch(QObject):
    """Watches the application's input.

    Signals:
        idle(): no touch, click or key for `seconds`.
    """

    idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.idle)
        self.seconds = 0.0
        self.set_seconds(seconds)

    def set_seconds(self, seconds: float) -> None:
        if seconds != self.seconds:
            self.seconds = seconds
            self._timer.setInterval(int(seconds * 1000))
            self._timer.start()

    def poke(self) -> None:
        """Start counting again (also called by screens that change without a touch)."""
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt override
        if event.type() in _ACTIVITY:
            self._timer.start()
        return False
