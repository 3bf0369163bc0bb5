"""办结: pick the outcome — Enter takes the first (已办结), digits 1–5 pick directly."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from counter import texts


class FinishDialog(QDialog):
    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("办结 %1").replace("%1", label))
        prompt = QLabel(self.tr("办理结果（按数字键选择，回车确认）："))
        self._list = QListWidget()
        for index, (code, _) in enumerate(texts.OUTCOMES.items(), start=1):
            item = QListWidgetItem(f"{index}  {texts.name(texts.OUTCOMES, code)}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self._list.addItem(item)
        self._list.setCurrentRow(0)
        self._list.itemActivated.connect(lambda _item: self.accept())
        self._list.setMinimumHeight(self._list.sizeHintForRow(0) * (self._list.count() + 1))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self._list)
        layout.addWidget(buttons)
        self._list.setFocus()

    def outcome(self) -> str:
        item = self._list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else "done"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = event.text()
        if digit.isdigit() and 1 <= int(digit) <= self._list.count():
            self._list.setCurrentRow(int(digit) - 1)
            self.accept()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget, label: str) -> str | None:
        """The chosen outcome code, or None when the clerk cancels."""
        dialog = cls(label, parent)
        return dialog.outcome() if dialog.exec() == QDialog.DialogCode.Accepted else None
