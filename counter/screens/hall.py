"""大厅 — the supervisor's live hall: every window, waiting per service, alerts, 代客取号.

Any change in the hall reloads this view once (changes arriving while a load runs are folded
into the next one); the 1 s timer only advances the timers on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from common.engine import IssuedTicket, QueueEngine
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.ticket_image import TicketContent
from common.qt.worker import OperationRunner
from counter import operations
from counter.guard import while_alive
from counter.hall_clock import HallClock
from counter.messages import message_for, one_language
from counter.ticket_printing import ReprintJob, TicketPrinting
from counter.widgets.alert_list import AlertList
from counter.widgets.issue_panel import IssuePanel
from counter.widgets.service_table import ServiceTable
from counter.widgets.status_line import StatusLine
from counter.widgets.window_tile import WindowTile
from kiosk.ticket_printer import PrintOutcome

TILE_COLUMNS = 3
LOAD_RETRY_MS = 3000


class HallView(QWidget):
    """Signals:
    loaded(): the first snapshot of the hall has arrived.
    """

    loaded = Signal()

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        printing: TicketPrinting,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self._printing = printing
        self._clock = HallClock()
        self._loading = False
        self._again = False
        self._again_settings = False
        self._has_loaded = False
        self.snapshot: operations.HallSnapshot | None = None

        self.tiles: dict[int, WindowTile] = {}
        self._tile_grid = QGridLayout()
        self._tile_grid.setSpacing(10)
        self.services = ServiceTable()
        self.alerts = AlertList()
        self.issue = IssuePanel(printing.available)
        self.status = StatusLine()

        windows_title = QLabel(self.tr("窗口"))
        windows_title.setProperty("role", "section")
        services_title = QLabel(self.tr("等候情况"))
        services_title.setProperty("role", "section")
        alerts_title = QLabel(self.tr("提醒"))
        alerts_title.setProperty("role", "section")
        left = QVBoxLayout()
        left.addWidget(windows_title)
        left.addLayout(self._tile_grid)
        left.addWidget(services_title)
        left.addWidget(self.services, 1)
        right = QVBoxLayout()
        right.addWidget(alerts_title)
        right.addWidget(self.alerts, 1)
        right.addWidget(self.issue)
        right.addWidget(self.status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(14)
        layout.addLayout(left, 3)
        layout.addLayout(right, 1)

        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_tick)
        self.issue.issue_requested.connect(self._on_issue_requested)
        self.issue.reprint_requested.connect(self._on_reprint_requested)
        feed.changed.connect(self._on_changes)
        feed.connection_changed.connect(self._on_connection_changed)
        self._refresh()

    def _refresh(self, settings: bool = False) -> None:
        self._again_settings |= settings
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._again = False
        refresh_settings, self._again_settings = self._again_settings, False
        engine = self._engine
        self._runner.submit(
            lambda: operations.load_hall(engine, refresh_settings),
            while_alive(self, self._on_loaded),
            while_alive(self, self._on_load_failed),
        )

    def _on_loaded(self, snapshot: operations.HallSnapshot) -> None:
        self._loading = False
        self.snapshot = snapshot
        self._clock.sync(snapshot.now, snapshot.settings.zone)
        settings = snapshot.settings
        numbers = [w.number for w in snapshot.windows]
        if sorted(self.tiles) != sorted(numbers):
            self._build_tiles(numbers)
        for window in snapshot.windows:
            self.tiles[window.number].set_state(
                window, settings.sla_minutes, settings.pause_alert_minutes
            )
        self.services.set_services(snapshot.services, settings.sla_minutes, self._clock.now())
        self.alerts.set_alerts(snapshot.alerts)
        self.issue.set_choices(snapshot.services, settings.priority_kinds)
        self._on_tick()
        if not self._has_loaded:
            self._has_loaded = True
            self.loaded.emit()
        if self._again:
            self._refresh()

    def _on_load_failed(self, error: BaseException) -> None:
        self._loading = False
        self.status.show_message(message_for(error), "error")
        QTimer.singleShot(LOAD_RETRY_MS, while_alive(self, self._refresh))

    def _build_tiles(self, numbers: list[int]) -> None:
        for tile in self.tiles.values():
            self._tile_grid.removeWidget(tile)
            tile.deleteLater()
        self.tiles = {}
        for index, number in enumerate(numbers):
            tile = WindowTile()
            self.tiles[number] = tile
            self._tile_grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)

    def _on_changes(self, changes: list[Change]) -> None:
        self._refresh(settings=any(c.kind == "settings_changed" for c in changes))

    def _on_connection_changed(self, connected: bool, _why: str) -> None:
        if connected:
            self._refresh()

    def _on_tick(self) -> None:
        now = self._clock.now()
        for tile in self.tiles.values():
            tile.tick(now)
        self.services.tick(now)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._ticker.stop()

    # -- 代客取号 and 补打

    def _on_issue_requested(self, service: str, priority: str) -> None:
        self.issue.issue_button.setEnabled(False)
        engine = self._engine

        def done(issued: IssuedTicket) -> None:
            self.issue.issue_button.setEnabled(True)
            self.status.show_message(
                self.tr("已取号 %1").replace("%1", issued.ticket.label), "info"
            )
            if not self._printing.available or self.snapshot is None:
                self.issue.show_issued(issued, self.tr("本机未配置打印机，请告知客户号码。"))
                return
            self.issue.show_issued(issued, self.tr("正在打印…"))
            content = self._printing.issued_content(issued, self.snapshot.settings)
            self._print(issued.ticket.id, issued.ticket.label, content)

        def failed(error: BaseException) -> None:
            self.issue.issue_button.setEnabled(True)
            self.status.show_message(message_for(error), "error")

        self._runner.submit(
            lambda: engine.issue(service, priority),
            while_alive(self, done),
            while_alive(self, failed),
        )

    def _on_reprint_requested(self, number: str) -> None:
        engine, printing = self._engine, self._printing

        def found(job: ReprintJob) -> None:
            if self.snapshot is not None:
                content = printing.reprint_content(job, self.snapshot.settings)
                self._print(job.ticket.id, job.ticket.label, content)

        self._runner.submit(
            lambda: printing.load_reprint(engine, number),
            while_alive(self, found),
            while_alive(self, lambda e: self.status.show_message(message_for(e), "error")),
        )

    def _print(self, ticket_id: int, label: str, content: TicketContent) -> None:
        engine, printing = self._engine, self._printing

        def done(outcome: PrintOutcome) -> None:
            if outcome.state == "printed":
                text, kind = self.tr("已打印 %1").replace("%1", label), "info"
            else:
                text = self.tr("%1 未能打印：%2").replace("%1", label)
                text, kind = text.replace("%2", one_language(outcome.message)), "error"
            self.status.show_message(text, kind)
            if self.issue.result.text() == label:
                self.issue.show_printed(text)

        self._runner.submit(
            lambda: printing.print_ticket(engine, ticket_id, content),
            while_alive(self, done),
            while_alive(self, lambda e: self.status.show_message(message_for(e), "error")),
        )
