"""管理 · 公告 — notices for the board: outages, tariffs, service commitments, general news.

Times are entered in the hall's own timezone; a notice without an end stays until removed.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from common import admin
from common.admin import NoticeDraft, NoticeView
from common.engine import QueueEngine
from common.feed import Change
from common.models import NOTICE_KINDS
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter import texts
from counter.dialogs.confirm import Confirm
from counter.guard import while_alive
from counter.widgets.editor_panel import EditorPanel
from counter.widgets.form_feedback import FormFeedback
from counter.widgets.record_table import record_table

RELOAD_KINDS = frozenset({"notice_changed"})
DATE_FORMAT = "yyyy-MM-dd HH:mm"


def _to_qt(value: datetime, zone: ZoneInfo) -> QDateTime:
    local = value.astimezone(zone)
    return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), DATE_FORMAT)


def _from_qt(value: QDateTime, zone: ZoneInfo) -> datetime:
    return datetime.strptime(value.toString(DATE_FORMAT), "%Y-%m-%d %H:%M").replace(tzinfo=zone)


class NoticesPage(QWidget):
    """Signals:
    loaded(): the notices have arrived.
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
        self._notices: list[NoticeView] = []
        self._editing: NoticeView | None = None
        self._zone = ZoneInfo("Asia/Shanghai")
        self._now = datetime.now(self._zone)
        self._has_loaded = False

        self.table = record_table(
            [self.tr("类别"), self.tr("内容"), self.tr("有效期"), self.tr("状态")],
            stretch=1,
        )

        self.kind = QComboBox()
        for kind in NOTICE_KINDS:
            self.kind.addItem(texts.name(texts.NOTICE_KINDS, kind), kind)
        self.text_zh = QPlainTextEdit()
        self.text_zh.setMaximumHeight(110)
        self.text_en = QPlainTextEdit()
        self.text_en.setMaximumHeight(90)
        self.from_now = QCheckBox(self.tr("立即生效"))
        self.valid_from = QDateTimeEdit()
        self.valid_from.setDisplayFormat(DATE_FORMAT)
        self.valid_from.setCalendarPopup(True)
        self.no_end = QCheckBox(self.tr("长期有效"))
        self.valid_to = QDateTimeEdit()
        self.valid_to.setDisplayFormat(DATE_FORMAT)
        self.valid_to.setCalendarPopup(True)
        self.active = QCheckBox(self.tr("在显示屏上显示"))
        self.new_button = QPushButton(self.tr("新建公告"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setProperty("role", "primary")
        self.feedback = FormFeedback(
            {
                "kind": self.kind,
                "text_zh": self.text_zh,
                "text_en": self.text_en,
                "valid_from": self.valid_from,
                "valid_to": self.valid_to,
            }
        )
        start_row = QHBoxLayout()
        start_row.addWidget(self.valid_from, 1)
        start_row.addWidget(self.from_now)
        end_row = QHBoxLayout()
        end_row.addWidget(self.valid_to, 1)
        end_row.addWidget(self.no_end)
        form = QFormLayout()
        form.addRow(self.tr("类别"), self.kind)
        form.addRow(self.tr("中文内容"), self.text_zh)
        form.addRow(self.tr("英文内容"), self.text_en)
        form.addRow(self.tr("开始"), start_row)
        form.addRow(self.tr("结束"), end_row)
        form.addRow("", self.active)
        editor = EditorPanel()
        self.form_title = editor.title
        editor.body.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        editor.footer.addLayout(buttons)
        editor.footer.addWidget(self.feedback)
        editor.body.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.table, 3)
        layout.addWidget(editor, 2)

        self.from_now.toggled.connect(lambda on: self.valid_from.setEnabled(not on))
        self.no_end.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.table.currentCellChanged.connect(lambda row, *_a: self._on_row_chosen(row))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.save_button.clicked.connect(self._on_save)
        self.delete_button.clicked.connect(self._on_delete)
        feed.changed.connect(self._on_changes)
        self.edit(None)
        self.reload()

    def reload(self) -> None:
        engine = self._engine
        self._runner.submit(
            lambda: (engine.now(), engine.settings.zone, admin.notices(engine, valid_only=False)),
            while_alive(self, self._on_loaded),
            while_alive(self, self.feedback.show_error),
        )

    def _state_text(self, notice: NoticeView) -> str:
        if not notice.active:
            return self.tr("不显示")
        if notice.valid_from is not None and notice.valid_from > self._now:
            return self.tr("未生效")
        if notice.valid_to is not None and notice.valid_to <= self._now:
            return self.tr("已过期")
        return self.tr("显示中")

    def _period_text(self, notice: NoticeView) -> str:
        def day(value: datetime | None, open_text: str) -> str:
            return value.astimezone(self._zone).strftime("%Y-%m-%d %H:%M") if value else open_text

        start = day(notice.valid_from, self.tr("即日"))
        end = day(notice.valid_to, self.tr("长期"))
        return f"{start} — {end}"

    def _on_loaded(self, result: tuple[datetime, ZoneInfo, list[NoticeView]]) -> None:
        self._now, self._zone, self._notices = result
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._notices))
        for row, notice in enumerate(self._notices):
            text = notice.text_en if texts.english() and notice.text_en else notice.text_zh
            cells = [
                texts.name(texts.NOTICE_KINDS, notice.kind),
                text,
                self._period_text(notice),
                self._state_text(notice),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(cell))
            if self._editing is not None and notice.id == self._editing.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        if not self._has_loaded:
            # Now the hall's clock and zone are known: fill the dates of a new notice.
            self._has_loaded = True
            self.edit(None)
        self.loaded.emit()

    def _on_row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._notices):
            self.edit(self._notices[row])

    def edit(self, notice: NoticeView | None) -> None:
        self._editing = notice
        self.form_title.setText(self.tr("编辑公告") if notice else self.tr("新建公告"))
        self.kind.setCurrentIndex(max(0, self.kind.findData(notice.kind if notice else "general")))
        self.text_zh.setPlainText(notice.text_zh if notice else "")
        self.text_en.setPlainText(notice.text_en if notice else "")
        start = notice.valid_from if notice else None
        end = notice.valid_to if notice else None
        self.from_now.setChecked(start is None)
        self.valid_from.setDateTime(_to_qt(start or self._now, self._zone))
        self.no_end.setChecked(end is None)
        self.valid_to.setDateTime(_to_qt(end or self._now + timedelta(days=7), self._zone))
        self.active.setChecked(notice.active if notice else True)
        self.delete_button.setEnabled(notice is not None)
        self.feedback.clear_marks()
        self.feedback.clear()
        if notice is None:
            self.table.clearSelection()

    def draft(self) -> NoticeDraft:
        return NoticeDraft(
            kind=self.kind.currentData(),
            text_zh=self.text_zh.toPlainText(),
            text_en=self.text_en.toPlainText(),
            valid_from=None
            if self.from_now.isChecked()
            else _from_qt(self.valid_from.dateTime(), self._zone),
            valid_to=None
            if self.no_end.isChecked()
            else _from_qt(self.valid_to.dateTime(), self._zone),
            active=self.active.isChecked(),
            id=self._editing.id if self._editing else None,
        )

    def _on_save(self) -> None:
        draft = self.draft()
        engine, actor = self._engine, self._actor
        self.save_button.setEnabled(False)

        def done(saved: NoticeView) -> None:
            self.save_button.setEnabled(True)
            self.edit(saved)
            self.feedback.show_saved(self.tr("公告已保存"))
            self.reload()

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.feedback.show_error(error)

        self._runner.submit(
            lambda: admin.save_notice(engine, actor, draft),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_delete(self) -> None:
        notice = self._editing
        if notice is None:
            return
        if not Confirm.ask(
            self, self.tr("删除公告"), self.tr("删除这条公告？显示屏上将不再显示。")
        ):
            return
        engine, actor = self._engine, self._actor

        def done(_result: None) -> None:
            self.edit(None)
            self.feedback.show_saved(self.tr("公告已删除"))
            self.reload()

        self._runner.submit(
            lambda: admin.delete_notice(engine, actor, notice.id),
            while_alive(self, done),
            while_alive(self, self.feedback.show_error),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.reload()
