"""The wall board: what everyone in the waiting area looks at.

Landscape (1920×1080):              Portrait (1080×1920):
  header                              header
  current call     | recent calls     current call
  windows                             windows
  waiting counts   | model window     recent calls | model window
  notice band                         waiting counts
                                      notice band
"""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtCore import Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLayout, QWidget

from common.admin import NoticeView
from common.clock import Clock
from common.engine import ServiceState, WindowState
from display.current_call import CurrentCall
from display.hall_link import HallLink
from display.header import Header
from display.model_window import ModelWindowCard
from display.notice_band import NoticeBand
from display.operations import BoardSnapshot, CallShown
from display.palette import BoardPalette
from display.recent_calls import RecentCalls
from display.voice import VoiceProblem
from display.waiting_counts import WaitingCounts
from display.window_grid import WindowGrid


class LayoutPlan(TypedDict):
    """Where each part of the board goes, and how rows and columns share the space."""

    cells: dict[str, tuple[int, int, int, int]]
    rows: tuple[int, ...]
    columns: tuple[int, ...]


# (row, column, row span, column span) of each part, and the rows' and columns' shares.
LANDSCAPE: LayoutPlan = {
    "cells": {
        "header": (0, 0, 1, 2),
        "current": (1, 0, 1, 1),
        "recent": (1, 1, 1, 1),
        "windows": (2, 0, 1, 2),
        "counts": (3, 0, 1, 1),
        "model": (3, 1, 1, 1),
        "band": (4, 0, 1, 2),
    },
    "rows": (9, 47, 22, 14, 8),
    "columns": (62, 38),
}
PORTRAIT: LayoutPlan = {
    "cells": {
        "header": (0, 0, 1, 2),
        "current": (1, 0, 1, 2),
        "windows": (2, 0, 1, 2),
        "recent": (3, 0, 1, 1),
        "model": (3, 1, 1, 1),
        "counts": (4, 0, 1, 2),
        "band": (5, 0, 1, 2),
    },
    "rows": (6, 27, 25, 22, 11, 5),
    "columns": (50, 50),
}


class Board(QWidget):
    """The whole board, laid out for the screen's orientation.

    Args:
        link: the hall (loads, then follows the change feed).
        palette: dark or light colours.
        clock: the time shown in the header and used for notice validity.
        english: show service names and notices in English.
    """

    def __init__(
        self,
        link: HallLink,
        palette: BoardPalette,
        clock: Clock,
        english: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("综合显示屏"))
        self.setAutoFillBackground(True)
        colours = self.palette()
        colours.setColor(QPalette.ColorRole.Window, palette.background)
        self.setPalette(colours)
        self.link = link
        self._english = english
        self.header = Header(palette, clock, self)
        self.current_call = CurrentCall(palette, self)
        self.recent_calls = RecentCalls(palette, self)
        self.windows = WindowGrid(palette, self)
        self.waiting_counts = WaitingCounts(palette, english, self)
        self.model_window = ModelWindowCard(palette, self)
        self.notice_band = NoticeBand(palette, clock, english, self)
        self._parts = {
            "header": self.header,
            "current": self.current_call,
            "recent": self.recent_calls,
            "windows": self.windows,
            "counts": self.waiting_counts,
            "model": self.model_window,
            "band": self.notice_band,
        }
        self._grid = QGridLayout(self)
        # Every part sizes itself from the space it gets; the board asks the window system
        # for no minimum size (a wall TV's size is what it is).
        self._grid.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._portrait: bool | None = None
        self.loaded = False
        self._arrange(portrait=False)
        self.header.set_mark("connection", self.tr("正在连接数据库…"))

        link.loaded.connect(self._on_loaded)
        link.call_made.connect(self._on_call_made)
        link.window_updated.connect(self._on_window_updated)
        link.counts_updated.connect(self._on_counts_updated)
        link.notices_updated.connect(self._on_notices_updated)
        link.model_window_updated.connect(self.model_window.set_model)
        link.connection_changed.connect(self._on_connection_changed)

    # -- layout

    def resizeEvent(self, event) -> None:  # noqa: N802 — Qt's name
        portrait = self.height() > self.width()
        if portrait != self._portrait:
            self._arrange(portrait)
        margin = int(min(self.width(), self.height()) * 0.012)
        self._grid.setContentsMargins(margin, 0, margin, 0)
        super().resizeEvent(event)

    def _arrange(self, portrait: bool) -> None:
        self._portrait = portrait
        plan = PORTRAIT if portrait else LANDSCAPE
        for widget in self._parts.values():
            self._grid.removeWidget(widget)
        for index in range(8):
            self._grid.setRowStretch(index, 0)
            self._grid.setColumnStretch(index, 0)
        for name, (row, column, rows, columns) in plan["cells"].items():
            self._grid.addWidget(self._parts[name], row, column, rows, columns)
        for index, share in enumerate(plan["rows"]):
            self._grid.setRowStretch(index, share)
        for index, share in enumerate(plan["columns"]):
            self._grid.setColumnStretch(index, share)
        self._grid.setSpacing(0)
        self.windows.set_columns(3 if portrait else 8)
        self.recent_calls.set_rows(4 if portrait else 5)

    # -- the hall

    @Slot(object)
    def _on_loaded(self, snapshot: BoardSnapshot) -> None:
        settings = snapshot.settings
        name = settings.name_en if self._english and settings.name_en else settings.name
        self.header.set_hall(name, settings.zone)
        self.header.set_mark("muted", self.tr("语音已静音") if settings.voice_muted else "")
        self.windows.set_windows(snapshot.windows)
        self.waiting_counts.limit_to(
            frozenset(code for w in snapshot.windows for code, _ in w.services)
            if self.link.windows
            else None
        )
        self.waiting_counts.set_services(snapshot.services)
        self.recent_calls.set_calls(snapshot.recent)
        self.current_call.set_call(snapshot.recent[0] if snapshot.recent else None)
        self.notice_band.set_fallback(settings.ticket_footer)
        self.notice_band.set_notices(snapshot.notices)
        self.model_window.set_model(snapshot.model_window)
        self.loaded = True

    @Slot(object)
    def _on_call_made(self, call: CallShown) -> None:
        self.current_call.show_call(call)
        self.recent_calls.add(call)
        self.windows.show_call(call)

    @Slot(object)
    def _on_window_updated(self, state: WindowState) -> None:
        self.windows.update_window(state)

    @Slot(object)
    def _on_counts_updated(self, services: tuple[ServiceState, ...]) -> None:
        self.waiting_counts.set_services(services)

    @Slot(object)
    def _on_notices_updated(self, notices: tuple[NoticeView, ...]) -> None:
        self.notice_band.set_notices(notices)

    @Slot(bool)
    def _on_connection_changed(self, connected: bool) -> None:
        self.header.set_mark("connection", "" if connected else self.tr("正在重新连接…"))

    @Slot(object)
    def set_voice_problem(self, problem: VoiceProblem | None) -> None:
        self.header.set_mark("voice", problem.display_text() if problem else "")
