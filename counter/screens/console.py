"""柜台 — the clerk's console: the current customer, the actions, the window's queue.

Everything the console shows comes from the database through the worker, refreshed part by
part when the change feed says something concerning this window happened; nothing is reloaded
on a timer (the 1 s timer only advances clocks on screen). Restarting the console mid-service
shows the same ticket and state again, because they live in the database, not here.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from common.engine import QueueEngine, TicketView, WindowState
from common.errors import DatabaseUnavailable
from common.feed import Change
from common.qt.feed import QtChangeFeed
from common.qt.worker import OperationRunner
from common.staff import LoginResult
from counter import operations, texts
from counter.dialogs.call_number import CallNumberDialog
from counter.dialogs.finish import FinishDialog
from counter.dialogs.pause import PauseDialog
from counter.dialogs.transfer import TransferDialog
from counter.guard import while_alive
from counter.hall_clock import HallClock
from counter.messages import message_for
from counter.operations import ALL_PARTS, FIGURES, SETTINGS, TARGETS, WAITING, WINDOW
from counter.style import STATE_COLOURS
from counter.widgets.action_panel import ActionPanel
from counter.widgets.current_ticket import CurrentTicketPanel
from counter.widgets.own_figures import OwnFigures
from counter.widgets.parked_list import ParkedList
from counter.widgets.status_line import StatusLine
from counter.widgets.waiting_list import WaitingList

log = logging.getLogger(__name__)

# Events that change which tickets wait for some window.
WAITING_KINDS = frozenset(
    {"issued", "called", "transferred", "cancelled", "reactivated", "expired"}
)
NO_SHOW_CONFIRM_MS = 4000
LOAD_RETRY_MS = 3000


class ConsoleScreen(QWidget):
    """One window's console.

    Signals:
        loaded(): the first data has arrived (screenshots wait for it).
        signed_out(str): another clerk took the window over or the account was disabled;
            carries the reason to show at the login screen.
    """

    loaded = Signal()
    signed_out = Signal(str)

    def __init__(
        self,
        engine: QueueEngine,
        runner: OperationRunner,
        feed: QtChangeFeed,
        user: LoginResult,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if user.window is None:
            raise ValueError("the console needs a window")
        self._engine = engine
        self._runner = runner
        self._window = user.window
        self._login = user.staff.login
        self._staff_id = user.staff.id
        self._clock = HallClock()
        self._sla = 20
        self._state: WindowState | None = None
        self._waiting: tuple[TicketView, ...] = ()
        self._targets: operations.TransferTargets | None = None
        self._pending: set[str] = set()
        self._loading = False
        self._acting = False
        self._has_loaded = False

        self._title = QLabel(self.tr("%1 号窗口").replace("%1", str(self._window)))
        self._title.setObjectName("WindowTitle")
        self._services = QLabel()
        self._services.setProperty("role", "muted")
        self._badge = QLabel()
        self._badge.setObjectName("StateBadge")
        self._paused = QLabel()
        self._paused.setObjectName("TransferNote")
        self._paused.setVisible(False)
        self.current = CurrentTicketPanel()
        self.parked = ParkedList()
        self.action_panel = ActionPanel()
        self.status = StatusLine()
        self.waiting = WaitingList()
        self.figures = OwnFigures()

        header = QHBoxLayout()
        header.addWidget(self._title)
        header.addWidget(self._badge)
        header.addWidget(self._paused)
        header.addStretch(1)
        header.addWidget(self._services)
        left = QVBoxLayout()
        left.addLayout(header)
        left.addWidget(self.current, 1)
        left.addWidget(self.parked)
        left.addWidget(self.action_panel)
        left.addWidget(self.status)
        right = QVBoxLayout()
        right.addWidget(self.waiting, 1)
        right.addWidget(self.figures)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(12)
        layout.addLayout(left, 2)
        layout.addLayout(right, 1)

        self._no_show_timer = QTimer(self)
        self._no_show_timer.setSingleShot(True)
        self._no_show_timer.timeout.connect(lambda: self.action_panel.set_no_show_armed(False))
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._on_tick)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.action_panel.triggered.connect(self._on_action)
        self.waiting.number_chosen.connect(self._on_number_chosen)
        feed.changed.connect(self._on_changes)
        feed.connection_changed.connect(self._on_connection_changed)
        self._show_state()
        self._refresh(ALL_PARTS)

    # -- what the tests and the workspace read

    @property
    def state(self) -> WindowState | None:
        return self._state

    @property
    def busy(self) -> bool:
        """True while an action or a load is on its way to the database."""
        return self._acting or self._loading

    # -- loading

    def _refresh(self, parts: frozenset[str] | set[str]) -> None:
        """Reload `parts`; while a load is running, the parts wait and go in the next one."""
        self._pending |= set(parts)
        if self._loading or not self._pending:
            return
        asked = frozenset(self._pending)
        self._pending.clear()
        self._loading = True
        engine, window, login = self._engine, self._window, self._login
        self._runner.submit(
            lambda: operations.load_console(engine, window, login, asked),
            while_alive(self, self._on_loaded),
            while_alive(self, lambda e: self._on_load_failed(e, asked)),
        )

    def _on_loaded(self, update: operations.ConsoleUpdate) -> None:
        self._loading = False
        self._clock.sync(update.now, update.settings.zone)
        sla_changed = update.settings.sla_minutes != self._sla
        self._sla = update.settings.sla_minutes
        now = self._clock.now()
        if update.window is not None:
            self._state = update.window
            self.parked.set_tickets(update.window.parked)
            codes = " / ".join(code for code, _ in update.window.services)
            self._services.setText(self.tr("业务：%1").replace("%1", codes))
        if update.waiting is not None:
            self._waiting = update.waiting
        if update.waiting is not None or sla_changed:
            self.waiting.set_tickets(self._waiting, self._sla, now)
        if update.figures is not None:
            self.figures.set_figures(update.figures)
        if update.targets is not None:
            self._targets = update.targets
        self._show_state()
        if not self._has_loaded:
            self._has_loaded = True
            self.loaded.emit()
        self._refresh(set())

    def _on_load_failed(self, error: BaseException, asked: frozenset[str]) -> None:
        self._loading = False
        self._pending |= asked
        self.status.show_message(message_for(error), "error")
        # Try the same parts again a little later; the database may be back by then.
        QTimer.singleShot(LOAD_RETRY_MS, while_alive(self, lambda: self._refresh(set())))

    def _on_connection_changed(self, connected: bool, _why: str) -> None:
        if connected:
            self._refresh(ALL_PARTS)

    def _on_changes(self, changes: list[Change]) -> None:
        parts: set[str] = set()
        for change in changes:
            details = change.details or {}
            here = details.get("window") == self._window
            if change.kind in WAITING_KINDS:
                parts.add(WAITING)
            if here:
                parts.add(WINDOW)
            if change.kind in ("finished", "rated") and change.staff_id == self._staff_id:
                parts.add(FIGURES)
            if change.kind in ("service_changed", "window_changed"):
                parts |= {WINDOW, WAITING, TARGETS}
            if change.kind in ("login", "logout"):
                parts.add(TARGETS)
            if change.kind == "settings_changed":
                parts |= {SETTINGS, WAITING}
            if self._lost_window(change):
                return
        if parts:
            self._refresh(parts)

    def _lost_window(self, change: Change) -> bool:
        """Leave the console when another clerk took this window or the account was closed."""
        details = change.details or {}
        if (
            change.kind == "login"
            and details.get("window") == self._window
            and details.get("login") != self._login
        ):
            who = details.get("login", "")
            self.signed_out.emit(
                self.tr("%1 号窗口已由工号 %2 接管。")
                .replace("%1", str(self._window))
                .replace("%2", str(who))
            )
            return True
        if (
            change.kind == "staff_changed"
            and details.get("login") == self._login
            and details.get("active") is False
        ):
            self.signed_out.emit(self.tr("你的账号已被停用。"))
            return True
        return False

    # -- showing

    def _show_state(self) -> None:
        state = self._state
        kind = state.state if state is not None else "idle"
        self._badge.setText(texts.name(texts.WINDOW_STATES, kind))
        self._badge.setStyleSheet(f"background: {STATE_COLOURS.get(kind, '#777')};")
        paused = state is not None and state.paused
        self._paused.setVisible(paused and kind != "paused")
        if paused and state is not None:
            self._paused.setText(
                self.tr("暂停叫号：%1").replace("%1", state.pause_reason or self.tr("未注明原因"))
            )
        current = state.current if state is not None else None
        self.current.show_ticket(current, self._idle_hint())
        self.action_panel.set_paused(paused)
        self.action_panel.set_available(self._available())
        if current is None:
            self.action_panel.set_no_show_armed(False)
        self.current.tick(self._clock.now())

    def _idle_hint(self) -> str:
        state = self._state
        if state is None:
            return self.tr("正在读取窗口状态…")
        if state.paused:
            reason = state.pause_reason or self.tr("未注明原因")
            return self.tr("暂停服务中（%1）。按 F9 恢复。").replace("%1", reason)
        if state.parked:
            return self.tr("有挂起的客户，按 F8 回呼。")
        if not self._waiting:
            return self.tr("暂无等候的客户。新客户取号后会出现在右侧列表。")
        return self.tr("按 F1 呼叫下一位：%1").replace("%1", self._waiting[0].label)

    def _available(self) -> dict[str, bool]:
        state = self._state
        if state is None:
            return {}
        current = state.current
        status = current.status if current is not None else None
        free = current is None
        return {
            "call_next": free and not state.paused and bool(self._waiting),
            "recall": status == "called",
            "start": status == "called",
            "finish": status in ("called", "serving"),
            "no_show": status == "called",
            "transfer": status in ("called", "serving") and self._targets is not None,
            "park": status in ("called", "serving"),
            "resume": free and bool(state.parked),
            "pause": True,
            "call_number": free and not state.paused,
        }

    def _on_tick(self) -> None:
        now = self._clock.now()
        self.current.tick(now)
        self.waiting.tick(now)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ticker.start()
        self._on_tick()
        self.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._ticker.stop()

    # -- actions

    def _on_action(self, action: str) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "call_next": self._call_next,
            "recall": self._recall,
            "start": self._start,
            "finish": self._finish,
            "no_show": self._no_show,
            "transfer": self._transfer,
            "park": self._park,
            "resume": self._resume,
            "pause": self._pause_or_unpause,
            "call_number": self._call_number,
        }
        if self._acting:
            return
        handlers[action]()
        self.setFocus()

    def _act(
        self,
        run: Callable[[], Any],
        done: Callable[[Any], str],
        parts: frozenset[str] = frozenset({WINDOW}),
    ) -> None:
        """Run one engine action on the worker, then show its result and reload `parts`."""
        self._acting = True
        self.action_panel.set_no_show_armed(False)

        def succeeded(result: Any) -> None:
            self._acting = False
            self._apply(result)
            self.status.show_message(done(result), "info")
            self._refresh(parts)

        def failed(error: BaseException) -> None:
            self._acting = False
            self.status.show_message(message_for(error), "error")
            # The hall moved on (e.g. another window took the ticket): show it as it is now.
            if not isinstance(error, DatabaseUnavailable):
                self._refresh({WINDOW, WAITING})

        self._runner.submit(run, while_alive(self, succeeded), while_alive(self, failed))

    def _apply(self, result: Any) -> None:
        """Show an action's result at once, before the reload confirms it."""
        if isinstance(result, WindowState):
            self._state = result
        elif isinstance(result, TicketView) and self._state is not None:
            current = result if result.status in ("called", "serving") else None
            self._state = dataclasses.replace(self._state, current=current)
        self._show_state()

    def _current_label(self) -> str:
        current = self._state.current if self._state is not None else None
        return current.label if current is not None else ""

    def _call_next(self) -> None:
        engine, window, login = self._engine, self._window, self._login
        self._act(
            lambda: engine.call_next(window, staff=login),
            lambda t: self.tr("已呼叫 %1").replace("%1", t.label),
            frozenset({WINDOW, WAITING}),
        )

    def _call_number(self, suggestion: str = "") -> None:
        label = CallNumberDialog.ask(self, suggestion or self.waiting.selected_label() or "")
        if not label:
            return
        engine, window, login = self._engine, self._window, self._login
        self._act(
            lambda: engine.call_specific(window, label, staff=login),
            lambda t: self.tr("已呼叫 %1").replace("%1", t.label),
            frozenset({WINDOW, WAITING}),
        )

    def _on_number_chosen(self, label: str) -> None:
        if self.action_panel.buttons["call_number"].isEnabled() and not self._acting:
            self._call_number(label)

    def _recall(self) -> None:
        engine, window = self._engine, self._window

        def done(ticket: TicketView) -> str:
            if ticket.status == "no_show":
                return self.tr("%1 重呼次数已满，已按过号处理").replace("%1", ticket.label)
            return (
                self.tr("已重呼 %1（第 %2 次）")
                .replace("%1", ticket.label)
                .replace("%2", str(ticket.recall_count))
            )

        self._act(lambda: engine.recall(window), done)

    def _start(self) -> None:
        engine, window = self._engine, self._window
        self._act(
            lambda: engine.start(window),
            lambda t: self.tr("%1 开始办理").replace("%1", t.label),
        )

    def _finish(self) -> None:
        outcome = FinishDialog.ask(self, self._current_label())
        if outcome is None:
            return
        engine, window = self._engine, self._window
        self._act(
            lambda: engine.finish(window, outcome),
            lambda t: self.tr("%1 已办结").replace("%1", t.label),
            frozenset({WINDOW, FIGURES}),
        )

    def _no_show(self) -> None:
        if not self._no_show_timer.isActive():
            # Cheap confirmation: the same key again within a few seconds, no dialog.
            self.action_panel.set_no_show_armed(True)
            self._no_show_timer.start(NO_SHOW_CONFIRM_MS)
            self.status.show_message(
                self.tr("再按一次 F5 确认 %1 过号").replace("%1", self._current_label()), "info"
            )
            return
        self._no_show_timer.stop()
        engine, window = self._engine, self._window
        self._act(
            lambda: engine.no_show(window),
            lambda t: self.tr("%1 已过号").replace("%1", t.label),
        )

    def _transfer(self) -> None:
        current = self._state.current if self._state is not None else None
        if current is None or self._targets is None:
            return
        request = TransferDialog.ask(self, current.label, self._targets, current.service_code)
        if request is None:
            return
        engine, window = self._engine, self._window

        def done(ticket: TicketView) -> str:
            if request.to_window is not None:
                where = self.tr("%1 号窗口").replace("%1", str(request.to_window))
            else:
                where = ticket.service_name_en if texts.english() else ticket.service_name_zh
            return self.tr("%1 已转移到 %2").replace("%1", ticket.label).replace("%2", where)

        self._act(
            lambda: engine.transfer(window, request.to_service, request.to_window, request.note),
            done,
            frozenset({WINDOW, WAITING}),
        )

    def _park(self) -> None:
        engine, window = self._engine, self._window
        self._act(
            lambda: engine.park(window),
            lambda t: self.tr("%1 已挂起，按 F8 回呼").replace("%1", t.label),
        )

    def _resume(self) -> None:
        label = self.parked.selected_label()
        engine, window = self._engine, self._window
        self._act(
            lambda: engine.resume(window, label),
            lambda t: self.tr("已回呼 %1").replace("%1", t.label),
        )

    def _pause_or_unpause(self) -> None:
        engine, window = self._engine, self._window
        if self._state is not None and self._state.paused:
            self._act(lambda: engine.unpause(window), lambda _s: self.tr("已恢复服务"))
            return
        reason = PauseDialog.ask(self)
        if reason is None:
            return
        self._act(lambda: engine.pause(window, reason), lambda _s: self.tr("已暂停叫号"))
