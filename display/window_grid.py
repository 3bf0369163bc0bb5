"""Every window with the number it is serving."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from common.engine import WindowState
from display.operations import CallShown
from display.painting import Segment, around, draw_line, draw_text, panel
from display.palette import BoardPalette


class WindowTile(QWidget):
    """One window: its number, the ticket at it, and what it is doing."""

    def __init__(self, palette: BoardPalette, number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self.number = number
        self.state = "idle"  # idle | calling | serving | paused | closed
        self.label = ""

    def set_state(self, state: WindowState) -> None:
        self.state = state.state
        self.label = state.current.label if state.current else ""
        self.update()

    def set_call(self, call: CallShown) -> None:
        self.state = "calling"
        self.label = call.label
        self.update()

    def state_text(self) -> str:
        return {
            "idle": self.tr("空闲"),
            "calling": self.tr("请到窗口"),
            "serving": self.tr("办理中"),
            "paused": self.tr("暂停服务"),
            "closed": self.tr("停用"),
        }[self.state]

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt's name
        p = self._palette
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        rect = QRectF(self.rect())
        painter.fillRect(rect, p.background)
        card = rect.adjusted(4, 4, -4, -4)
        calling = self.state == "calling"
        panel(painter, card, p.highlight_bg if calling else p.panel, p.border)
        text = p.highlight_fg if calling else p.text
        h = card.height()
        inner = card.adjusted(card.width() * 0.05, 0, -card.width() * 0.05, 0)
        before, after = around(self.tr("{window} 号窗口"), "window")
        draw_line(
            painter,
            QRectF(inner.left(), card.top() + h * 0.04, inner.width(), h * 0.24),
            [
                Segment(before, h * 0.15, text if calling else p.muted, True),
                Segment(str(self.number), h * 0.19, text, True),
                Segment(after, h * 0.15, text if calling else p.muted, True),
            ],
        )
        middle = QRectF(inner.left(), card.top() + h * 0.28, inner.width(), h * 0.46)
        if self.label:
            color = text if calling else (p.serving if self.state == "serving" else p.number)
            draw_text(painter, middle, self.label, h * 0.4, color, True)
        else:
            draw_text(painter, middle, "—", h * 0.3, p.paused, True)
        state_color = {
            "calling": text,
            "serving": p.serving,
            "paused": p.paused,
            "closed": p.paused,
            "idle": p.muted,
        }[self.state]
        draw_text(
            painter,
            QRectF(inner.left(), card.top() + h * 0.75, inner.width(), h * 0.2),
            self.state_text(),
            h * 0.14,
            state_color,
            True,
        )


class WindowGrid(QWidget):
    """The tiles of the windows this board shows, in number order."""

    def __init__(self, palette: BoardPalette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._palette = palette
        self.tiles: dict[int, WindowTile] = {}
        self._columns = 6
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(0)

    def set_columns(self, columns: int) -> None:
        self._columns = max(1, columns)
        self._arrange()

    def set_windows(self, states: tuple[WindowState, ...]) -> None:
        numbers = [s.number for s in states]
        for number in list(self.tiles):
            if number not in numbers:
                gone = self.tiles.pop(number)
                self._grid.removeWidget(gone)
                gone.deleteLater()
        for state in states:
            tile = self.tiles.get(state.number)
            if tile is None:
                tile = self.tiles[state.number] = WindowTile(self._palette, state.number, self)
            tile.set_state(state)
        self._arrange()

    def update_window(self, state: WindowState) -> None:
        tile = self.tiles.get(state.number)
        if tile is not None:
            tile.set_state(state)

    def show_call(self, call: CallShown) -> None:
        tile = self.tiles.get(call.window)
        if tile is not None:
            tile.set_call(call)

    def _arrange(self) -> None:
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for row in range(self._grid.rowCount()):
            self._grid.setRowStretch(row, 0)
        count = len(self.tiles)
        columns = min(self._columns, count) or 1
        rows = -(-count // columns) if count else 1
        for index, number in enumerate(sorted(self.tiles)):
            self._grid.addWidget(self.tiles[number], index // columns, index % columns)
        for column in range(columns):
            self._grid.setColumnStretch(column, 1)
        for row in range(rows):
            self._grid.setRowStretch(row, 1)
