"""`hallq report`: a day's, a range's or a month's figures as JSON, CSV, Excel or PDF.

JSON goes to stdout unless `-o` is given; Excel and PDF need `-o`. The JSON format is described
in `common.report_export`. The PDF is drawn with Qt, imported only when asked for.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from common.cli import day_arg, open_engine
from common.errors import BadInput

if TYPE_CHECKING:
    from common.reports import Period, Report

FORMATS = ("json", "csv", "xlsx", "pdf")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--month", metavar="YYYY-MM", help="a calendar month (hall time)")
    parser.add_argument("--from", dest="start", type=day_arg, metavar="DAY", help="first day")
    parser.add_argument("--to", dest="end", type=day_arg, metavar="DAY", help="last day")
    parser.add_argument("--format", choices=FORMATS, default=None, help="default: json")
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write to PATH (needed for xlsx, pdf)"
    )
    parser.add_argument("--service", metavar="CODE", help="only this service")
    parser.epilog = (
        "满意率 = 4–5 分评价 ÷ 全部评价 / satisfaction: ratings of 4 or 5 ÷ all ratings. "
        "限时内叫号率 = 取号后限时内首次叫号 ÷ 已叫号 / within SLA: tickets first called within "
        "the hall's SLA ÷ tickets called."
    )


def _period(args: argparse.Namespace) -> Period:
    from common.reports import Period

    if args.month and (args.start or args.end):
        raise BadInput("--month 与 --from/--to 只能选一种 / give --month or --from/--to, not both")
    if args.month:
        return Period.parse_month(args.month)
    if args.start and args.end:
        return Period.between(args.start, args.end)
    if args.start or args.end:
        raise BadInput("--from 和 --to 须同时给出 / --from and --to go together")
    raise BadInput("请给出 --month YYYY-MM 或 --from DAY --to DAY / give a period")


def _format(args: argparse.Namespace) -> str:
    if args.format:
        return str(args.format)
    suffix = Path(args.output).suffix.lower().lstrip(".") if args.output else ""
    return suffix if suffix in FORMATS else "json"


def run(args: argparse.Namespace) -> int:
    from common import report_export, reports

    period = _period(args)
    fmt = _format(args)
    if fmt in ("xlsx", "pdf") and not args.output:
        raise BadInput(f"{fmt} 格式需要 -o 文件路径 / {fmt} needs -o PATH")
    if args.output:
        parent = Path(args.output).expanduser().resolve().parent
        if not parent.is_dir():
            raise BadInput(f"目录不存在 / no such folder: {parent}")
    engine = open_engine(args)
    report = reports.compute(engine, period, args.service)
    if fmt == "xlsx":
        report_export.write_xlsx(report, args.output)
    elif fmt == "pdf":
        _write_pdf(report, args.output)
    else:
        text = (
            report_export.to_csv(report)
            if fmt == "csv"
            else json.dumps(report_export.as_dict(report), ensure_ascii=False, indent=2) + "\n"
        )
        if args.output:
            # A byte-order mark lets Excel open a Chinese CSV as UTF-8.
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            Path(args.output).write_text(text, encoding=encoding, newline="")
        else:
            sys.stdout.write(text)
    if args.output:
        print(f"已导出 / written: {args.output}", file=sys.stderr)
    return 0


def _write_pdf(report: Report, path: str) -> None:
    from common.qt.report_pdf import write_pdf_headless

    write_pdf_headless(report, path)
