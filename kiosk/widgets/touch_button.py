"""A button for fingers: big, never takes keyboard focus (a barcode scanner types there)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget


class TouchButton(QPushButton):
    """A QPushButton styled by its `role` (primary, big, key, priority…) in `kiosk.style`."""

    def __init__(
        self,
        text: str = "",
        role: str = "",
        checkable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setText(text)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if role:
            self.setProperty("role", role)
        self.setCheckable(checkable)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:  # noqa: N802 — Qt name
        # "&" would become a keyboard mnemonic ("Complaints & ideas" lost its ampersand).
        super().setText(text.replace("&", "&&"))
