"""The counter's look: calm colours, large type where it matters, the hall's green.

Clerks read the console all day at arm's length on 1366×768 or 1920×1080 monitors: body text
is 15 px, action buttons are tall enough to hit without looking, and the current number is
drawn as large as its panel allows (see `widgets/current_ticket.py`).
"""

from __future__ import annotations

from common.qt import theme

LINE = "#C9D3D1"
GREY = "#EEF1F0"
AMBER_LIGHT = "#FFF4D6"
RED_LIGHT = "#FBE3E3"
BLUE = "#1565C0"

STATE_COLOURS = {
    "idle": theme.MUTED,
    "calling": BLUE,
    "serving": theme.GREEN,
    "paused": theme.AMBER,
    "closed": "#9E9E9E",
}


def stylesheet() -> str:
    return f"""
    QMainWindow, QWidget#Workspace, QWidget#LoginScreen, QWidget#ConnectingScreen {{
        background: {theme.PAPER};
    }}
    QWidget {{ font-size: 15px; color: {theme.INK}; }}
    QTabWidget::pane {{ border: none; }}
    QTabBar::tab {{
        padding: 8px 22px; font-size: 16px; background: {GREY}; color: {theme.MUTED};
        border: 1px solid {LINE}; border-bottom: none; margin-right: 2px;
        border-top-left-radius: 6px; border-top-right-radius: 6px;
    }}
    QTabBar::tab:selected {{ background: white; color: {theme.GREEN_DARK}; font-weight: bold; }}
    QFrame[panel="true"] {{
        background: white; border: 1px solid {LINE}; border-radius: 10px;
    }}
    QFrame[panel="true"] QLabel {{ background: transparent; }}
    QScrollArea#EditorScroll, QWidget#EditorBody {{ background: white; }}
    QLabel[role="section"] {{ font-size: 16px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QLabel[role="muted"] {{ color: {theme.MUTED}; }}
    QLabel[role="error"] {{ color: {theme.RED}; font-weight: bold; }}
    QLabel[role="title"] {{ font-size: 22px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QFrame#WorkspaceBar {{ background: {theme.GREEN_DARK}; }}
    QFrame#WorkspaceBar QLabel {{ color: white; font-size: 16px; background: transparent; }}
    QFrame#WorkspaceBar QLabel#Clock {{ font-size: 20px; font-weight: bold; }}
    QFrame#WorkspaceBar QLabel#Offline {{
        background: {theme.AMBER}; color: {theme.INK}; border-radius: 4px; padding: 2px 8px;
    }}
    QFrame#WorkspaceBar QPushButton {{
        color: white; background: transparent; border: 1px solid #80CBC4;
        border-radius: 6px; padding: 4px 14px;
    }}
    QLabel#StateBadge {{
        color: white; font-size: 18px; font-weight: bold; border-radius: 6px; padding: 3px 14px;
    }}
    QLabel#WindowTitle {{ font-size: 24px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QLabel#TicketNumber {{ font-weight: bold; color: {theme.INK}; }}
    QLabel#PriorityBadge {{
        background: {theme.RED}; color: white; font-weight: bold; font-size: 18px;
        border-radius: 6px; padding: 3px 12px;
    }}
    QLabel#TicketService {{ font-size: 26px; font-weight: bold; color: {theme.GREEN_DARK}; }}
    QLabel#TicketTimer {{ font-size: 30px; font-weight: bold; color: {theme.INK}; }}
    QLabel#TransferNote {{
        background: {AMBER_LIGHT}; border-radius: 6px; padding: 6px 10px; font-size: 16px;
    }}
    QPushButton {{
        background: white; border: 1px solid {LINE}; border-radius: 8px; padding: 6px 14px;
    }}
    QPushButton:hover {{ border-color: {theme.GREEN}; }}
    QPushButton:focus {{ border: 2px solid {theme.GREEN}; }}
    QPushButton:disabled {{ color: #A3ADAC; background: {GREY}; border-color: {LINE}; }}
    QPushButton[role="primary"] {{
        background: {theme.GREEN}; color: white; border: none; font-weight: bold;
    }}
    QPushButton[role="primary"]:disabled {{ background: #A7C4C0; color: #F4F7F6; }}
    QPushButton[action="true"] {{ font-size: 17px; min-height: 54px; text-align: center; }}
    QPushButton[armed="true"] {{ background: {theme.RED}; color: white; border: none; }}
    QLabel#StatusLine {{ padding: 6px 12px; border-radius: 6px; font-size: 16px; }}
    QLabel#StatusLine[kind="error"] {{ background: {RED_LIGHT}; color: {theme.RED}; }}
    QLabel#StatusLine[kind="info"] {{ background: {theme.GREEN_LIGHT}; color: {theme.GREEN_DARK}; }}
    QTableWidget {{
        background: white; border: none; gridline-color: {GREY};
        selection-background-color: {theme.GREEN_LIGHT}; selection-color: {theme.INK};
    }}
    QHeaderView::section {{
        background: {GREY}; color: {theme.MUTED}; border: none; padding: 5px 8px;
        font-weight: bold;
    }}
    QLineEdit, QPlainTextEdit {{
        background: white; border: 1px solid {LINE}; border-radius: 6px; padding: 4px 8px;
        min-height: 24px;
    }}
    QLineEdit:focus, QPlainTextEdit:focus {{ border: 2px solid {theme.GREEN}; }}
    QSpinBox, QDoubleSpinBox, QComboBox, QDateTimeEdit {{ min-height: 28px; }}
    QLineEdit[invalid="true"], QSpinBox[invalid="true"], QComboBox[invalid="true"],
    QPlainTextEdit[invalid="true"], QTableWidget[invalid="true"] {{
        border: 2px solid {theme.RED};
    }}
    """


def repolish(widget) -> None:  # type: ignore[no-untyped-def]
    """Apply a changed dynamic property to the widget's style."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
