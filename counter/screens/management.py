"""管理 — the admin's pages: services, windows, staff, board notices, hall settings."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from common.engine import QueueEngine
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from counter.screens.manage_notices import NoticesPage
from counter.screens.manage_services import ServicesPage
from counter.screens.manage_settings import SettingsPage
from counter.screens.manage_staff import StaffPage
from counter.screens.manage_windows import WindowsPage

ManagementPage = ServicesPage | WindowsPage | StaffPage | NoticesPage | SettingsPage

PAGES = ("services", "windows", "staff", "notices", "settings")


class ManagementView(QTabWidget):
    """Signals:
    loaded(): the page shown first has its data.
    """

    loaded = Signal()

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        actor: str,
        page: str = "services",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pages: dict[str, ManagementPage] = {
            "services": ServicesPage(engine, runner, feed, actor),
            "windows": WindowsPage(engine, runner, feed, actor),
            "staff": StaffPage(engine, runner, feed, actor),
            "notices": NoticesPage(engine, runner, feed, actor),
            "settings": SettingsPage(engine, runner, feed, actor),
        }
        titles = {
            "services": self.tr("业务"),
            "windows": self.tr("窗口"),
            "staff": self.tr("人员"),
            "notices": self.tr("公告"),
            "settings": self.tr("大厅设置"),
        }
        for name in PAGES:
            self.addTab(self.pages[name], titles[name])
        self.setCurrentWidget(self.pages[page])
        self._first = self.pages[page]
        self._first.loaded.connect(self._on_first_loaded)

    def _on_first_loaded(self) -> None:
        self._first.loaded.disconnect(self._on_first_loaded)
        self.loaded.emit()
