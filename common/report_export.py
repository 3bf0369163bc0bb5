"""Report exports: JSON, CSV and Excel (PDF is drawn with Qt in `common.qt.report_pdf`).

JSON (`as_dict`), the default of `hallq report`:

* `hall` {code, name}; `period` {kind: day|range|month, from, to, label}; `service`: the
  service filter or null; `sla_minutes`; `generated_at`.
* `totals`, and `services`, `windows`, `staff`, `days`: rows of figures —
  `issued` (for services and days; null for windows and clerks, which do not issue tickets),
  `tickets`, `served`, `no_show`, `cancelled`, `expired`, `open`, `transferred`, `transfers`,
  `called`, `within_sla`, `within_sla_share` (tickets first called within `sla_minutes` of
  issue ÷ tickets called), `avg_wait_min`, `median_wait_min`, `p90_wait_min`, `max_wait_min`
  (issue → first call), the same four for `handling`, and `ratings`, `avg_score`,
  `satisfaction_rate` (scores 4–5 ÷ all ratings). Services carry `code` and `name`, windows
  `window` and `name`, clerks `login` and `name`, days `day`.
* `hours`: [{hour, arrivals, served, avg_wait_min}] in the hall's time.
* `wait_distribution`: [{from_min, to_min, count, within_sla}].
* `ratings`: {count, avg_score, satisfaction_rate, by_score {"1".."5"}, reasons [{reason,
  count}] (reasons given with scores below 4)}.
* `feedback`: complaints and suggestions received in the period, {received, open, answered,
  avg_answer_hours, median_answer_hours, max_answer_hours, by_category}.
* `ranking` {min_ratings, windows, staff} and `star` {window, clerk}: the model window (标兵窗口)
  and clerk of the period, null while none has the minimum number of ratings.

See `common.reports` for how each figure is counted. Minutes are rounded to 0.01, shares to
0.0001, scores to 0.001.

CSV: one table, one row per level (hall, service, window, staff, day) with the figure columns
of the JSON, plus each window's and clerk's rank. XLSX: one sheet per table, Chinese headers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from common.reports import (
    Durations,
    Figures,
    RankedClerk,
    RankedWindow,
    RatingFigures,
    Report,
)

FEEDBACK_ZH = {"complaint": "投诉", "suggestion": "建议", "praise": "表扬", "inquiry": "咨询"}
PERIOD_ZH = {"day": "日报", "range": "区间报表", "month": "月报"}


def _r(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


def _durations(prefix: str, d: Durations) -> dict[str, float | None]:
    return {
        f"avg_{prefix}_min": _r(d.mean, 2),
        f"median_{prefix}_min": _r(d.median, 2),
        f"p90_{prefix}_min": _r(d.p90, 2),
        f"max_{prefix}_min": _r(d.max, 2),
    }


def figures_dict(f: Figures) -> dict[str, Any]:
    return {
        "issued": f.issued,
        "tickets": f.tickets,
        "served": f.served,
        "no_show": f.no_show,
        "cancelled": f.cancelled,
        "expired": f.expired,
        "open": f.open,
        "transferred": f.transferred,
        "transfers": f.transfers,
        "called": f.called,
        "within_sla": f.within_sla,
        "within_sla_share": _r(f.within_sla_share, 4),
        **_durations("wait", f.wait),
        **_durations("handling", f.handling),
        "ratings": f.ratings.count,
        "avg_score": _r(f.ratings.avg_score, 3),
        "satisfaction_rate": _r(f.ratings.satisfaction_rate, 4),
    }


def _ratings_dict(r: RatingFigures) -> dict[str, Any]:
    return {
        "count": r.count,
        "avg_score": _r(r.avg_score, 3),
        "satisfaction_rate": _r(r.satisfaction_rate, 4),
        "by_score": {str(score): n for score, n in enumerate(r.by_score, start=1)},
        "reasons": [{"reason": reason, "count": n} for reason, n in r.reasons],
    }


def _ranked_window(w: RankedWindow | None) -> dict[str, Any] | None:
    if w is None:
        return None
    return {
        "rank": w.rank,
        "window": w.window,
        "name": w.name,
        "staff_name": w.staff_name,
        "ratings": w.ratings,
        "avg_score": _r(w.avg_score, 3),
        "satisfaction_rate": _r(w.satisfaction_rate, 4),
        "served": w.served,
    }


def _ranked_clerk(c: RankedClerk | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {
        "rank": c.rank,
        "login": c.login,
        "name": c.name,
        "ratings": c.ratings,
        "avg_score": _r(c.avg_score, 3),
        "satisfaction_rate": _r(c.satisfaction_rate, 4),
        "served": c.served,
    }


def as_dict(report: Report) -> dict[str, Any]:
    """The report as plain JSON-ready data (see the module docstring)."""
    p = report.period
    f = report.feedback
    return {
        "hall": {"code": report.hall_code, "name": report.hall_name},
        "period": {
            "kind": p.kind,
            "from": p.start.isoformat(),
            "to": p.end.isoformat(),
            "label": p.label,
        },
        "service": report.service,
        "sla_minutes": report.sla_minutes,
        "generated_at": report.generated_at.isoformat(timespec="seconds"),
        "totals": figures_dict(report.totals),
        "services": [
            {"code": s.code, "name": s.name_zh, **figures_dict(s.figures)} for s in report.services
        ],
        "windows": [
            {"window": w.number, "name": w.name, **figures_dict(w.figures)} for w in report.windows
        ],
        "staff": [
            {"login": c.login, "name": c.name, **figures_dict(c.figures)} for c in report.staff
        ],
        "days": [{"day": d.day.isoformat(), **figures_dict(d.figures)} for d in report.days],
        "hours": [
            {
                "hour": h.hour,
                "arrivals": h.arrivals,
                "served": h.served,
                "avg_wait_min": _r(h.avg_wait_min, 2),
            }
            for h in report.hours
        ],
        "wait_distribution": [
            {
                "from_min": b.from_min,
                "to_min": b.to_min,
                "count": b.count,
                "within_sla": b.within_sla,
            }
            for b in report.wait_bins
        ],
        "ratings": _ratings_dict(report.totals.ratings),
        "feedback": {
            "received": f.received,
            "open": f.open,
            "answered": f.answered,
            "avg_answer_hours": _r(f.answer_hours.mean, 2),
            "median_answer_hours": _r(f.answer_hours.median, 2),
            "max_answer_hours": _r(f.answer_hours.max, 2),
            "by_category": [
                {
                    "category": c.category,
                    "received": c.received,
                    "open": c.open,
                    "answered": c.answered,
                }
                for c in f.by_category
            ],
        },
        "ranking": {
            "min_ratings": report.ranking.min_ratings,
            "windows": [_ranked_window(w) for w in report.ranking.windows],
            "staff": [_ranked_clerk(c) for c in report.ranking.staff],
        },
        "star": {
            "window": _ranked_window(report.ranking.model_window),
            "clerk": _ranked_clerk(report.ranking.model_clerk),
        },
    }


# ---------------------------------------------------------------------------- CSV

FIGURE_KEYS = (
    "issued",
    "tickets",
    "served",
    "no_show",
    "cancelled",
    "expired",
    "open",
    "transferred",
    "transfers",
    "called",
    "within_sla",
    "within_sla_share",
    "avg_wait_min",
    "median_wait_min",
    "p90_wait_min",
    "max_wait_min",
    "avg_handling_min",
    "median_handling_min",
    "p90_handling_min",
    "max_handling_min",
    "ratings",
    "avg_score",
    "satisfaction_rate",
)
CSV_FIELDS = ("level", "code", "name", "rank", *FIGURE_KEYS)


def to_csv(report: Report) -> str:
    """One table: the hall, then each service, window, clerk and day (see the docstring)."""
    window_rank = {w.window: w.rank for w in report.ranking.windows}
    clerk_rank = {c.login: c.rank for c in report.ranking.staff}
    rows: list[tuple[str, str, str, int | None, Figures]] = [
        ("hall", report.hall_code, report.hall_name, None, report.totals)
    ]
    rows += [("service", s.code, s.name_zh, None, s.figures) for s in report.services]
    rows += [
        ("window", str(w.number), w.name, window_rank.get(w.number), w.figures)
        for w in report.windows
    ]
    rows += [("staff", c.login, c.name, clerk_rank.get(c.login), c.figures) for c in report.staff]
    rows += [("day", d.day.isoformat(), "", None, d.figures) for d in report.days]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for level, code, name, rank, figures in rows:
        values = figures_dict(figures)
        writer.writerow(
            [level, code, name, "" if rank is None else rank]
            + ["" if values[k] is None else values[k] for k in FIGURE_KEYS]
        )
    return out.getvalue()


# ---------------------------------------------------------------------------- XLSX

COUNT = "0"
MINUTES = "0.0"
SHARE = "0.0%"
SCORE = "0.00"
DAY = "yyyy-mm-dd"
TEXT = "@"

# (header, number format, value of a Figures row)
_Column = tuple[str, str, Callable[[Any], Any]]


def _figure_columns(with_issued: bool) -> list[_Column]:
    columns: list[_Column] = []
    if with_issued:
        columns.append(("取号数", COUNT, lambda f: f.issued))
    else:
        columns.append(("经办票数", COUNT, lambda f: f.tickets))
    columns += [
        ("办结数", COUNT, lambda f: f.served),
        ("过号数", COUNT, lambda f: f.no_show),
        ("转移票数", COUNT, lambda f: f.transferred),
        ("取消数", COUNT, lambda f: f.cancelled),
        ("过期数", COUNT, lambda f: f.expired),
        ("平均等候(分钟)", MINUTES, lambda f: f.wait.mean),
        ("等候中位数(分钟)", MINUTES, lambda f: f.wait.median),
        ("等候P90(分钟)", MINUTES, lambda f: f.wait.p90),
        ("最长等候(分钟)", MINUTES, lambda f: f.wait.max),
        ("限时内叫号率", SHARE, lambda f: f.within_sla_share),
        ("平均办理(分钟)", MINUTES, lambda f: f.handling.mean),
        ("办理中位数(分钟)", MINUTES, lambda f: f.handling.median),
        ("办理P90(分钟)", MINUTES, lambda f: f.handling.p90),
        ("最长办理(分钟)", MINUTES, lambda f: f.handling.max),
        ("评价数", COUNT, lambda f: f.ratings.count),
        ("平均分", SCORE, lambda f: f.ratings.avg_score),
        ("满意率", SHARE, lambda f: f.ratings.satisfaction_rate),
    ]
    return columns


def _display_width(value: Any, number_format: str) -> int:
    if value is None:
        return 0
    if isinstance(value, float):
        text = f"{value:.1%}" if number_format == SHARE else f"{value:.2f}"
    elif isinstance(value, date | datetime):
        text = "2026-01-01"
    else:
        text = str(value)
    # CJK characters take two columns.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _sheet(
    book: Any,
    title: str,
    headers: Sequence[tuple[str, str]],
    rows: Sequence[Sequence[Any]],
) -> None:
    """One table on its own sheet: bold frozen header row, number formats, fitted widths."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title)
    sheet.append([h for h, _ in headers])
    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="00796B")
    for cell in sheet[1]:
        cell.font = header_font
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for row in rows:
        sheet.append(list(row))
    for col, (header, number_format) in enumerate(headers, start=1):
        widest = _display_width(header, TEXT)
        for (cell,) in sheet.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = number_format
            widest = max(widest, _display_width(cell.value, number_format))
        sheet.column_dimensions[get_column_letter(col)].width = min(40, widest + 3)
    sheet.freeze_panes = "A2"
    if rows:
        sheet.auto_filter.ref = sheet.dimensions


def _minutes_label(value: float) -> str:
    return f"{value:g}"


def write_xlsx(report: Report, path: str | Path) -> None:
    """Write the report as an Excel workbook, one sheet per table."""
    from openpyxl import Workbook

    book = Workbook()
    default_sheet = book.active
    assert default_sheet is not None
    book.remove(default_sheet)
    t = report.totals
    star_window = report.ranking.model_window
    star_clerk = report.ranking.model_clerk
    facts: list[tuple[str, Any, str]] = [
        ("营业厅", report.hall_name, TEXT),
        ("报表", PERIOD_ZH.get(report.period.kind, ""), TEXT),
        ("统计期间", report.period.label, TEXT),
        ("业务", report.service or "全部业务", TEXT),
        ("限时办结标准(分钟)", report.sla_minutes, COUNT),
        ("取号数", t.issued, COUNT),
        ("办结数", t.served, COUNT),
        ("过号数", t.no_show, COUNT),
        ("转移票数", t.transferred, COUNT),
        ("取消数", t.cancelled, COUNT),
        ("过期数", t.expired, COUNT),
        ("平均等候(分钟)", t.wait.mean, MINUTES),
        ("等候P90(分钟)", t.wait.p90, MINUTES),
        ("限时内叫号率", t.within_sla_share, SHARE),
        ("平均办理(分钟)", t.handling.mean, MINUTES),
        ("评价数", t.ratings.count, COUNT),
        ("平均分", t.ratings.avg_score, SCORE),
        ("满意率", t.ratings.satisfaction_rate, SHARE),
        ("意见反馈(条)", report.feedback.received, COUNT),
        ("待答复(条)", report.feedback.open, COUNT),
        (
            "标兵窗口",
            f"{star_window.name}（{star_window.staff_name or '—'}）" if star_window else "未评出",
            TEXT,
        ),
        ("服务标兵", star_clerk.name if star_clerk else "未评出", TEXT),
        ("生成时间", report.generated_at.replace(tzinfo=None), "yyyy-mm-dd hh:mm"),
    ]
    _sheet(
        book,
        "概况",
        [("项目", TEXT), ("数值", TEXT)],
        [[label, value] for label, value, _ in facts],
    )
    sheet = book["概况"]
    for row, (_, _, number_format) in enumerate(facts, start=2):
        sheet.cell(row=row, column=2).number_format = number_format
    sheet.column_dimensions["B"].width = 30

    service_columns = _figure_columns(with_issued=True)
    _sheet(
        book,
        "业务",
        [("业务代码", TEXT), ("业务名称", TEXT)] + [(h, fmt) for h, fmt, _ in service_columns],
        [
            [s.code, s.name_zh] + [get(s.figures) for _, _, get in service_columns]
            for s in report.services
        ],
    )
    counter_columns = _figure_columns(with_issued=False)
    _sheet(
        book,
        "窗口",
        [("窗口", COUNT), ("名称", TEXT)] + [(h, fmt) for h, fmt, _ in counter_columns],
        [
            [w.number, w.name] + [get(w.figures) for _, _, get in counter_columns]
            for w in report.windows
        ],
    )
    _sheet(
        book,
        "人员",
        [("工号", TEXT), ("姓名", TEXT)] + [(h, fmt) for h, fmt, _ in counter_columns],
        [
            [c.login, c.name] + [get(c.figures) for _, _, get in counter_columns]
            for c in report.staff
        ],
    )
    ranking_tail = [("评价数", COUNT), ("平均分", SCORE), ("满意率", SHARE), ("办结数", COUNT)]
    _sheet(
        book,
        "标兵窗口排名",
        [("名次", COUNT), ("窗口", COUNT), ("名称", TEXT), ("主要柜员", TEXT), *ranking_tail],
        [
            [
                w.rank if w.rank is not None else "评价不足",
                w.window,
                w.name,
                w.staff_name or "",
                w.ratings,
                w.avg_score,
                w.satisfaction_rate,
                w.served,
            ]
            for w in report.ranking.windows
        ],
    )
    _sheet(
        book,
        "人员排名",
        [("名次", COUNT), ("工号", TEXT), ("姓名", TEXT), *ranking_tail],
        [
            [
                c.rank if c.rank is not None else "评价不足",
                c.login,
                c.name,
                c.ratings,
                c.avg_score,
                c.satisfaction_rate,
                c.served,
            ]
            for c in report.ranking.staff
        ],
    )
    day_columns = _figure_columns(with_issued=True)
    _sheet(
        book,
        "每日",
        [("日期", DAY)] + [(h, fmt) for h, fmt, _ in day_columns],
        [[d.day] + [get(d.figures) for _, _, get in day_columns] for d in report.days],
    )
    _sheet(
        book,
        "时段",
        [("时段", TEXT), ("取号数", COUNT), ("办结数", COUNT), ("平均等候(分钟)", MINUTES)],
        [
            [f"{h.hour:02d}:00–{h.hour + 1:02d}:00", h.arrivals, h.served, h.avg_wait_min]
            for h in report.hours
        ],
    )
    called = sum(b.count for b in report.wait_bins)
    _sheet(
        book,
        "等候分布",
        [("等候时长(分钟)", TEXT), ("人数", COUNT), ("占比", SHARE), ("限时内", TEXT)],
        [
            [
                f"{_minutes_label(b.from_min)}–{_minutes_label(b.to_min)}"
                if b.to_min is not None
                else f"{_minutes_label(b.from_min)} 以上",
                b.count,
                b.count / called if called else None,
                "是" if b.within_sla else "否",
            ]
            for b in report.wait_bins
        ],
    )
    by_score = t.ratings.by_score
    _sheet(
        book,
        "评分分布",
        [("评分", COUNT), ("人数", COUNT), ("占比", SHARE)],
        [
            [score, n, n / t.ratings.count if t.ratings.count else None]
            for score, n in zip(range(5, 0, -1), reversed(by_score), strict=True)
        ],
    )
    _sheet(
        book,
        "不满意原因",
        [("原因", TEXT), ("次数", COUNT)],
        [[reason, n] for reason, n in t.ratings.reasons],
    )
    _sheet(
        book,
        "意见反馈",
        [("类别", TEXT), ("收到", COUNT), ("待答复", COUNT), ("已答复", COUNT)],
        [
            [FEEDBACK_ZH.get(c.category, c.category), c.received, c.open, c.answered]
            for c in report.feedback.by_category
        ],
    )
    book.save(str(path))
