"""The tiles of the hall's services, two or three to a row depending on the screen's shape."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from common.engine import ServiceState
from kiosk.widgets.service_tile import ServiceTile


class ServiceGrid(QWidget):
    """One `ServiceTile` per service.

    Signals:
        chosen(str): the code of the service tapped.
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(24)
        self._tiles: dict[str, ServiceTile] = {}
        self._columns = 2

    @property
    def tiles(self) -> dict[str, ServiceTile]:
        return dict(self._tiles)

    def set_services(self, services: list[ServiceState] | tuple[ServiceState, ...]) -> None:
        """Show these services; tiles are updated in place so nothing flickers."""
        codes = [s.code for s in services]
        if codes != list(self._tiles):
            for tile in self._tiles.values():
                self._grid.removeWidget(tile)
                tile.deleteLater()
            self._tiles = {}
            for state in services:
                tile = ServiceTile(state, self)
                tile.clicked.connect(lambda _=False, code=state.code: self.chosen.emit(code))
                self._tiles[state.code] = tile
            self._place()
        else:
            for state in services:
                self._tiles[state.code].set_state(state)

    def set_columns(self, columns: int) -> None:
        if columns != self._columns:
            self._columns = columns
            self._place()

    def refresh_texts(self) -> None:
        for tile in self._tiles.values():
            tile.set_state(tile.state)

    def _place(self) -> None:
        for tile in self._tiles.values():
            self._grid.removeWidget(tile)
        for i, tile in enumerate(self._tiles.values()):
            self._grid.addWidget(tile, i // self._columns, i % self._columns)
