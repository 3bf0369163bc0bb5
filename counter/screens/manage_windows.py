"""管理 · 窗口 — windows and the services each one calls, primary (主办) or secondary (辅办).

A window calls its primary services first and a secondary one only when no primary customer
waits; a larger rank comes later still.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from common import admin
from common.admin import ServiceConfig, WindowConfig
from common.engine import QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter import texts
from counter.guard import while_alive
from counter.widgets.editor_panel import EditorPanel
from counter.widgets.form_feedback import FormFeedback
from counter.widgets.record_table import record_table

RELOAD_KINDS = frozenset({"window_changed", "service_changed"})


class WindowsPage(QWidget):
    """Signals:
    loaded(): the windows and services have arrived.
    """

    loaded = Signal()

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        actor: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self._actor = actor
        self._windows: list[WindowConfig] = []
        self._services: list[ServiceConfig] = []
        self._editing: WindowConfig | None = None

        self.table = record_table(
            [self.tr("窗口"), self.tr("名称"), self.tr("状态"), self.tr("业务（主办 / 辅办）")],
            stretch=3,
        )

        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.name.setPlaceholderText(self.tr("默认“N号窗口”"))
        self.active = QCheckBox(self.tr("启用"))
        self.assignments = QTableWidget(0, 3)
        self.assignments.setHorizontalHeaderLabels(
            [self.tr("办理"), self.tr("业务"), self.tr("顺位（0 为主办）")]
        )
        self.assignments.verticalHeader().setVisible(False)
        self.assignments.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        assign_header = self.assignments.horizontalHeader()
        assign_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        assign_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._checks: list[QCheckBox] = []
        self._ranks: list[QSpinBox] = []

        self.new_button = QPushButton(self.tr("新建窗口"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setProperty("role", "primary")
        self.feedback = FormFeedback(
            {"number": self.number, "name": self.name, "services": self.assignments}
        )
        form = QFormLayout()
        form.addRow(self.tr("窗口号"), self.number)
        form.addRow(self.tr("名称"), self.name)
        form.addRow("", self.active)
        editor = EditorPanel()
        self.form_title = editor.title
        editor.body.addLayout(form)
        editor.body.addWidget(QLabel(self.tr("办理的业务：")))
        editor.body.addWidget(self.assignments, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor.footer.addLayout(buttons)
        editor.footer.addWidget(self.feedback)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.table, 3)
        layout.addWidget(editor, 2)

        self.table.currentCellChanged.connect(lambda row, *_a: self._on_row_chosen(row))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.save_button.clicked.connect(self._on_save)
        feed.changed.connect(self._on_changes)
        self.reload()

    def reload(self) -> None:
        engine = self._engine
        self._runner.submit(
            lambda: (admin.list_windows(engine), admin.list_services(engine)),
            while_alive(self, self._on_loaded),
            while_alive(self, self.feedback.show_error),
        )

    def _on_loaded(self, result: tuple[list[WindowConfig], list[ServiceConfig]]) -> None:
        self._windows, services = result
        services_changed = [s.code for s in services] != [s.code for s in self._services]
        self._services = services
        primary, secondary = self.tr("主"), self.tr("辅")
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._windows))
        for row, window in enumerate(self._windows):
            assigned = "  ".join(
                f"{code} {primary}" if rank == 0 else f"{code} {secondary}{rank}"
                for code, rank in window.services
            )
            cells = [
                str(window.number),
                window.name,
                self.tr("启用") if window.active else self.tr("停用"),
                assigned,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if self._editing is not None and window.id == self._editing.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        if services_changed:
            self.edit(self._editing)
        self.loaded.emit()

    def _on_row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._windows):
            self.edit(self._windows[row])

    def edit(self, window: WindowConfig | None) -> None:
        self._editing = window
        used = {w.number for w in self._windows}
        draft = window or WindowConfig(max(used, default=0) + 1)
        self.form_title.setText(
            self.tr("编辑 %1 号窗口").replace("%1", str(draft.number))
            if window
            else self.tr("新建窗口")
        )
        self.number.setValue(draft.number)
        self.name.setText(draft.name)
        self.active.setChecked(draft.active)
        ranks = dict(draft.services)
        self.assignments.setRowCount(len(self._services))
        self._checks, self._ranks = [], []
        for row, service in enumerate(self._services):
            check = QCheckBox()
            check.setChecked(service.code in ranks)
            rank = QSpinBox()
            rank.setRange(0, admin.MAX_RANK)
            rank.setValue(ranks.get(service.code, 1))
            rank.setEnabled(check.isChecked())
            check.toggled.connect(rank.setEnabled)
            name = texts.service_name(service.name_zh, service.name_en)
            item = QTableWidgetItem(f"{service.code}  {name}")
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.assignments.setCellWidget(row, 0, check)
            self.assignments.setItem(row, 1, item)
            self.assignments.setCellWidget(row, 2, rank)
            self._checks.append(check)
            self._ranks.append(rank)
        self.feedback.clear_marks()
        self.feedback.clear()
        if window is None:
            self.table.clearSelection()

    def set_assignment(self, code: str, rank: int | None) -> None:
        """Tick service `code` with `rank` in the form (None unticks it)."""
        row = [s.code for s in self._services].index(code)
        self._checks[row].setChecked(rank is not None)
        if rank is not None:
            self._ranks[row].setValue(rank)

    def draft(self) -> WindowConfig:
        services = tuple(
            (service.code, rank.value())
            for service, check, rank in zip(self._services, self._checks, self._ranks, strict=True)
            if check.isChecked()
        )
        return WindowConfig(
            number=self.number.value(),
            name=self.name.text(),
            active=self.active.isChecked(),
            services=tuple(sorted(services, key=lambda s: s[1])),
            id=self._editing.id if self._editing else None,
        )

    def _on_save(self) -> None:
        draft = self.draft()
        engine, actor = self._engine, self._actor
        self.save_button.setEnabled(False)

        def done(saved: WindowConfig) -> None:
            self.save_button.setEnabled(True)
            self.edit(saved)
            self.feedback.show_saved(self.tr("已保存 %1 号窗口").replace("%1", str(saved.number)))
            self.reload()

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.feedback.show_error(error)

        self._runner.submit(
            lambda: admin.save_window(engine, actor, draft),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.reload()
