"""管理 · 业务 — services: code, names, number prefix, opening hours, daily limit, flags."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QWidget,
)

from common import admin
from common.admin import ServiceConfig
from common.engine import QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter import texts
from counter.guard import while_alive
from counter.widgets.editor_panel import EditorPanel
from counter.widgets.form_feedback import FormFeedback
from counter.widgets.record_table import record_table

RELOAD_KINDS = frozenset({"service_changed"})


class ServicesPage(QWidget):
    """Signals:
    loaded(): the list has arrived.
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
        self._services: list[ServiceConfig] = []
        self._editing: ServiceConfig | None = None

        self.table = record_table(
            [
                self.tr("代码"),
                self.tr("名称"),
                self.tr("前缀"),
                self.tr("每日限号"),
                self.tr("投诉类"),
                self.tr("状态"),
            ],
            stretch=1,
        )

        self.code = QLineEdit()
        self.code.setMaxLength(20)
        self.name_zh = QLineEdit()
        self.name_zh.setMaxLength(60)
        self.name_en = QLineEdit()
        self.name_en.setMaxLength(80)
        self.prefix = QLineEdit()
        self.prefix.setMaxLength(3)
        self.prefix.setPlaceholderText(self.tr("默认同代码"))
        self.number_width = QSpinBox()
        self.number_width.setRange(1, 5)
        self.daily_limit = QSpinBox()
        self.daily_limit.setRange(0, 99999)
        self.daily_limit.setSpecialValueText(self.tr("不限"))
        self.sort_order = QSpinBox()
        self.sort_order.setRange(-1000, 1000)
        for spin in (self.number_width, self.daily_limit, self.sort_order):
            spin.setMaximumWidth(160)
        self.is_complaint = QCheckBox(self.tr("投诉咨询类"))
        self.is_complaint.setToolTip(self.tr("取号机会引导这类客户填写意见反馈"))
        self.active = QCheckBox(self.tr("启用"))
        self.always_open = QCheckBox(self.tr("不限办理时间"))
        self.hours: list[QLineEdit] = []
        hours_box = QGridLayout()
        for day, name in enumerate(texts.WEEKDAYS):
            field = QLineEdit()
            field.setPlaceholderText(self.tr("不办理"))
            self.hours.append(field)
            hours_box.addWidget(QLabel(texts.tr(name)), day, 0)
            hours_box.addWidget(field, day, 1)
        hours_hint = QLabel(self.tr("例如 08:30-12:00, 13:30-17:30；留空表示当天不办理"))
        hours_hint.setProperty("role", "muted")
        hours_hint.setWordWrap(True)

        self.new_button = QPushButton(self.tr("新建业务"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setProperty("role", "primary")
        self.feedback = FormFeedback(
            {
                "code": self.code,
                "name_zh": self.name_zh,
                "name_en": self.name_en,
                "prefix": self.prefix,
                "number_width": self.number_width,
                "daily_limit": self.daily_limit,
                "sort_order": self.sort_order,
                "opening_hours": self.hours[0],
                **{f"hours_{day}": field for day, field in enumerate(self.hours)},
            }
        )

        form = QFormLayout()
        form.addRow(self.tr("代码"), self.code)
        form.addRow(self.tr("中文名称"), self.name_zh)
        form.addRow(self.tr("英文名称"), self.name_en)
        form.addRow(self.tr("号码前缀"), self.prefix)
        form.addRow(self.tr("号码位数"), self.number_width)
        form.addRow(self.tr("每日限号"), self.daily_limit)
        form.addRow(self.tr("排序"), self.sort_order)
        form.addRow("", self.is_complaint)
        form.addRow("", self.active)
        form.addRow(self.tr("办理时间"), self.always_open)
        editor = EditorPanel()
        self.form_title = editor.title
        editor.body.addLayout(form)
        editor.body.addLayout(hours_box)
        editor.body.addWidget(hours_hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor.footer.addLayout(buttons)
        editor.footer.addWidget(self.feedback)
        editor.body.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.table, 3)
        layout.addWidget(editor, 2)

        self.table.currentCellChanged.connect(lambda row, *_a: self._on_row_chosen(row))
        self.always_open.toggled.connect(self._on_always_open)
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.save_button.clicked.connect(self._on_save)
        feed.changed.connect(self._on_changes)
        self.edit(None)
        self.reload()

    def reload(self) -> None:
        engine = self._engine
        self._runner.submit(
            lambda: admin.list_services(engine),
            while_alive(self, self._on_loaded),
            while_alive(self, self.feedback.show_error),
        )

    def _on_loaded(self, services: list[ServiceConfig]) -> None:
        self._services = services
        self.table.blockSignals(True)
        self.table.setRowCount(len(services))
        for row, service in enumerate(services):
            limit = str(service.daily_limit) if service.daily_limit else self.tr("不限")
            cells = [
                service.code,
                texts.service_name(service.name_zh, service.name_en),
                service.prefix,
                limit,
                self.tr("是") if service.is_complaint else "",
                self.tr("启用") if service.active else self.tr("停用"),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if self._editing is not None and service.id == self._editing.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.loaded.emit()

    def _on_row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._services):
            self.edit(self._services[row])

    def edit(self, service: ServiceConfig | None) -> None:
        """Fill the form with `service`, or empty it for a new one."""
        self._editing = service
        draft = service or ServiceConfig("", "")
        self.form_title.setText(
            self.tr("编辑业务 %1").replace("%1", draft.code) if service else self.tr("新建业务")
        )
        self.code.setText(draft.code)
        self.name_zh.setText(draft.name_zh)
        self.name_en.setText(draft.name_en)
        self.prefix.setText(draft.prefix)
        self.number_width.setValue(draft.number_width)
        self.daily_limit.setValue(draft.daily_limit or 0)
        self.sort_order.setValue(draft.sort_order if service else len(self._services))
        self.is_complaint.setChecked(draft.is_complaint)
        self.active.setChecked(draft.active)
        self.always_open.setChecked(draft.opening_hours is None)
        for day, field in enumerate(self.hours):
            spans = (draft.opening_hours or {}).get(str(day))
            field.setText(admin.format_hours(spans))
        self._on_always_open(self.always_open.isChecked())
        self.feedback.clear_marks()
        self.feedback.clear()
        if service is None:
            self.table.clearSelection()
            self.code.setFocus()

    def _on_always_open(self, always: bool) -> None:
        for field in self.hours:
            field.setEnabled(not always)

    def draft(self) -> ServiceConfig:
        """The form as a service; raises InvalidField for opening hours it cannot read."""
        hours = None
        if not self.always_open.isChecked():
            hours = {}
            for day, field in enumerate(self.hours):
                try:
                    spans = admin.parse_hours_text(field.text())
                except admin.InvalidField as e:
                    raise admin.InvalidField(e.message, code=e.code, field=f"hours_{day}") from e
                if spans:
                    hours[str(day)] = spans
        return ServiceConfig(
            code=self.code.text(),
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            prefix=self.prefix.text(),
            number_width=self.number_width.value(),
            daily_limit=self.daily_limit.value() or None,
            opening_hours=hours,
            is_complaint=self.is_complaint.isChecked(),
            active=self.active.isChecked(),
            sort_order=self.sort_order.value(),
            id=self._editing.id if self._editing else None,
        )

    def _on_save(self) -> None:
        try:
            draft = self.draft()
        except admin.InvalidField as e:
            self.feedback.show_error(e)
            return
        engine, actor = self._engine, self._actor
        self.save_button.setEnabled(False)

        def done(saved: ServiceConfig) -> None:
            self.save_button.setEnabled(True)
            self.edit(saved)
            self.feedback.show_saved(self.tr("已保存业务 %1").replace("%1", saved.code))
            self.reload()

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.feedback.show_error(error)

        self._runner.submit(
            lambda: admin.save_service(engine, actor, draft),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.reload()
