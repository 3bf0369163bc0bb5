"""The kiosk's look: large type, high contrast, the hall's green and white.

Sizes are pixels on a 1080×1920 (or 1920×1080) touchscreen read at arm's length: body text
34 px, keys at least 78 px and buttons 100 px tall (a 21.5" panel has ~4 px a millimetre, so
every target is well over 15 mm).
"""

from __future__ import annotations

from common.qt import theme

BUTTON_MIN_HEIGHT = 100
GREY = "#E4E8E7"
GREY_INK = "#37403F"
LINE = "#B8C4C2"


def stylesheet() -> str:
    return f"""
    QWidget#KioskWindow, QStackedWidget {{ background: {theme.PAPER}; }}
    QLabel {{ color: {theme.INK}; font-size: 34px; }}
    QLabel[role="title"] {{ font-size: 60px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QLabel[role="subtitle"] {{ font-size: 42px; color: {theme.INK}; }}
    QLabel[role="hint"] {{ font-size: 34px; color: {theme.MUTED}; }}
    QLabel[role="error"] {{ font-size: 38px; font-weight: bold; color: {theme.RED}; }}
    QLabel[role="section"] {{ font-size: 38px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QLabel[role="field"] {{
        font-size: 52px; font-weight: bold; color: {theme.INK}; background: white;
        border: 3px solid {LINE}; border-radius: 12px; padding: 4px 20px; min-height: 80px;
    }}
    QLabel[role="field"][active="true"] {{ border: 5px solid {theme.GREEN}; }}
    QLineEdit {{
        font-size: 40px; color: {theme.INK}; background: white; min-height: 90px;
        border: 3px solid {LINE}; border-radius: 12px; padding: 4px 20px;
    }}
    QLineEdit:focus {{ border: 5px solid {theme.GREEN}; }}
    QPushButton {{
        font-size: 40px; color: {theme.GREEN_DARK}; background: white;
        border: 3px solid {theme.GREEN}; border-radius: 18px;
        min-height: {BUTTON_MIN_HEIGHT}px; padding: 8px 28px;
    }}
    QPushButton:pressed {{ background: {theme.GREEN_LIGHT}; }}
    QPushButton:checked {{ background: {theme.GREEN}; color: white; font-weight: bold; }}
    QPushButton:disabled {{ color: #8A9695; border-color: {LINE}; background: {GREY}; }}
    QPushButton[role="primary"] {{
        background: {theme.GREEN}; color: white; border: none; font-weight: bold;
    }}
    QPushButton[role="primary"]:pressed {{ background: {theme.GREEN_DARK}; }}
    QPushButton[role="primary"]:disabled {{ background: #9DB8B4; color: #F4F7F6; }}
    QPushButton[role="big"] {{ font-size: 46px; font-weight: bold; min-height: 130px; }}
    QPushButton[role="key"] {{
        font-size: 46px; font-weight: bold; min-height: 78px; padding: 0px; min-width: 78px;
    }}
    QPushButton[role="action"] {{
        font-size: 42px; font-weight: bold; min-height: 130px; padding: 8px 12px;
    }}
    QPushButton[role="chip"] {{ font-size: 34px; min-height: 84px; padding: 4px 16px; }}
    QPushButton[role="priority"] {{
        font-size: 38px; font-weight: bold; color: {theme.GREEN_DARK};
        background: white; border: 3px solid {theme.GREEN};
    }}
    QLabel#PrintState {{ font-size: 42px; color: {theme.GREEN_DARK}; font-weight: bold; }}
    QLabel#PrintState[state="printing"] {{ color: {theme.MUTED}; font-weight: normal; }}
    QLabel#PrintState[state="failed"] {{ color: {theme.RED}; }}
    QFrame#PriorityPanel {{
        background: {theme.GREEN_LIGHT}; border: 3px solid {theme.GREEN}; border-radius: 22px;
    }}
    QFrame#PriorityPanel QLabel {{ background: transparent; }}
    """
