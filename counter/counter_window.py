"""The counter's top-level window: connecting, then the login, then the workspace.

It owns what lives as long as the app: the background worker, the open hall, the change feed.
Closing it does not log the clerk out — the window stays theirs, so a restarted console (or
PC) picks up the same customer and state.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from common.config import PcConfig
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from common.staff import LoginResult
from counter import operations
from counter.guard import while_alive
from counter.messages import message_for
from counter.screens.connecting import ConnectingScreen
from counter.screens.login import LoginScreen
from counter.screens.workspace import Workspace
from counter.ticket_printing import TicketPrinting

log = logging.getLogger(__name__)

RETRY_SECONDS = (2, 5, 10, 20, 30)


@dataclass(frozen=True)
class StartOptions:
    """What the command line asked for: the window, a login to make, the view to open."""

    window: int | None = None
    login: str = ""
    password: str | None = None
    view: str = "console"
    admin_page: str = "services"


class CounterWindow(QMainWindow):
    """Signals:
    ready(): the asked-for view (or, without a login, the login screen) has its data.
    failed(int, str): the automatic login or the asked-for view was refused (exit code, why).
    """

    ready = Signal()
    failed = Signal(int, str)

    def __init__(
        self, config: PcConfig, options: StartOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("柜台叫号"))
        self._config = config
        self._options = options
        self._runner = OperationRunner(self)
        self._printing = TicketPrinting(config)
        self._attempt = 0
        self._auto_login = bool(options.login and options.password is not None)
        self.connection: operations.Connection | None = None
        self.feed: QtChangeFeed | None = None
        self.login_screen: LoginScreen | None = None
        self.workspace: Workspace | None = None
        self._stack = QStackedWidget()
        self.connecting = ConnectingScreen()
        self._stack.addWidget(self.connecting)
        self.setCentralWidget(self._stack)
        self._connect()

    @property
    def runner(self) -> OperationRunner:
        return self._runner

    # -- connecting

    def _connect(self) -> None:
        url, hall = self._config.db_url, self._config.hall
        self._runner.submit(
            lambda: operations.connect(url, hall),
            while_alive(self, self._on_connected),
            while_alive(self, self._on_connect_failed),
        )

    def _on_connect_failed(self, error: BaseException) -> None:
        seconds = RETRY_SECONDS[min(self._attempt, len(RETRY_SECONDS) - 1)]
        self._attempt += 1
        reason = message_for(error)
        log.warning("cannot open the hall: %s", error)
        self.connecting.show_waiting(reason, seconds)
        if self._auto_login:
            self.failed.emit(2, reason)
        QTimer.singleShot(seconds * 1000, while_alive(self, self._connect))

    def _on_connected(self, connection: operations.Connection) -> None:
        self.connection = connection
        engine = connection.engine
        self.feed = QtChangeFeed(self._config.db_url, engine.hall_id, connection.cursor, self)
        self.feed.start()
        self._show_login("")
        if self._auto_login and self.login_screen is not None:
            self.login_screen.submit(
                self._options.login, self._options.password or "", self._options.window
            )

    # -- logging in and out

    def _show_login(self, message: str) -> None:
        assert self.connection is not None
        if self.login_screen is None:
            self.login_screen = LoginScreen(
                self.connection.engine,
                self._runner,
                self.connection.settings,
                self._options.window or self._config.window,
                self._options.login,
            )
            self.login_screen.logged_in.connect(self._on_logged_in)
            self.login_screen.failed.connect(self._on_login_failed)
            if not self._auto_login:
                self.login_screen.loaded.connect(self.ready)
            self._stack.addWidget(self.login_screen)
        else:
            self.login_screen.reload_windows()
        self.login_screen.show_message(message)
        self._stack.setCurrentWidget(self.login_screen)

    def _on_login_failed(self, reason: str) -> None:
        if self._auto_login:
            self._auto_login = False
            self.failed.emit(2, reason)

    def _on_logged_in(self, user: LoginResult) -> None:
        assert self.connection is not None and self.feed is not None
        self._drop_workspace()
        workspace = Workspace(
            self.connection.engine,
            self._runner,
            self.feed,
            user,
            self.connection.settings,
            self._printing,
            self._options.admin_page,
        )
        workspace.logout_requested.connect(lambda: self._on_logout(user))
        workspace.signed_out.connect(self._on_signed_out)
        self.workspace = workspace
        self._stack.addWidget(workspace)
        self._stack.setCurrentWidget(workspace)
        if self._auto_login:
            self._auto_login = False
            wanted = self._options.view
            if not workspace.show_view(wanted):
                self.failed.emit(4, self.tr("没有权限打开这个页面。"))
                return
            workspace.view_loaded.connect(
                lambda name: self.ready.emit() if name == wanted else None
            )

    def _on_logout(self, user: LoginResult) -> None:
        assert self.connection is not None
        engine, login = self.connection.engine, user.staff.login
        self._runner.submit(
            lambda: operations.log_out(engine, login),
            while_alive(self, lambda _r: self._leave_workspace("")),
            while_alive(self, lambda e: self._leave_workspace(message_for(e))),
        )

    def _on_signed_out(self, reason: str) -> None:
        self._leave_workspace(reason)

    def _leave_workspace(self, message: str) -> None:
        self._show_login(message)
        self._drop_workspace()

    def _drop_workspace(self) -> None:
        if self.workspace is not None:
            self._stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.feed is not None:
            self.feed.stop()
        self._runner.shutdown()
        if self.connection is not None:
            self.connection.engine.db.dispose()
        super().closeEvent(event)
