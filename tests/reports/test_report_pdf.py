"""The PDF for management: its text read back, its pages drawn, long tables continued."""

from __future__ import annotations

from datetime import date

import pypdf
import pytest

from common import reports
from common.qt import report_pdf
from tests.reports.conftest import pdf_text

MONDAY = date(2026, 3, 2)


@pytest.fixture
def report(engine, play, qapp):
    play.set_settings(star_min_ratings=2)
    play.serve("A", 1, "1001", 4, 6, score=5)
    play.serve("A", 1, "1001", 25, 3, score=5)
    play.serve("C", 4, "1004", 2, 8, score=2, reasons=["效率"])
    return reports.compute(engine, reports.Period.month(2026, 3))


def test_the_pdf_reads_back(report, tmp_path):
    path = tmp_path / "march.pdf"
    pages = report_pdf.write_pdf(report, path)
    assert pages == len(pypdf.PdfReader(path).pages) >= 2
    text = pdf_text(path)
    for expected in (
        "国网示范供电营业厅",
        "评价月报2026-03",
        "统计期间:2026-03-01至2026-03-31",
        "标兵窗口:1号窗口(王丽)",
        "分时段取号与办结",
        "等候时长分布",
        "各柜员满意度",
        "每日趋势",
        "标兵窗口排名",
        "不满意原因:效率1次",
        f"第1页/共{pages}页",
    ):
        assert expected in text
    assert pypdf.PdfReader(path).metadata.title.startswith("国网示范供电营业厅")


def test_pages_are_a4(report, tmp_path):
    path = tmp_path / "march.pdf"
    report_pdf.write_pdf(report, path)
    box = pypdf.PdfReader(path).pages[0].mediabox
    assert float(box.width) == pytest.approx(595.3, abs=1) and float(box.height) == pytest.approx(
        841.9, abs=1
    )


def test_pages_render_to_images(report):
    images = report_pdf.render_pages(report, 600)
    assert len(images) >= 2
    first = images[0]
    assert first.width() == 600 and first.height() == round(600 * 297 / 210)
    # The hall's green header band is drawn across the top of the first page.
    green = first.pixelColor(300, round(report_pdf.MARGIN * 600 / report_pdf.PAGE_W) + 1)
    assert green.name().upper() == "#00796B"


def test_a_long_table_continues_on_the_next_page():
    rows = [[str(i), f"第{i}行"] for i in range(120)]
    table = report_pdf.Table(["序号", "内容"], [1, 3], rows)
    pages = report_pdf.layout([report_pdf.Heading("长表"), table])
    assert len(pages) >= 3
    shown = [row for page in pages for placed in page for row in getattr(placed.block, "rows", [])]
    assert shown == rows
    bottom = report_pdf.PAGE_H - report_pdf.MARGIN - report_pdf.FOOTER_H
    assert all(placed.rect.bottom() <= bottom for page in pages for placed in page)


def test_an_empty_month(engine, qapp, tmp_path):
    report = reports.compute(engine, reports.Period.month(2026, 2))
    path = tmp_path / "february.pdf"
    report_pdf.write_pdf(report, path)
    text = pdf_text(path)
    assert "本期暂未评出" in text and "本期暂无评价" in text
