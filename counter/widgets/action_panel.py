"""The console's actions, each a large button with its hotkey shown on it.

The F-keys work wherever the focus is in the console's window (and only while the console is
visible); a key of an action that does not apply does nothing, like its greyed-out button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QGridLayout, QPushButton, QWidget

from counter.style import repolish

# (action, hotkey) in the order the buttons appear.
HOTKEYS = (
    ("call_next", "F1"),
    ("recall", "F2"),
    ("start", "F3"),
    ("finish", "F4"),
    ("no_show", "F5"),
    ("transfer", "F6"),
    ("park", "F7"),
    ("resume", "F8"),
    ("pause", "F9"),
    ("call_number", "F10"),
)
COLUMNS = 5


class ActionPanel(QFrame):
    """Signals:
    triggered(str): an action's button was clicked or its hotkey pressed.
    """

    triggered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._captions = {
            "call_next": self.tr("呼叫下一位"),
            "recall": self.tr("重呼"),
            "start": self.tr("开始办理"),
            "finish": self.tr("办结"),
            "no_show": self.tr("过号"),
            "transfer": self.tr("转移"),
            "park": self.tr("挂起"),
            "resume": self.tr("回呼"),
            "pause": self.tr("暂停"),
            "call_number": self.tr("指定呼叫"),
        }
        self._keys = dict(HOTKEYS)
        self.buttons: dict[str, QPushButton] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        for index, (action, key) in enumerate(HOTKEYS):
            button = QPushButton()
            button.setProperty("action", "true")
            # Buttons never take the focus: Enter/Space must not fire the last clicked one.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=action: self.triggered.emit(a))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(button.click)
            self.buttons[action] = button
            layout.addWidget(button, index // COLUMNS, index % COLUMNS)
        self.buttons["call_next"].setProperty("role", "primary")
        self._paused = False
        self._armed = False
        self._relabel()

    def set_available(self, available: dict[str, bool]) -> None:
        for action, button in self.buttons.items():
            button.setEnabled(available.get(action, False))

    def set_paused(self, paused: bool) -> None:
        self._paused = paused
        self._relabel()

    def set_no_show_armed(self, armed: bool) -> None:
        """A first 过号 press arms the button; the second within a few seconds confirms."""
        self._armed = armed
        self.buttons["no_show"].setProperty("armed", "true" if armed else "false")
        repolish(self.buttons["no_show"])
        self._relabel()

    def caption(self, action: str) -> str:
        return self.buttons[action].text()

    def _relabel(self) -> None:
        for action, button in self.buttons.items():
            caption = self._captions[action]
            if action == "pause" and self._paused:
                caption = self.tr("恢复")
            if action == "no_show" and self._armed:
                caption = self.tr("确认过号")
            button.setText(f"{caption}  {self._keys[action]}")
