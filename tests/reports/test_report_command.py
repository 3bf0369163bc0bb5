"""`hallq report`: periods, formats, files, and clear refusals (exit 2)."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from common.cli import main
from tests.reports.conftest import pdf_text


@pytest.fixture
def hall(db_url, hall_code, engine, play):
    play.serve("A", 1, "1001", 3, 5, score=5)
    play.serve("C", 4, "1004", 6, 2, score=3, reasons=["效率"])
    return ["--db", db_url, "--hall", hall_code]


def run(capsys, *args):
    code = main(["report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_month_as_json_on_stdout(capsys, hall):
    code, out, _ = run(capsys, *hall, "--month", "2026-03")
    assert code == 0
    data = json.loads(out)
    assert data["period"]["kind"] == "month" and data["period"]["to"] == "2026-03-31"
    assert data["totals"]["issued"] == 2 and data["ratings"]["count"] == 2
    assert {s["code"] for s in data["services"]} == {"A", "B", "C", "D", "E"}


def test_range_of_one_service(capsys, hall):
    code, out, _ = run(
        capsys, *hall, "--from", "2026-03-01", "--to", "2026-03-02", "--service", "C"
    )
    assert code == 0
    data = json.loads(out)
    assert data["service"] == "C" and data["totals"]["issued"] == 1
    assert data["ratings"]["reasons"] == [{"reason": "效率", "count": 1}]


def test_csv_to_a_file_opens_in_excel(capsys, hall, tmp_path):
    path = tmp_path / "march.csv"
    code, out, err = run(capsys, *hall, "--month", "2026-03", "--format", "csv", "-o", str(path))
    assert code == 0 and out == "" and str(path) in err
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0]["level"] == "hall" and rows[0]["served"] == "2"


def test_xlsx_by_its_suffix(capsys, hall, tmp_path):
    path = tmp_path / "march.xlsx"
    code, _, _ = run(capsys, *hall, "--month", "2026-03", "-o", str(path))
    assert code == 0
    assert openpyxl.load_workbook(path)["业务"]["C2"].value == 1


def test_pdf(capsys, hall, tmp_path, qapp):
    path = tmp_path / "march.pdf"
    code, _, _ = run(capsys, *hall, "--month", "2026-03", "--format", "pdf", "-o", str(path))
    assert code == 0
    text = pdf_text(path)
    assert "评价月报2026-03" in text and "国网示范供电营业厅" in text


@pytest.mark.parametrize(
    "args, message",
    [
        (["--month", "2026-3x"], "YYYY-MM"),
        (["--month", "2026-13"], "not a month"),
        (["--from", "2026-03-05"], "--from and --to"),
        (["--from", "2026-03-05", "--to", "2026-03-01"], "before it starts"),
        (["--month", "2026-03", "--from", "2026-03-01", "--to", "2026-03-02"], "not both"),
        ([], "give a period"),
        (["--month", "2026-03", "--format", "xlsx"], "needs -o"),
        (["--month", "2026-03", "--format", "pdf"], "needs -o"),
        (["--month", "2026-03", "--service", "Z"], "unknown service"),
        (["--month", "2026-03", "-o", "/no/such/folder/r.json"], "no such folder"),
    ],
)
def test_bad_input_is_refused_clearly(capsys, hall, args, message):
    code, out, err = run(capsys, *hall, *args)
    assert code == 2
    assert out == ""
    assert message in err and "Traceback" not in err
