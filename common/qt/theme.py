"""Fonts and colours shared by the apps.

Chinese must render everywhere: the first installed CJK family wins (Windows ships Microsoft
YaHei; Linux needs fonts-noto-cjk or fonts-wqy-microhei).
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

CJK_FAMILIES = (
    "Microsoft YaHei",
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
    "SimHei",
)

# The hall's colours: the grid operator's green, with warning and alarm tones.
GREEN = "#00796B"
GREEN_DARK = "#004D40"
GREEN_LIGHT = "#E0F2F1"
AMBER = "#F9A825"
RED = "#C62828"
INK = "#1B1B1B"
MUTED = "#5F6B6B"
PAPER = "#FAFAF7"


def cjk_family() -> str | None:
    """The first installed font family that covers Simplified Chinese, if any."""
    installed = set(QFontDatabase.families())
    for family in CJK_FAMILIES:
        if family in installed:
            return family
    for family in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese):
        return family
    return None


def has_cjk_font() -> bool:
    return cjk_family() is not None


def app_font(point_size: int = 11) -> QFont:
    font = QFont()
    family = cjk_family()
    if family:
        font.setFamilies([family, "sans-serif"])
    font.setPointSize(point_size)
    return font


def apply_base_font(app: QApplication, point_size: int = 11) -> None:
    app.setFont(app_font(point_size))
