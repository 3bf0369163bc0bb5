"""管理 · 人员 — staff accounts: create, rename, role, disable, reset a password.

A reset password also lifts a lock-out. An admin cannot disable or demote their own account.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QWidget,
)

from common import admin
from common.engine import QueueEngine
from common.feed import Change
from common.models import ROLES
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from common.staff import StaffView
from counter import texts
from counter.guard import while_alive
from counter.widgets.editor_panel import EditorPanel
from counter.widgets.form_feedback import FormFeedback
from counter.widgets.record_table import record_table

RELOAD_KINDS = frozenset({"staff_changed", "login_locked"})


class StaffPage(QWidget):
    """Signals:
    loaded(): the accounts have arrived.
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
        self._people: list[StaffView] = []
        self._editing: StaffView | None = None

        self.table = record_table(
            [self.tr("工号"), self.tr("姓名"), self.tr("角色"), self.tr("状态")],
            stretch=3,
        )

        self.login = QLineEdit()
        self.login.setMaxLength(40)
        self.name = QLineEdit()
        self.name.setMaxLength(60)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(texts.name(texts.ROLES, role), role)
        self.active = QCheckBox(self.tr("账号可用"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(
            self.tr("至少 %1 位").replace("%1", str(admin.MIN_PASSWORD))
        )
        self.new_button = QPushButton(self.tr("新建账号"))
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setProperty("role", "primary")
        self.reset_button = QPushButton(self.tr("重置密码"))
        self.feedback = FormFeedback(
            {"login": self.login, "name": self.name, "role": self.role, "password": self.password}
        )
        form = QFormLayout()
        form.addRow(self.tr("工号"), self.login)
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow("", self.active)
        self.password_label = QLabel()
        form.addRow(self.password_label, self.password)
        editor = EditorPanel()
        self.form_title = editor.title
        editor.body.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.save_button)
        editor.footer.addLayout(buttons)
        editor.footer.addWidget(self.feedback)
        editor.body.addStretch(1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addWidget(self.table, 3)
        layout.addWidget(editor, 2)

        self.table.currentCellChanged.connect(lambda row, *_a: self._on_row_chosen(row))
        self.new_button.clicked.connect(lambda: self.edit(None))
        self.save_button.clicked.connect(self._on_save)
        self.reset_button.clicked.connect(self._on_reset)
        feed.changed.connect(self._on_changes)
        self.edit(None)
        self.reload()

    def reload(self) -> None:
        engine, actor = self._engine, self._actor
        self._runner.submit(
            lambda: admin.list_staff(engine, actor),
            while_alive(self, self._on_loaded),
            while_alive(self, self.feedback.show_error),
        )

    def _status_text(self, person: StaffView) -> str:
        if not person.active:
            return self.tr("停用")
        if person.locked_until is not None and person.locked_until > datetime.now(UTC):
            return self.tr("已锁定（登录失败过多）")
        return self.tr("可用")

    def _on_loaded(self, people: list[StaffView]) -> None:
        self._people = people
        self.table.blockSignals(True)
        self.table.setRowCount(len(people))
        for row, person in enumerate(people):
            cells = [
                person.login,
                person.name,
                texts.name(texts.ROLES, person.role),
                self._status_text(person),
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if self._editing is not None and person.id == self._editing.id:
                self.table.selectRow(row)
        self.table.blockSignals(False)
        self.loaded.emit()

    def _on_row_chosen(self, row: int) -> None:
        if 0 <= row < len(self._people):
            self.edit(self._people[row])

    def edit(self, person: StaffView | None) -> None:
        self._editing = person
        self.form_title.setText(
            self.tr("编辑 %1").replace("%1", person.name) if person else self.tr("新建账号")
        )
        self.login.setText(person.login if person else "")
        self.login.setReadOnly(person is not None)
        self.name.setText(person.name if person else "")
        self.role.setCurrentIndex(max(0, self.role.findData(person.role if person else "clerk")))
        self.active.setChecked(person.active if person else True)
        self.active.setEnabled(person is not None)
        self.password.clear()
        self.password_label.setText(self.tr("新密码") if person else self.tr("初始密码"))
        self.reset_button.setEnabled(person is not None)
        self.save_button.setText(self.tr("保存") if person else self.tr("创建"))
        self.feedback.clear_marks()
        self.feedback.clear()
        if person is None:
            self.table.clearSelection()
            self.login.setFocus()

    def _submit(self, run, done_text) -> None:  # type: ignore[no-untyped-def]
        self.save_button.setEnabled(False)

        def done(saved: StaffView) -> None:
            self.save_button.setEnabled(True)
            self.edit(saved)
            self.feedback.show_saved(done_text(saved))
            self.reload()

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            self.feedback.show_error(error)

        self._runner.submit(run, while_alive(self, done), while_alive(self, failed))

    def _on_save(self) -> None:
        engine, actor = self._engine, self._actor
        name, role = self.name.text(), self.role.currentData()
        if self._editing is None:
            login, password = self.login.text(), self.password.text()
            self._submit(
                lambda: admin.create_staff(engine, actor, login, name, password, role),
                lambda s: self.tr("已创建账号 %1").replace("%1", s.login),
            )
            return
        login, active = self._editing.login, self.active.isChecked()
        self._submit(
            lambda: admin.update_staff(engine, actor, login, name=name, role=role, active=active),
            lambda s: self.tr("已保存 %1").replace("%1", s.name),
        )

    def _on_reset(self) -> None:
        if self._editing is None:
            return
        engine, actor = self._engine, self._actor
        login, password = self._editing.login, self.password.text()
        self._submit(
            lambda: admin.reset_password(engine, actor, login, password),
            lambda s: self.tr("已重置 %1 的密码").replace("%1", s.name),
        )

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind in RELOAD_KINDS for c in changes):
            self.reload()
