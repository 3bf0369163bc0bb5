"""登录 — staff login and password, and the window to take.

The window list shows who holds each window, so a clerk sees before logging in that a
colleague is still there; logging in at a held window asks to take it over. Supervisors and
admins may log in without a window (hall and management only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from common.config import HallSettings
from common.engine import QueueEngine
from common.qt.worker import OperationRunner
from common.staff import LoginResult, WindowTaken
from counter import operations, texts
from counter.dialogs.confirm import Confirm
from counter.guard import while_alive
from counter.messages import message_for


class LoginScreen(QWidget):
    """Signals:
    logged_in(LoginResult): the password was right and the window taken.
    loaded(): the window list has arrived.
    failed(str): a login attempt was refused, with the reason shown.
    """

    logged_in = Signal(object)
    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        settings: HallSettings,
        window: int | None = None,
        login: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LoginScreen")
        self._engine = engine
        self._runner = runner
        self._wanted_window = window
        self._busy = False

        hall = settings.name_en if texts.english() and settings.name_en else settings.name
        title = QLabel(hall)
        title.setProperty("role", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(self.tr("柜台叫号 · 工作人员登录"))
        subtitle.setProperty("role", "muted")
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.login_field = QLineEdit(login)
        self.login_field.setPlaceholderText(self.tr("工号"))
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setPlaceholderText(self.tr("密码"))
        self.window_field = QComboBox()
        self.window_field.setMinimumWidth(280)
        self.submit_button = QPushButton(self.tr("登录"))
        self.submit_button.setProperty("role", "primary")
        self.submit_button.setMinimumHeight(40)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("工号"), self.login_field)
        form.addRow(self.tr("密码"), self.password_field)
        form.addRow(self.tr("窗口"), self.window_field)
        card = QFrame()
        card.setProperty("panel", "true")
        card.setFixedWidth(460)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(subtitle)
        inner.addLayout(form)
        inner.addWidget(self.submit_button)
        inner.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

        self.submit_button.clicked.connect(self._on_submit)
        self.password_field.returnPressed.connect(self._on_submit)
        self.login_field.returnPressed.connect(self.password_field.setFocus)
        self.reload_windows()

    def reload_windows(self) -> None:
        engine = self._engine
        self._runner.submit(
            lambda: operations.window_choices(engine),
            while_alive(self, self._on_windows),
            while_alive(self, lambda e: self.show_message(message_for(e))),
        )

    def _on_windows(self, choices: list[operations.WindowChoice]) -> None:
        wanted = self.window_field.currentData() or self._wanted_window
        self.window_field.clear()
        self.window_field.addItem(self.tr("不进入窗口（大厅与管理）"), None)
        for choice in choices:
            text = self.tr("%1 号窗口").replace("%1", str(choice.number))
            if choice.holder_name:
                text += self.tr("（%1 在岗）").replace("%1", choice.holder_name)
            self.window_field.addItem(text, choice.number)
            if choice.number == wanted:
                self.window_field.setCurrentIndex(self.window_field.count() - 1)
        (self.password_field if self.login_field.text() else self.login_field).setFocus()
        self.loaded.emit()

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def submit(self, login: str, password: str, window: int | None, takeover: bool = False) -> None:
        """Log in (also used for `--login` with the password from HALLQ_PASSWORD)."""
        if self._busy:
            return
        self._busy = True
        self.submit_button.setEnabled(False)
        engine = self._engine
        self._runner.submit(
            lambda: operations.log_in(engine, login, password, window, takeover),
            while_alive(self, self._on_logged_in),
            while_alive(self, lambda e: self._on_refused(e, login, password, window)),
        )

    def _on_submit(self) -> None:
        login = self.login_field.text().strip()
        if not login:
            self.login_field.setFocus()
            return
        self.submit(login, self.password_field.text(), self.window_field.currentData())

    def _on_logged_in(self, result: LoginResult) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        self.password_field.clear()
        self.message.clear()
        self.logged_in.emit(result)

    def _on_refused(
        self, error: BaseException, login: str, password: str, window: int | None
    ) -> None:
        self._busy = False
        self.submit_button.setEnabled(True)
        if isinstance(error, WindowTaken):
            question = self.tr("%1 号窗口已由 %2 登录。要接管这个窗口吗？对方将被退出。")
            question = question.replace("%1", str(error.window)).replace("%2", error.holder_name)
            if Confirm.ask(self, self.tr("接管窗口"), question):
                self.submit(login, password, window, takeover=True)
                return
        text = message_for(error)
        self.show_message(text)
        self.password_field.selectAll()
        self.password_field.setFocus()
        self.failed.emit(text)
