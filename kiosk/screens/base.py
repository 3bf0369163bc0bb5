"""What every kiosk screen shares: words in the current language, a layout for the shape."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def make_label(role: str = "", wrap: bool = True, center: bool = False) -> QLabel:
    """A label styled by `role` (title, subtitle, hint, error, section) in `kiosk.style`."""
    label = QLabel()
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    if center:
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class KioskScreen(QWidget):
    """Base of the kiosk's screens.

    The window calls `retranslate()` after a language switch, `set_landscape()` when the
    screen's shape changes, and `reset()` when the customer leaves (idle or done), so the next
    customer never sees the last one's input.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._landscape = False

    @property
    def landscape(self) -> bool:
        return self._landscape

    def set_landscape(self, landscape: bool) -> None:
        if landscape != self._landscape:
            self._landscape = landscape
            self.arrange()

    def arrange(self) -> None:
        """Lay out for `self.landscape`; screens whose layout depends on the shape override it."""

    def retranslate(self) -> None:
        """Set every text again in the current language."""

    def reset(self) -> None:
        """Forget what the last customer entered."""
