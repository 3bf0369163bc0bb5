"""投诉建议 — complaints and suggestions left at the kiosk, answered by the supervisor.

Status goes open → answered, with the answer and who gave it. New items arrive live.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from common.engine import FeedbackView, QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter import operations, texts
from counter.guard import while_alive
from counter.hall_clock import HallClock
from counter.messages import message_for
from counter.widgets.record_table import record_table
from counter.widgets.status_line import StatusLine

FEEDBACK_KINDS = frozenset({"feedback", "feedback_answered"})


class ComplaintsView(QWidget):
    """Signals:
    loaded(): the first list has arrived.
    """

    loaded = Signal()

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        login: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self._login = login
        self._items: list[FeedbackView] = []
        self._clock = HallClock()
        self._has_loaded = False

        self.filter = QComboBox()
        self.filter.addItem(texts.name(texts.FEEDBACK_STATUSES, "open"), "open")
        self.filter.addItem(texts.name(texts.FEEDBACK_STATUSES, "answered"), "answered")
        self.filter.addItem(self.tr("全部"), None)
        self.table = record_table(
            [self.tr("时间"), self.tr("类别"), self.tr("内容"), self.tr("电话"), self.tr("状态")],
            stretch=2,
        )
        self.table.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("答复内容（将记录答复人和时间）"))
        self.answer.setMaximumHeight(120)
        self.answer_button = QPushButton(self.tr("答复"))
        self.answer_button.setProperty("role", "primary")
        self.status = StatusLine()

        top = QHBoxLayout()
        title = QLabel(self.tr("投诉建议"))
        title.setProperty("role", "section")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("显示")))
        top.addWidget(self.filter)
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.answer, 1)
        answer_row.addWidget(self.answer_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addLayout(answer_row)
        layout.addWidget(self.status)

        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.table.currentCellChanged.connect(lambda *_a: self._show_selected())
        self.answer_button.clicked.connect(self._on_answer)
        feed.changed.connect(self._on_changes)
        self._show_selected()
        self.reload()

    def reload(self) -> None:
        engine, which = self._engine, self.filter.currentData()
        self._runner.submit(
            lambda: (engine.now(), engine.settings.zone, operations.load_feedback(engine, which)),
            while_alive(self, self._on_loaded),
            while_alive(self, lambda e: self.status.show_message(message_for(e), "error")),
        )

    def _on_loaded(self, result: tuple) -> None:  # type: ignore[type-arg]
        now, zone, items = result
        self._clock.sync(now, zone)
        selected = self._selected()
        self._items = items
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            cells = [
                item.at.astimezone(zone).strftime("%m-%d %H:%M"),
                texts.name(texts.FEEDBACK_CATEGORIES, item.category),
                item.text,
                item.phone,
                texts.name(texts.FEEDBACK_STATUSES, item.status),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if selected is not None and item.id == selected.id:
                self.table.selectRow(row)
        if selected is None and items:
            self.table.selectRow(0)
        self._show_selected()
        if not self._has_loaded:
            self._has_loaded = True
            self.loaded.emit()

    def _selected(self) -> FeedbackView | None:
        row = self.table.currentRow()
        return self._items[row] if 0 <= row < len(self._items) else None

    def _show_selected(self) -> None:
        item = self._selected()
        open_item = item is not None and item.status == "open"
        self.answer.setEnabled(open_item)
        self.answer_button.setEnabled(open_item)
        if item is None:
            self.detail.setText(self.tr("没有选中的意见。"))
            return
        text = item.text
        if item.status == "answered":
            text += "\n" + self.tr("答复：%1").replace("%1", item.answer)
        self.detail.setText(text)

    def _on_answer(self) -> None:
        item = self._selected()
        answer = self.answer.toPlainText().strip()
        if item is None:
            return
        if not answer:
            self.status.show_message(self.tr("请填写答复。"), "error")
            self.answer.setFocus()
            return
        engine, login = self._engine, self._login
        self.answer_button.setEnabled(False)

        def done(_answered: FeedbackView) -> None:
            self.answer.clear()
            self.status.show_message(self.tr("已答复"), "info")
            self.reload()

        def failed(error: BaseException) -> None:
            self.answer_button.setEnabled(True)
            self.status.show_message(message_for(error), "error")

        self._runner.submit(
            lambda: operations.answer_feedback(engine, item.id, answer, login),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in FEEDBACK_KINDS for c in changes):
            self.reload()
