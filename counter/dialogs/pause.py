"""暂停: why the window stops calling — a usual reason by digit, or typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from counter import texts


class PauseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("暂停服务"))
        self._reason = QComboBox()
        self._reason.setEditable(True)
        self._reason.addItems([texts.tr(r) for r in texts.PAUSE_REASONS])
        self._reason.setMinimumWidth(320)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("暂停原因（显示在大厅主管处）：")))
        layout.addWidget(self._reason)
        layout.addWidget(buttons)
        self._reason.setFocus()

    def reason(self) -> str:
        return self._reason.currentText().strip()

    @classmethod
    def ask(cls, parent: QWidget) -> str | None:
        dialog = cls(parent)
        return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None
