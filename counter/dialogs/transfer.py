"""转移: send the current customer to another service or to a given window, with a note.

The customer keeps their place in the queue (the original issue time), so the dialog itself is
the confirmation; the note travels with the ticket to the next clerk.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from counter import texts
from counter.operations import TransferTargets


@dataclass(frozen=True)
class TransferRequest:
    to_service: str | None
    to_window: int | None
    note: str


class TransferDialog(QDialog):
    def __init__(
        self,
        label: str,
        targets: TransferTargets,
        current_service: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("转移 %1").replace("%1", label))
        self._to_service = QRadioButton(self.tr("转到业务"))
        self._to_window = QRadioButton(self.tr("转到窗口"))
        group = QButtonGroup(self)
        group.addButton(self._to_service)
        group.addButton(self._to_window)
        self._services = QComboBox()
        for service in targets.services:
            if service.code == current_service:
                continue
            name = texts.service_name(service.name_zh, service.name_en)
            self._services.addItem(f"{service.code}  {name}", service.code)
        self._windows = QComboBox()
        for window in targets.windows:
            holder = window.holder_name or self.tr("无人")
            self._windows.addItem(
                self.tr("%1 号窗口（%2）").replace("%1", str(window.number)).replace("%2", holder),
                window.number,
            )
        self._note = QLineEdit()
        self._note.setMaxLength(200)
        self._note.setPlaceholderText(self.tr("给下一位办理人员的说明，例如：已收资料，需现场勘查"))
        self._to_service.setEnabled(self._services.count() > 0)
        self._to_window.setEnabled(self._windows.count() > 0)
        (self._to_service if self._services.count() else self._to_window).setChecked(True)
        self._services.currentIndexChanged.connect(lambda _i: self._to_service.setChecked(True))
        self._windows.currentIndexChanged.connect(lambda _i: self._to_window.setChecked(True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QGridLayout(self)
        layout.addWidget(self._to_service, 0, 0)
        layout.addWidget(self._services, 0, 1)
        layout.addWidget(self._to_window, 1, 0)
        layout.addWidget(self._windows, 1, 1)
        layout.addWidget(QLabel(self.tr("备注：")), 2, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self._note, 2, 1)
        layout.addWidget(buttons, 3, 0, 1, 2)
        layout.setColumnMinimumWidth(1, 380)
        self._note.setFocus()

    def request(self) -> TransferRequest:
        note = self._note.text().strip()
        if self._to_window.isChecked():
            return TransferRequest(None, self._windows.currentData(), note)
        return TransferRequest(self._services.currentData(), None, note)

    @classmethod
    def ask(
        cls, parent: QWidget, label: str, targets: TransferTargets, current_service: str
    ) -> TransferRequest | None:
        dialog = cls(label, targets, current_service, parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
