"""The board's colours, dark and light.

Both themes keep strong contrast: numbers are read from ten metres across a bright hall, so
the call colour on its background stays above a 7:1 contrast ratio.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class BoardPalette:
    background: QColor
    panel: QColor
    border: QColor
    text: QColor
    muted: QColor
    number: QColor
    highlight_bg: QColor
    highlight_fg: QColor
    calling: QColor
    serving: QColor
    paused: QColor
    warning_bg: QColor
    warning_fg: QColor
    band_bg: QColor
    band_fg: QColor
    star: QColor


DARK = BoardPalette(
    background=QColor("#071512"),
    panel=QColor("#10241F"),
    border=QColor("#1F3D36"),
    text=QColor("#F5F7F6"),
    muted=QColor("#A9BDB8"),
    number=QColor("#FFC928"),
    highlight_bg=QColor("#FFC928"),
    highlight_fg=QColor("#0A0A0A"),
    calling=QColor("#FFC928"),
    serving=QColor("#4ADE80"),
    paused=QColor("#8A9A97"),
    warning_bg=QColor("#F9A825"),
    warning_fg=QColor("#111111"),
    band_bg=QColor("#00796B"),
    band_fg=QColor("#FFFFFF"),
    star=QColor("#FFC928"),
)

LIGHT = BoardPalette(
    background=QColor("#F4F6F5"),
    panel=QColor("#FFFFFF"),
    border=QColor("#C9D6D3"),
    text=QColor("#111A18"),
    muted=QColor("#4A5A57"),
    number=QColor("#B3261E"),
    highlight_bg=QColor("#B3261E"),
    highlight_fg=QColor("#FFFFFF"),
    calling=QColor("#B3261E"),
    serving=QColor("#00695C"),
    paused=QColor("#6B7876"),
    warning_bg=QColor("#F9A825"),
    warning_fg=QColor("#111111"),
    band_bg=QColor("#004D40"),
    band_fg=QColor("#FFFFFF"),
    star=QColor("#C77700"),
)


def palette_for(theme: str) -> BoardPalette:
    return LIGHT if theme == "light" else DARK
