"""Exports opened back: JSON keys and values, the CSV table, the Excel workbook."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest

from common import report_export, reports

MONDAY = date(2026, 3, 2)


@pytest.fixture
def report(engine, play):
    play.set_settings(star_min_ratings=2, sla_minutes=10)
    play.serve("A", 1, "1001", 4, 6, score=5)
    play.serve("A", 1, "1001", 12, 3, score=4)
    play.serve("C", 4, "1004", 2, 8, score=2, reasons=["等候时间"])
    engine.issue("B")
    return reports.compute(engine, reports.Period.day(MONDAY))


def test_json_has_what_the_issue_asks_for(report):
    data = report_export.as_dict(report)
    assert data["period"] == {
        "kind": "day",
        "from": "2026-03-02",
        "to": "2026-03-02",
        "label": "2026-03-02",
    }
    a = next(s for s in data["services"] if s["code"] == "A")
    for key in (
        "code",
        "issued",
        "served",
        "no_show",
        "avg_wait_min",
        "p90_wait_min",
        "avg_handling_min",
        "within_sla_share",
    ):
        assert key in a
    assert (a["issued"], a["served"], a["avg_wait_min"], a["within_sla_share"]) == (2, 2, 8.0, 0.5)
    assert a["p90_wait_min"] == 11.2  # 4 + 0.9 × (12 − 4)
    w1 = next(w for w in data["windows"] if w["window"] == 1)
    assert (w1["ratings"], w1["avg_score"], w1["satisfaction_rate"], w1["issued"]) == (
        2,
        4.5,
        1.0,
        None,
    )
    clerk = next(c for c in data["staff"] if c["login"] == "1004")
    assert (clerk["ratings"], clerk["avg_score"], clerk["satisfaction_rate"]) == (1, 2.0, 0.0)
    assert data["ratings"] == {
        "count": 3,
        "avg_score": 3.667,
        "satisfaction_rate": 0.6667,
        "by_score": {"1": 0, "2": 1, "3": 0, "4": 1, "5": 1},
        "reasons": [{"reason": "等候时间", "count": 1}],
    }
    assert data["star"]["window"]["window"] == 1 and data["star"]["clerk"]["login"] == "1001"
    assert data["totals"]["open"] == 1
    assert data["generated_at"].endswith("+08:00")


def test_csv_is_one_table_of_every_level(report):
    rows = list(csv.DictReader(io.StringIO(report_export.to_csv(report))))
    levels = [r["level"] for r in rows]
    assert levels[0] == "hall" and levels.count("service") == 5 and levels.count("day") == 1
    hall = rows[0]
    assert (hall["issued"], hall["served"], hall["ratings"], hall["open"]) == ("4", "3", "3", "1")
    window1 = next(r for r in rows if r["level"] == "window" and r["code"] == "1")
    assert (window1["rank"], window1["issued"], window1["served"]) == ("1", "", "2")
    assert list(rows[0]) == list(report_export.CSV_FIELDS)


def test_xlsx_has_a_sheet_per_table_with_headers_and_formats(report, tmp_path):
    path = tmp_path / "report.xlsx"
    report_export.write_xlsx(report, path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [
        "概况",
        "业务",
        "窗口",
        "人员",
        "标兵窗口排名",
        "人员排名",
        "每日",
        "时段",
        "等候分布",
        "评分分布",
        "不满意原因",
        "意见反馈",
    ]
    services = book["业务"]
    headers = [c.value for c in services[1]]
    assert headers[:5] == ["业务代码", "业务名称", "取号数", "办结数", "过号数"]
    assert services.freeze_panes == "A2"
    row = {h: c for h, c in zip(headers, services[2], strict=True)}
    assert row["业务代码"].value == "A" and row["取号数"].value == 2
    assert row["平均等候(分钟)"].value == pytest.approx(8.0)
    assert row["平均等候(分钟)"].number_format == "0.0"
    assert row["限时内叫号率"].value == pytest.approx(0.5)
    assert row["限时内叫号率"].number_format == "0.0%"
    assert row["平均分"].number_format == "0.00"
    assert services.column_dimensions["B"].width >= 10
    ranking = book["标兵窗口排名"]
    assert [c.value for c in ranking[2]][:3] == [1, 1, "1号窗口"]
    days = book["每日"]
    assert days["A2"].value.date() == date(2026, 3, 2) and days["A2"].number_format == "yyyy-mm-dd"
    overview = {r[0].value: r[1] for r in book["概况"].iter_rows(min_row=2)}
    assert overview["取号数"].value == 4
    assert overview["满意率"].number_format == "0.0%"
    assert "1号窗口" in overview["标兵窗口"].value
    reasons = book["不满意原因"]
    assert [c.value for c in reasons[2]] == ["等候时间", 1]


def test_an_empty_period_exports_cleanly(engine, tmp_path):
    report = reports.compute(engine, reports.Period.month(2026, 2))
    data = report_export.as_dict(report)
    assert data["totals"]["avg_wait_min"] is None and data["star"] == {
        "window": None,
        "clerk": None,
    }
    report_export.write_xlsx(report, tmp_path / "empty.xlsx")
    book = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert book["业务"].max_row == 6  # the header and the five demo services
    assert book["时段"].max_row == 1
