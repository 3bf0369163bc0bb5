"""What a logged-in user works in: the top bar and, by role, the console, the hall,
complaints, reports and management as tabs.

A clerk sees only their window's console; a supervisor also the hall, complaints and reports;
an admin also management. Each tab is built the first time it is shown, so a view nobody opens
costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from common.config import HallSettings
from common.engine import QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from common.staff import LoginResult
from counter import texts
from counter.guard import while_alive
from counter.hall_clock import HallClock
from counter.screens.complaints import ComplaintsView
from counter.screens.console import ConsoleScreen
from counter.screens.hall import HallView
from counter.screens.management import ManagementView
from counter.ticket_printing import TicketPrinting
from counter.widgets.workspace_bar import WorkspaceBar


def reports_view_class() -> Any:
    """The reports tab, when the reports module is installed (imported only when needed)."""
    try:
        from counter.reports_view import ReportsView
    except ModuleNotFoundError as e:
        if e.name != "counter.reports_view":
            raise
        return None
    return ReportsView


def hall_name(settings: HallSettings) -> str:
    return settings.name_en if texts.english() and settings.name_en else settings.name


class Workspace(QWidget):
    """Signals:
    logout_requested(): the user pressed 退出登录.
    signed_out(str): the console lost its window (taken over, account disabled).
    view_loaded(str): a view ("console", "supervisor", …) has shown its first data.
    """

    logout_requested = Signal()
    signed_out = Signal(str)
    view_loaded = Signal(str)

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        user: LoginResult,
        settings: HallSettings,
        printing: TicketPrinting,
        admin_page: str = "services",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Workspace")
        self._engine = engine
        self._runner = runner
        self._feed = feed
        self._user = user
        self._printing = printing
        self._admin_page = admin_page
        self._clock = HallClock(settings.zone)
        self.views: dict[str, QWidget] = {}

        self.bar = WorkspaceBar(user)
        self.bar.set_hall_name(hall_name(settings))
        self.bar.set_connected(feed.connected)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._builders: dict[str, Callable[[], QWidget]] = {}
        staff = user.staff
        titles = {
            "console": self.tr("柜台"),
            "supervisor": self.tr("大厅"),
            "complaints": self.tr("投诉建议"),
            "reports": self.tr("统计报表"),
            "admin": self.tr("管理"),
        }
        available = []
        if user.window is not None:
            available.append("console")
        if staff.may_supervise:
            available += ["supervisor", "complaints"]
            if reports_view_class() is not None:
                available.append("reports")
        if staff.may_manage:
            available.append("admin")
        self._order = available
        for name in available:
            holder = QWidget()
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(holder, titles[name])
        self.tabs.tabBar().setVisible(len(available) > 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.tabs, 1)

        self.bar.logout_requested.connect(self.logout_requested)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        feed.connection_changed.connect(lambda ok, _why: self.bar.set_connected(ok))
        feed.changed.connect(self._on_changes)
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_tick)
        self._ticker.start()
        self._on_tick()
        self._on_tab_changed(self.tabs.currentIndex())

    @property
    def available_views(self) -> list[str]:
        return list(self._order)

    def show_view(self, name: str) -> bool:
        """Switch to view `name`; False when this user may not see it."""
        if name not in self._order:
            return False
        self.tabs.setCurrentIndex(self._order.index(name))
        return True

    def _on_tab_changed(self, index: int) -> None:
        if not 0 <= index < len(self._order):
            return
        name = self._order[index]
        if name not in self.views:
            view = self._build(name)
            self.views[name] = view
            holder = self.tabs.widget(index)
            layout = holder.layout() if holder is not None else None
            assert layout is not None, "every tab is made with a layout for its view"
            layout.addWidget(view)
        view = self.views[name]
        view.setFocus()

    def _build(self, name: str) -> QWidget:
        engine, runner, feed, user = self._engine, self._runner, self._feed, self._user
        view: QWidget
        if name == "console":
            console = ConsoleScreen(engine, runner, feed, user)
            console.signed_out.connect(self.signed_out)
            view = console
        elif name == "supervisor":
            view = HallView(engine, runner, feed, self._printing)
        elif name == "complaints":
            view = ComplaintsView(engine, runner, feed, user.staff.login)
        elif name == "reports":
            view = reports_view_class()(engine, runner)
        else:
            view = ManagementView(engine, runner, feed, user.staff.login, self._admin_page)
        loaded = getattr(view, "loaded", None)
        if loaded is not None:
            loaded.connect(lambda n=name: self._on_view_loaded(n))
        else:
            QTimer.singleShot(0, lambda n=name: self._on_view_loaded(n))
        return view

    def _on_view_loaded(self, name: str) -> None:
        self.view_loaded.emit(name)

    def _on_tick(self) -> None:
        self.bar.tick(self._clock.local())

    def _on_changes(self, changes: list[Change]) -> None:
        if any(c.kind == "settings_changed" for c in changes):
            engine = self._engine

            def show(settings: HallSettings) -> None:
                self._clock.zone = settings.zone
                self.bar.set_hall_name(hall_name(settings))

            self._runner.submit(engine.refresh_settings, while_alive(self, show))
