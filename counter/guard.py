"""Callbacks that outlive their widget: a result may arrive after the screen was closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, callback: Callable[..., None]) -> Callable[..., None]:
    """Wrap `callback` so it does nothing once `owner` has been deleted."""

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            callback(*args)

    return call
