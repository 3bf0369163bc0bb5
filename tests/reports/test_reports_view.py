"""The supervisor's report screen, offscreen: figures, charts, ranking, exports."""

from __future__ import annotations

import csv
from datetime import date

import openpyxl
import pytest
from PySide6.QtGui import QColor

from common import reports
from common.clock import ManualClock
from common.db import Database
from common.engine import QueueEngine
from common.errors import DatabaseUnavailable
from common.qt.worker import OperationRunner
from counter.reports_view import ExportPathDialog, ReportsView, _value_axis
from tests.conftest import START
from tests.reports.conftest import HallPlay, pdf_text

MONDAY = date(2026, 3, 2)
WAIT_MS = 10_000


@pytest.fixture
def hall(sqlite_url):
    db = Database(sqlite_url)
    clock = ManualClock(START)
    engine = QueueEngine(db, "main", clock=clock)
    play = HallPlay(engine, clock)
    play.set_settings(star_min_ratings=2)
    play.serve("A", 1, "1001", 4, 6, score=5)
    play.serve("A", 1, "1001", 25, 3, score=5)
    play.serve("C", 4, "1004", 2, 8, score=2, reasons=["效率"])
    play.serve("C", 4, "1004", 1, 8, score=4)
    engine.issue("B")
    yield engine
    db.dispose()


@pytest.fixture
def runner():
    runner = OperationRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def view(qtbot, hall, runner):
    widget = ReportsView(hall, runner)
    qtbot.addWidget(widget)
    widget.resize(1366, 900)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        pass
    return widget


def show(qtbot, view, period, service=None):
    with qtbot.waitSignal(view.report_shown, timeout=WAIT_MS):
        if service is not None:
            view.set_service(service)
        view.set_period(period)
    return view.report


def bar_values(view, chart):
    series = view.charts[chart].chart().series()[0]
    return [[bar_set.at(i) for i in range(bar_set.count())] for bar_set in series.barSets()]


def test_opens_on_this_month(view):
    assert view.report.period == reports.Period.month(2026, 3)
    assert view.tiles["issued"].value.text() == "5"
    assert view.tiles["served"].value.text() == "4"
    assert view.tiles["satisfaction"].value.text() == "75.0%"
    assert "1号窗口" in view.star.text() and "王丽" in view.star.text()
    assert view.xlsx_button.isEnabled()


def test_charts_show_the_figures(qtbot, view):
    show(qtbot, view, reports.Period.day(MONDAY))
    hours = view.report.hours
    assert bar_values(view, "hours") == [[h.arrivals for h in hours], [h.served for h in hours]]
    within, over = bar_values(view, "waits")
    # Waits 4, 25, 2, 1 min against an SLA of 20: three within, one over (20–30).
    assert sum(within) == 3 and sum(over) == 1 and over[4] == 1
    (clerks,) = bar_values(view, "clerks")
    assert clerks == [50.0, 100.0]  # the best clerk is drawn last, on top
    trend = view.charts["trend"].chart().series()
    assert len(trend[0].points()) == 14  # a day shows the fortnight up to it
    assert trend[0].points()[-1].y() == 5


def test_ranking_tables(qtbot, view):
    table = view.window_ranking
    assert table.rowCount() == 2
    assert [table.item(0, c).text() for c in range(3)] == ["1", "1号窗口", "王丽"]
    assert table.item(0, 0).background().color() == QColor("#FFF8E1")
    assert view.staff_ranking.item(1, 1).text() == "1004"
    assert "2" in view.ranking_note.text()


def test_service_filter(qtbot, view):
    report = show(qtbot, view, reports.Period.day(MONDAY), service="C")
    assert report.service == "C" and report.totals.issued == 2
    assert view.tiles["issued"].value.text() == "2"


def test_a_range(qtbot, view):
    report = show(qtbot, view, reports.Period.between(date(2026, 3, 1), date(2026, 3, 3)))
    assert report.period.kind == "range" and len(report.days) == 3
    assert view.from_edit.isVisibleTo(view) and not view.month_edit.isVisibleTo(view)


def test_renders_offscreen(qtbot, view, tmp_path):
    image = view.grab().toImage()
    assert image.width() == 1366
    path = tmp_path / "reports.png"
    assert image.save(str(path))
    # Something was drawn: the page is not one flat colour.
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
    }
    assert len(colours) > 20


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "pdf"])
def test_export(qtbot, view, tmp_path, monkeypatch, fmt):
    target = tmp_path / f"march.{fmt}"
    asked = []

    def ask(cls, parent, title, suggested, file_filter):
        asked.append(suggested)
        return str(target)

    monkeypatch.setattr(ExportPathDialog, "ask", classmethod(ask))
    button = {"xlsx": view.xlsx_button, "csv": view.csv_button, "pdf": view.pdf_button}[fmt]
    with qtbot.waitSignal(view.exported, timeout=WAIT_MS) as done:
        button.click()
    assert done.args == [str(target)]
    assert asked == [f"main-report-2026-03.{fmt}"]
    if fmt == "xlsx":
        assert openpyxl.load_workbook(target)["业务"]["C2"].value == 2
    elif fmt == "csv":
        with target.open(encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        assert rows[0]["issued"] == "5"
    else:
        text = pdf_text(target)
        assert "标兵窗口" in text and "2026-03" in text
    assert str(target) in view.status.text()


def test_a_cancelled_dialog_writes_nothing(qtbot, view, monkeypatch):
    monkeypatch.setattr(ExportPathDialog, "ask", classmethod(lambda cls, *a: None))
    view.xlsx_button.click()
    assert "导出" not in view.status.text()


def test_a_database_outage_is_shown_calmly_and_passes(qtbot, view, monkeypatch):
    compute = reports.compute

    def down(*args, **kwargs):
        raise DatabaseUnavailable("database unavailable: gone", code="db_unavailable")

    monkeypatch.setattr(reports, "compute", down)
    view.retry_ms = 100
    view.refresh_button.click()
    qtbot.waitUntil(lambda: view.status.property("role") == "error", timeout=WAIT_MS)
    assert "数据库" in view.status.text()
    # What was on screen stays there.
    assert view.tiles["issued"].value.text() == "5"
    monkeypatch.setattr(reports, "compute", compute)
    with qtbot.waitSignal(view.report_shown, timeout=WAIT_MS):
        pass  # the screen tries again by itself
    assert view.status.property("role") == "muted"


def test_a_first_load_that_fails_still_settles(qtbot, hall, runner, monkeypatch):
    def down(*args, **kwargs):
        raise DatabaseUnavailable("database unavailable: gone", code="db_unavailable")

    monkeypatch.setattr(hall, "services", down)
    widget = ReportsView(hall, runner)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=WAIT_MS):
        pass
    assert widget.report is None and widget.status.property("role") == "error"
    assert not widget.xlsx_button.isEnabled()


@pytest.mark.parametrize(("top", "ticks"), [(0, [0, 1]), (2, [0, 1, 2]), (3, [0, 1, 2, 3])])
def test_a_small_count_axis_has_a_tick_at_each_whole_number(qapp, top, ticks):
    """Two waiting customers are not labelled 0, 0, 1, 1, 2 (ticks at halves shown as %d)."""
    axis = _value_axis(top)
    step = (axis.max() - axis.min()) / (axis.tickCount() - 1)
    assert [axis.min() + i * step for i in range(axis.tickCount())] == ticks


def test_a_large_count_axis_keeps_its_nice_numbers(qapp):
    axis = _value_axis(37)
    assert axis.tickCount() == 5
    assert axis.max() >= 37
