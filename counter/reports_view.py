"""统计报表 — the supervisor's report screen: figures, charts, the 标兵窗口 ranking, exports.

The period (a day, a month or a range of days) and the service are chosen at the top; the
report is computed on the worker thread and shown as key figures, four charts (arrivals and
served by hour, the waiting-time distribution against the SLA, satisfaction by clerk, the trend
over days) and the ranking of windows and clerks. Exports write what is on screen.
"""

from __future__ import annotations

import logging
import math
from datetime import date, timedelta
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QMargins, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from common import report_export, reports
from common.engine import QueueEngine
from common.errors import BadInput
from common.qt import theme
from common.qt.messages import user_message
from common.qt.worker import OperationRunner
from counter.guard import while_alive

log = logging.getLogger(__name__)

BLUE = QColor("#1565C0")
GREEN = QColor(theme.GREEN)
AMBER = QColor(theme.AMBER)
RED = QColor(theme.RED)
# A day's report shows the trend of the days before it, up to that day.
TREND_DAYS = 14
# Filter edits settle before a new report is computed (typing a date changes it per digit).
RECOMPUTE_DELAY_MS = 250
# After a database failure the screen tries again by itself, this much later.
RETRY_MS = 10_000


def _minutes(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


class ExportPathDialog:
    """Where to save an export (tests replace `ask`)."""

    @classmethod
    def ask(cls, parent: QWidget, title: str, suggested: str, file_filter: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
        return path or None


class FigureTile(QFrame):
    """One key figure: a caption and a large value."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("panel", "true")
        self.caption = QLabel(caption)
        self.caption.setProperty("role", "muted")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 24px; font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTitleFont(theme.app_font(12))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setFont(theme.app_font(10))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setBackgroundRoundness(6)
    return chart


def _axis_font(axis: Any) -> None:
    axis.setLabelsFont(theme.app_font(9))


def _value_axis(top: float, fmt: str = "%d") -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1.0, top))
    axis.setLabelFormat(fmt)
    axis.applyNiceNumbers()
    if fmt == "%d" and axis.max() < axis.tickCount() - 1:
        # Few enough to count: a tick at each whole number, not halves labelled twice.
        top_tick = max(1, math.ceil(axis.max()))
        axis.setRange(0, top_tick)
        axis.setTickCount(top_tick + 1)
    _axis_font(axis)
    return axis


class ReportsView(QWidget):
    """The supervisor's report screen.

    Signals:
        loaded(): the first report (or the first failure, calmly) is on screen.
        report_shown(): a (new) report is on screen.
        exported(str): an export was written to this path.
    """

    loaded = Signal()
    report_shown = Signal()
    exported = Signal(str)

    def __init__(
        self, engine: QueueEngine, runner: OperationRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._engine = engine
        self._runner = runner
        self.report: reports.Report | None = None
        self.trend: reports.Report | None = None
        self._has_loaded = False
        self._has_choices = False
        self._computing = False
        self._again = False
        self.retry_ms = RETRY_MS

        self.kind = QComboBox()
        self.kind.addItem(self.tr("按月"), "month")
        self.kind.addItem(self.tr("按日"), "day")
        self.kind.addItem(self.tr("日期区间"), "range")
        self.month_edit = self._date_edit("yyyy-MM")
        self.day_edit = self._date_edit("yyyy-MM-dd")
        self.from_edit = self._date_edit("yyyy-MM-dd")
        self.to_edit = self._date_edit("yyyy-MM-dd")
        range_box = QWidget()
        range_layout = QHBoxLayout(range_box)
        range_layout.setContentsMargins(0, 0, 0, 0)
        range_layout.addWidget(self.from_edit)
        range_layout.addWidget(QLabel(self.tr("至")))
        range_layout.addWidget(self.to_edit)
        # The date fields of each kind of period; only the chosen kind's are shown.
        self._date_fields = {"month": self.month_edit, "day": self.day_edit, "range": range_box}
        self.service = QComboBox()
        self.service.addItem(self.tr("全部业务"), None)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.xlsx_button = QPushButton(self.tr("导出 Excel"))
        self.pdf_button = QPushButton(self.tr("导出 PDF"))
        self.csv_button = QPushButton(self.tr("导出 CSV"))
        self.status = QLabel()
        self.status.setProperty("role", "muted")

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("统计周期")))
        bar.addWidget(self.kind)
        for widget in self._date_fields.values():
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("业务")))
        bar.addWidget(self.service)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        for button in (self.xlsx_button, self.pdf_button, self.csv_button):
            bar.addWidget(button)

        self.tiles = {
            "issued": FigureTile(self.tr("取号")),
            "served": FigureTile(self.tr("办结")),
            "no_show": FigureTile(self.tr("过号")),
            "wait": FigureTile(self.tr("平均等候（分钟）")),
            "sla": FigureTile(self.tr("限时内叫号率")),
            "handling": FigureTile(self.tr("平均办理（分钟）")),
            "ratings": FigureTile(self.tr("评价数")),
            "satisfaction": FigureTile(self.tr("满意率")),
        }
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, tile in enumerate(self.tiles.values()):
            tiles.addWidget(tile, i // 4, i % 4)
        self.star = QLabel()
        self.star.setObjectName("StarBanner")
        self.star.setStyleSheet(
            f"QLabel#StarBanner {{ background: #FFF8E1; border: 1px solid {theme.AMBER};"
            " border-radius: 8px; padding: 8px 14px; font-size: 16px; font-weight: bold; }"
        )
        self.star.setWordWrap(True)

        self.charts = {
            "hours": QChartView(),
            "waits": QChartView(),
            "clerks": QChartView(),
            "trend": QChartView(),
        }
        charts = QGridLayout()
        charts.setSpacing(8)
        for view in self.charts.values():
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(300)
            view.setFrameShape(QFrame.Shape.NoFrame)
        # The trend and the clerks (one bar each, however many) get a row of their own.
        charts.addWidget(self.charts["hours"], 0, 0)
        charts.addWidget(self.charts["waits"], 0, 1)
        charts.addWidget(self.charts["trend"], 1, 0, 1, 2)
        charts.addWidget(self.charts["clerks"], 2, 0, 1, 2)

        self.window_ranking = self._table(
            [
                self.tr("名次"),
                self.tr("窗口"),
                self.tr("主要柜员"),
                self.tr("评价数"),
                self.tr("平均分"),
                self.tr("满意率"),
                self.tr("办结数"),
            ]
        )
        self.staff_ranking = self._table(
            [
                self.tr("名次"),
                self.tr("工号"),
                self.tr("姓名"),
                self.tr("评价数"),
                self.tr("平均分"),
                self.tr("满意率"),
                self.tr("办结数"),
            ]
        )
        self.ranking_note = QLabel()
        self.ranking_note.setProperty("role", "muted")
        self.ranking_note.setWordWrap(True)
        rankings = QGridLayout()
        rankings.setSpacing(8)
        for col, (title, table) in enumerate(
            [
                (self.tr("标兵窗口排名"), self.window_ranking),
                (self.tr("人员排名"), self.staff_ranking),
            ]
        ):
            heading = QLabel(title)
            heading.setProperty("role", "section")
            rankings.addWidget(heading, 0, col)
            rankings.addWidget(table, 1, col, Qt.AlignmentFlag.AlignTop)
        rankings.addWidget(self.ranking_note, 2, 0, 1, 2)

        body = QWidget()
        body.setObjectName("ReportsBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 8)
        column.setSpacing(10)
        column.addLayout(tiles)
        column.addWidget(self.star)
        column.addLayout(charts)
        column.addLayout(rankings)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 6)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)

        self._recompute = QTimer(self)
        self._recompute.setSingleShot(True)
        self._recompute.setInterval(RECOMPUTE_DELAY_MS)
        self._recompute.timeout.connect(self._compute)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._on_retry)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        for edit in (self.month_edit, self.day_edit, self.from_edit, self.to_edit):
            edit.dateChanged.connect(self._on_filter_changed)
        self.service.currentIndexChanged.connect(self._on_filter_changed)
        self.refresh_button.clicked.connect(self._compute)
        self.xlsx_button.clicked.connect(lambda: self._on_export("xlsx"))
        self.pdf_button.clicked.connect(lambda: self._on_export("pdf"))
        self.csv_button.clicked.connect(lambda: self._on_export("csv"))
        self._show_date_fields()
        self._set_exports_enabled(False)
        self._show_status(self.tr("正在读取…"))
        self._submit_load_choices()

    # -- building blocks

    def _date_edit(self, fmt: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setDisplayFormat(fmt)
        edit.setCalendarPopup(True)
        edit.setMinimumWidth(130)
        edit.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return edit

    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setAlternatingRowColors(True)
        return table

    # -- the period and the service

    def _submit_load_choices(self) -> None:
        self._runner.submit(
            self._load_choices,
            while_alive(self, self._on_choices),
            while_alive(self, self._on_choices_failed),
        )

    def _on_choices_failed(self, error: BaseException) -> None:
        log.warning("report choices failed: %s", error)
        self._show_failure(error)

    def _load_choices(self) -> tuple[date, list[tuple[str, str]]]:
        today = self._engine.service_day(self._engine.now())
        services = [(s.code, s.name_zh) for s in self._engine.services(include_inactive=True)]
        return today, services

    def _on_choices(self, result: tuple[date, list[tuple[str, str]]]) -> None:
        today, services = result
        widgets = (self.month_edit, self.day_edit, self.from_edit, self.to_edit, self.service)
        for widget in widgets:
            widget.blockSignals(True)
        qtoday = QDate(today.year, today.month, today.day)
        self.month_edit.setDate(qtoday)
        self.day_edit.setDate(qtoday)
        self.from_edit.setDate(QDate(today.year, today.month, 1))
        self.to_edit.setDate(qtoday)
        for code, name in services:
            self.service.addItem(f"{code} {name}", code)
        for widget in widgets:
            widget.blockSignals(False)
        self._has_choices = True
        self._compute()

    def period(self) -> reports.Period:
        """The period the filters describe."""
        kind = self.kind.currentData()
        if kind == "month":
            d = self.month_edit.date()
            return reports.Period.month(d.year(), d.month())
        if kind == "day":
            return reports.Period.day(_py_date(self.day_edit.date()))
        return reports.Period.between(
            _py_date(self.from_edit.date()), _py_date(self.to_edit.date())
        )

    def set_period(self, period: reports.Period) -> None:
        """Show `period` (a month, a day or a range) and compute its report."""
        start = QDate(period.start.year, period.start.month, period.start.day)
        end = QDate(period.end.year, period.end.month, period.end.day)
        kind = (
            "month" if period.kind == "month" else "day" if period.start == period.end else "range"
        )
        for widget in (self.kind, self.month_edit, self.day_edit, self.from_edit, self.to_edit):
            widget.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self._show_date_fields()
        self.month_edit.setDate(start)
        self.day_edit.setDate(start)
        self.from_edit.setDate(start)
        self.to_edit.setDate(end)
        for widget in (self.kind, self.month_edit, self.day_edit, self.from_edit, self.to_edit):
            widget.blockSignals(False)
        self._compute()

    def set_service(self, code: str | None) -> None:
        index = self.service.findData(code)
        if index >= 0:
            self.service.setCurrentIndex(index)

    def _on_kind_changed(self, _index: int) -> None:
        self._show_date_fields()
        self._on_filter_changed()

    def _show_date_fields(self) -> None:
        for kind, widget in self._date_fields.items():
            widget.setVisible(kind == self.kind.currentData())

    def _on_filter_changed(self, *_: Any) -> None:
        self._recompute.start()

    # -- computing

    def _compute(self) -> None:
        self._recompute.stop()
        self._retry.stop()
        try:
            period = self.period()
        except BadInput as e:
            self._show_status(user_message(e), error=True)
            return
        if self._computing:
            # One report at a time; the latest filters win once it is done.
            self._again = True
            return
        self._computing = True
        self._again = False
        service = self.service.currentData()
        engine = self._engine
        self._show_status(self.tr("正在计算…"))

        def run() -> tuple[reports.Report, reports.Report | None]:
            report = reports.compute(engine, period, service)
            trend = None
            if period.start == period.end:
                start = period.start - timedelta(days=TREND_DAYS - 1)
                trend = reports.compute(engine, reports.Period.between(start, period.end), service)
            return report, trend

        self._runner.submit(
            run, while_alive(self, self._on_report), while_alive(self, self._on_failure)
        )

    def _on_report(self, result: tuple[reports.Report, reports.Report | None]) -> None:
        self._computing = False
        if self._again:
            self._compute()
            return
        self.report, self.trend = result
        self._show_report(self.report, self.trend or self.report)
        self._set_exports_enabled(True)
        self._show_status(
            self.tr("%1 · 生成于 %2")
            .replace("%1", self.report.period.label)
            .replace("%2", f"{self.report.generated_at:%H:%M:%S}")
        )
        self.report_shown.emit()
        if not self._has_loaded:
            self._has_loaded = True
            self.loaded.emit()

    def _on_failure(self, error: BaseException) -> None:
        self._computing = False
        log.warning("report failed: %s", error)
        if self._again:
            self._compute()
            return
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        """A calm line, what was on screen stays, and another try a little later."""
        self._show_status(user_message(error), error=True)
        self._retry.start(self.retry_ms)
        if not self._has_loaded:
            self._has_loaded = True
            self.loaded.emit()

    def _on_retry(self) -> None:
        if self._has_choices:
            self._compute()
        else:
            self._submit_load_choices()

    def _show_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setProperty("role", "error" if error else "muted")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    # -- showing

    def _show_report(self, report: reports.Report, trend: reports.Report) -> None:
        t = report.totals
        values = {
            "issued": str(t.issued),
            "served": str(t.served),
            "no_show": str(t.no_show),
            "wait": _minutes(t.wait.mean),
            "sla": _share(t.within_sla_share),
            "handling": _minutes(t.handling.mean),
            "ratings": str(t.ratings.count),
            "satisfaction": _share(t.ratings.satisfaction_rate),
        }
        for key, value in values.items():
            self.tiles[key].value.setText(value)
        self.tiles["sla"].caption.setText(
            self.tr("限时 %1 分钟内叫号率").replace("%1", str(report.sla_minutes))
        )
        self._show_star(report.ranking)
        self.charts["hours"].setChart(self._hours_chart(report))
        self.charts["waits"].setChart(self._waits_chart(report))
        self.charts["clerks"].setChart(self._clerks_chart(report))
        rated = sum(1 for c in report.staff if c.figures.ratings.count)
        self.charts["clerks"].setFixedHeight(max(220, 110 + 30 * rated))
        self.charts["trend"].setChart(self._trend_chart(trend))
        self._show_ranking(report.ranking)

    def _show_star(self, ranking: reports.Ranking) -> None:
        best = ranking.model_window
        clerk = ranking.model_clerk
        if best is None:
            text = self.tr("标兵窗口：本期暂未评出（至少需要 %1 条评价）").replace(
                "%1", str(ranking.min_ratings)
            )
        else:
            who = self.tr("（%1）").replace("%1", best.staff_name) if best.staff_name else ""
            text = (
                self.tr("★ 标兵窗口：%1%2　平均 %3 分，满意率 %4，评价 %5 条")
                .replace("%1", best.name)
                .replace("%2", who)
                .replace("%3", _score(best.avg_score))
                .replace("%4", _share(best.satisfaction_rate))
                .replace("%5", str(best.ratings))
            )
        if clerk is not None:
            text += "\n" + self.tr("服务标兵：%1　平均 %2 分，评价 %3 条").replace(
                "%1", clerk.name
            ).replace("%2", _score(clerk.avg_score)).replace("%3", str(clerk.ratings))
        self.star.setText(text)

    def _hours_chart(self, report: reports.Report) -> QChart:
        chart = _chart(self.tr("分时段取号与办结"))
        arrivals = QBarSet(self.tr("取号"))
        arrivals.setColor(BLUE)
        served = QBarSet(self.tr("办结"))
        served.setColor(GREEN)
        for h in report.hours:
            arrivals.append(h.arrivals)
            served.append(h.served)
        series = QBarSeries()
        series.append(arrivals)
        series.append(served)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([self.tr("%1时").replace("%1", str(h.hour)) for h in report.hours])
        _axis_font(categories)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        top = max((max(h.arrivals, h.served) for h in report.hours), default=0)
        values = _value_axis(top)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        return chart

    def _waits_chart(self, report: reports.Report) -> QChart:
        chart = _chart(
            self.tr("等候时长分布（限时 %1 分钟）").replace("%1", str(report.sla_minutes))
        )
        within = QBarSet(self.tr("限时内"))
        within.setColor(GREEN)
        over = QBarSet(self.tr("超时"))
        over.setColor(RED)
        labels = []
        for b in report.wait_bins:
            within.append(b.count if b.within_sla else 0)
            over.append(0 if b.within_sla else b.count)
            if b.to_min is None:
                labels.append(self.tr("%1 以上").replace("%1", f"{b.from_min:g}"))
            else:
                labels.append(f"{b.from_min:g}–{b.to_min:g}")
        # Stacked, so each bin is one bar coloured by whether it is within the SLA.
        series = QStackedBarSeries()
        series.append(within)
        series.append(over)
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        categories.setTitleText(self.tr("等候分钟"))
        categories.setTitleFont(theme.app_font(9))
        _axis_font(categories)
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = _value_axis(max((b.count for b in report.wait_bins), default=0))
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)
        return chart

    def _clerks_chart(self, report: reports.Report) -> QChart:
        chart = _chart(self.tr("各柜员满意率"))
        rated = [c for c in report.staff if c.figures.ratings.count]
        # Horizontal bars are drawn bottom-up: the best clerk goes last to sit on top.
        rated.sort(key=lambda c: (c.figures.ratings.satisfaction_rate or 0.0, c.login))
        bars = QBarSet(self.tr("满意率 %"))
        bars.setColor(GREEN)
        bars.setLabelColor(QColor(theme.INK))
        bars.setLabelFont(theme.app_font(9))
        for c in rated:
            bars.append(round((c.figures.ratings.satisfaction_rate or 0.0) * 100, 1))
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.6)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append(
            [
                self.tr("%1（%2 条）")
                .replace("%1", c.name)
                .replace("%2", str(c.figures.ratings.count))
                for c in rated
            ]
        )
        _axis_font(names)
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        values = QValueAxis()
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        _axis_font(values)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(values)
        chart.legend().setVisible(False)
        if not rated:
            chart.setTitle(self.tr("各柜员满意率（本期暂无柜员的评价）"))
        return chart

    def _trend_chart(self, report: reports.Report) -> QChart:
        chart = _chart(self.tr("每日趋势"))
        issued = QLineSeries()
        issued.setName(self.tr("取号"))
        issued.setPen(QPen(BLUE, 2))
        served = QLineSeries()
        served.setName(self.tr("办结"))
        served.setPen(QPen(GREEN, 2))
        satisfied = QLineSeries()
        satisfied.setName(self.tr("满意率"))
        satisfied.setPen(QPen(AMBER, 2, Qt.PenStyle.DashLine))
        top = 0
        for i, d in enumerate(report.days):
            issued.append(i, d.figures.issued or 0)
            served.append(i, d.figures.served)
            rate = d.figures.ratings.satisfaction_rate
            if rate is not None:
                satisfied.append(i, rate * 100)
            top = max(top, d.figures.issued or 0, d.figures.served)
        for series in (issued, served, satisfied):
            series.setPointsVisible(len(report.days) <= 31)
            chart.addSeries(series)
        # Day labels on the points, at most about ten of them.
        days = QCategoryAxis()
        days.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        days.setRange(0, max(1, len(report.days) - 1))
        step = max(1, round(len(report.days) / 10))
        for i, d in enumerate(report.days):
            if i % step == 0:
                days.append(f"{d.day:%m-%d}", i)
        _axis_font(days)
        counts = _value_axis(top)
        share = QValueAxis()
        share.setRange(0, 100)
        share.setLabelFormat("%d%%")
        _axis_font(share)
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(share, Qt.AlignmentFlag.AlignRight)
        for series in (issued, served):
            series.attachAxis(days)
            series.attachAxis(counts)
        satisfied.attachAxis(days)
        satisfied.attachAxis(share)
        return chart

    def _show_ranking(self, ranking: reports.Ranking) -> None:
        not_ranked = self.tr("评价不足")
        self._fill(
            self.window_ranking,
            [
                [
                    str(w.rank) if w.rank is not None else not_ranked,
                    w.name,
                    w.staff_name or "—",
                    str(w.ratings),
                    _score(w.avg_score),
                    _share(w.satisfaction_rate),
                    str(w.served),
                ]
                for w in ranking.windows
            ],
        )
        self._fill(
            self.staff_ranking,
            [
                [
                    str(c.rank) if c.rank is not None else not_ranked,
                    c.login,
                    c.name,
                    str(c.ratings),
                    _score(c.avg_score),
                    _share(c.satisfaction_rate),
                    str(c.served),
                ]
                for c in ranking.staff
            ],
        )
        self.ranking_note.setText(
            self.tr(
                "按平均分排名，至少 %1 条评价方可入选；同分时评价数多者在前，再比办结数。"
                "满意率 = 4–5 分评价 ÷ 全部评价。"
            ).replace("%1", str(ranking.min_ratings))
        )

    def _fill(self, table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        bold = QFont(table.font())
        bold.setBold(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                align = Qt.AlignmentFlag.AlignLeft if c in (1, 2) else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(align | Qt.AlignmentFlag.AlignVCenter)
                if r == 0 and row[0] == "1":
                    item.setFont(bold)
                    item.setBackground(QColor("#FFF8E1"))
                table.setItem(r, c, item)
        table.resizeRowsToContents()
        # Show every row: the page scrolls, not the table.
        height = table.horizontalHeader().height() + 4
        height += sum(table.rowHeight(r) for r in range(table.rowCount()))
        table.setFixedHeight(height)

    # -- exports

    def _set_exports_enabled(self, enabled: bool) -> None:
        for button in (self.xlsx_button, self.pdf_button, self.csv_button):
            button.setEnabled(enabled)

    def _on_export(self, fmt: str) -> None:
        report = self.report
        if report is None:
            return
        names = {
            "xlsx": (self.tr("导出 Excel"), self.tr("Excel 工作簿 (*.xlsx)")),
            "pdf": (self.tr("导出 PDF"), self.tr("PDF 文件 (*.pdf)")),
            "csv": (self.tr("导出 CSV"), self.tr("CSV 文件 (*.csv)")),
        }
        title, file_filter = names[fmt]
        suggested = f"{report.hall_code}-report-{report.period.label.replace(' – ', '_')}.{fmt}"
        path = ExportPathDialog.ask(self, title, suggested, file_filter)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"

        def write() -> str:
            if fmt == "xlsx":
                report_export.write_xlsx(report, path)
            elif fmt == "pdf":
                from common.qt.report_pdf import write_pdf

                write_pdf(report, path)
            else:
                with open(path, "w", encoding="utf-8-sig", newline="") as f:
                    f.write(report_export.to_csv(report))
            return path

        self._show_status(self.tr("正在导出…"))
        self._runner.submit(
            write, while_alive(self, self._on_exported), while_alive(self, self._on_export_failed)
        )

    def _on_exported(self, path: str) -> None:
        self._show_status(self.tr("已导出：%1").replace("%1", path))
        self.exported.emit(path)

    def _on_export_failed(self, error: BaseException) -> None:
        log.warning("export failed: %s", error)
        if isinstance(error, OSError):
            text = self.tr("导出失败：%1").replace("%1", error.strerror or str(error))
        else:
            text = user_message(error)
        self._show_status(text, error=True)


def _py_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
