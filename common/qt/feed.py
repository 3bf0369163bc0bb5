"""The change feed as a QObject: signals on the GUI thread for each batch of changes."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from common.feed import Change, ChangeFeed


class QtChangeFeed(QObject):
    """Watches the hall's event log and emits on the GUI thread.

    Signals:
        changed(list): a batch of `common.feed.Change`, oldest first.
        connection_changed(bool, str): False with a reason when the database is lost, True back.
    """

    changed = Signal(list)
    connection_changed = Signal(bool, str)

    def __init__(
        self, url: str, hall_id: int, cursor: int | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        # Emitting from the watcher thread queues delivery to this object's (GUI) thread.
        self._feed = ChangeFeed(
            url,
            hall_id,
            self._on_changes,
            cursor=cursor,
            on_connection=lambda ok, why: self.connection_changed.emit(ok, why),
        )

    @property
    def cursor(self) -> int:
        return self._feed.cursor

    @property
    def connected(self) -> bool:
        return self._feed.connected

    def start(self) -> QtChangeFeed:
        self._feed.start()
        return self

    def wait_ready(self, timeout: float = 5.0) -> bool:
        return self._feed.ready.wait(timeout)

    def stop(self) -> None:
        self._feed.stop()

    def _on_changes(self, changes: list[Change]) -> None:
        self.changed.emit(changes)
