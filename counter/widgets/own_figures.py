"""The clerk's own figures of today: served, mean handling time, satisfaction rate."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from common.staff import ClerkFigures


class OwnFigures(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        title = QLabel(self.tr("今日业绩"))
        title.setProperty("role", "section")
        self._served = QLabel("—")
        self._mean = QLabel("—")
        self._rate = QLabel("—")
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title, 0, 0, 1, 2)
        for row, (caption, value) in enumerate(
            [
                (self.tr("办结"), self._served),
                (self.tr("平均办理"), self._mean),
                (self.tr("满意率"), self._rate),
            ],
            start=1,
        ):
            label = QLabel(caption)
            label.setProperty("role", "muted")
            value.setStyleSheet("font-size: 18px; font-weight: bold;")
            layout.addWidget(label, row, 0)
            layout.addWidget(value, row, 1)
        layout.setColumnStretch(1, 1)

    def set_figures(self, figures: ClerkFigures) -> None:
        self._served.setText(self.tr("%1 人").replace("%1", str(figures.served)))
        if figures.mean_handling_min is None:
            self._mean.setText("—")
        else:
            self._mean.setText(self.tr("%1 分钟").replace("%1", f"{figures.mean_handling_min:.1f}"))
        rate = figures.satisfaction_rate
        if rate is None:
            self._rate.setText(self.tr("暂无评价"))
        else:
            self._rate.setText(
                self.tr("%1%（%2 条评价）")
                .replace("%1", f"{rate * 100:.0f}")
                .replace("%2", str(figures.ratings))
            )

    def text(self) -> str:
        return " ".join(w.text() for w in (self._served, self._mean, self._rate))
