"""The band across the top: the hall's name, today's date and time, the language switch."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDateTime, QLocale, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from common.qt import theme
from kiosk.widgets.touch_button import TouchButton


class HallHeader(QWidget):
    """Hall name, clock and the 中文/English button.

    Signals:
        language_requested(): the customer tapped the language button.
    """

    language_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFixedHeight(150)
        self._zone: QTimeZone | None = None
        self._name = QLabel()
        # Long (English) names wrap to a second line rather than widen the window.
        self._name.setWordWrap(True)
        self._name.setMinimumWidth(200)
        self._name.setStyleSheet("color: white; font-size: 46px; font-weight: bold;")
        self._date = QLabel()
        self._date.setStyleSheet("color: white; font-size: 30px;")
        self._date.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._time = QLabel()
        self._time.setStyleSheet("color: white; font-size: 52px; font-weight: bold;")
        self._time.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._language = TouchButton()
        self._language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._language.setStyleSheet(
            "QPushButton { background: transparent; color: white; border: 3px solid white;"
            " font-size: 36px; min-width: 150px; padding: 8px 16px; }"
            f"QPushButton:pressed {{ background: {theme.GREEN_DARK}; }}"
        )
        self._language.clicked.connect(self.language_requested)

        clock = QVBoxLayout()
        clock.setSpacing(0)
        clock.addWidget(self._time)
        clock.addWidget(self._date)
        row = QHBoxLayout(self)
        row.setContentsMargins(40, 10, 30, 10)
        row.setSpacing(24)
        row.addWidget(self._name, 1)
        row.addLayout(clock)
        row.addWidget(self._language)

        self._tick = QTimer(self, interval=1000)
        self._tick.timeout.connect(self._on_tick)
        self._tick.start()
        self.retranslate()

    def set_hall(self, name: str, timezone: str) -> None:
        self._name.setText(name)
        zone = QTimeZone(QByteArray(timezone.encode()))
        self._zone = zone if zone.isValid() else None
        self._on_tick()

    def retranslate(self) -> None:
        # The button names the *other* language, in that language, so anyone can find it.
        english = QLocale().language() == QLocale.Language.English
        self._language.setText("中文" if english else "English")
        self._on_tick()

    def _on_tick(self) -> None:
        now = QDateTime.currentDateTime()
        if self._zone is not None:
            # The hall's own time, whatever the PC's timezone is set to.
            now = now.toTimeZone(self._zone)
        locale = QLocale()
        self._time.setText(now.toString("HH:mm"))
        if locale.language() == QLocale.Language.English:
            self._date.setText(locale.toString(now.date(), "ddd d MMMM"))
        else:
            self._date.setText(locale.toString(now.date(), "M月d日 dddd"))

    def paintEvent(self, event) -> None:  # noqa: N802 — Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(theme.GREEN))
