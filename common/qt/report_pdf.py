"""The report as an A4 PDF for management, in Chinese, with its charts.

Everything is drawn with QPainter — charts included — so a PDF can be written on the worker
thread of an app or by `hallq report` without a screen; `render_pages` paints the very same
pages into images (previews, tests).

The page is laid out in points (1/72 inch): blocks (headings, figure tiles, charts, tables) flow
down the page; a table that does not fit continues on the next page under its header again.

Known limit of Qt's PDF engine: a glyph that the font shares between an ideograph and a radical
(口/⼝, 长/⻓) is mapped back to the lower code point, so text copied out of the PDF may carry
radical forms (as with wkhtmltopdf, see wkhtmltopdf/wkhtmltopdf#4414). The page looks right.
"""

from __future__ import annotations

import dataclasses
import math
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
)

from common.qt import theme
from common.reports import Figures, Report

PAGE_W = 595.28  # A4 in points
PAGE_H = 841.89
MARGIN = 42.0
CONTENT_W = PAGE_W - 2 * MARGIN
FOOTER_H = 24.0
GAP = 14.0
PDF_DPI = 300

INK = QColor(theme.INK)
MUTED = QColor(theme.MUTED)
GREEN = QColor(theme.GREEN)
GREEN_DARK = QColor(theme.GREEN_DARK)
GREEN_LIGHT = QColor(theme.GREEN_LIGHT)
AMBER = QColor(theme.AMBER)
RED = QColor(theme.RED)
BLUE = QColor("#1565C0")
GRID = QColor("#D5DADA")
ZEBRA = QColor("#F3F6F6")

# Latin text first from a TrueType family: Qt's PDF engine writes a broken ToUnicode map for
# the Latin glyphs of OpenType-CFF CJK fonts (Noto CJK), so digits would not copy or search.
LATIN_FAMILIES = ("DejaVu Sans", "Arial", "Segoe UI", "Liberation Sans", "Helvetica")


def _families() -> list[str]:
    installed = set(QFontDatabase.families())
    families = [f for f in LATIN_FAMILIES if f in installed][:1]
    cjk = theme.cjk_family()
    if cjk:
        families.append(cjk)
    return families or ["sans-serif"]


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(_families())
    # Pixel sizes are in the page's point units: the painter's transform scales them.
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def minutes_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def score_text(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def count_text(value: int | None) -> str:
    return "—" if value is None else str(value)


# ---------------------------------------------------------------------------- blocks


class Block:
    """Something that flows down the page."""

    def height(self) -> float:
        raise NotImplementedError

    def paint(self, p: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def split(self, available: float) -> tuple[Block, Block] | None:
        """Cut into a part that fits `available` and the rest, when the block allows it."""
        return None


@dataclass
class Spacer(Block):
    size: float

    def height(self) -> float:
        return self.size

    def paint(self, p: QPainter, rect: QRectF) -> None:
        return None


@dataclass
class Title(Block):
    hall: str
    title: str
    subtitle: Sequence[str]

    def height(self) -> float:
        return 62.0 + 14.0 * len(self.subtitle)

    def paint(self, p: QPainter, rect: QRectF) -> None:
        p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), 4), GREEN)
        p.setPen(GREEN_DARK)
        p.setFont(_font(12, bold=True))
        p.drawText(
            QRectF(rect.left(), rect.top() + 10, rect.width(), 16),
            Qt.AlignmentFlag.AlignLeft,
            self.hall,
        )
        p.setPen(INK)
        p.setFont(_font(22, bold=True))
        p.drawText(
            QRectF(rect.left(), rect.top() + 28, rect.width(), 28),
            Qt.AlignmentFlag.AlignLeft,
            self.title,
        )
        p.setPen(MUTED)
        p.setFont(_font(9.5))
        for i, line in enumerate(self.subtitle):
            p.drawText(
                QRectF(rect.left(), rect.top() + 60 + 14 * i, rect.width(), 14),
                Qt.AlignmentFlag.AlignLeft,
                line,
            )


@dataclass
class Heading(Block):
    text: str
    note: str = ""

    def height(self) -> float:
        return 24.0

    def paint(self, p: QPainter, rect: QRectF) -> None:
        p.fillRect(QRectF(rect.left(), rect.top() + 4, 4, 15), GREEN)
        p.setPen(INK)
        p.setFont(_font(13, bold=True))
        p.drawText(
            QRectF(rect.left() + 10, rect.top(), rect.width(), 22),
            Qt.AlignmentFlag.AlignVCenter,
            self.text,
        )
        if self.note:
            p.setPen(MUTED)
            p.setFont(_font(9))
            p.drawText(
                QRectF(rect.left(), rect.top(), rect.width(), 22),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                self.note,
            )


@dataclass
class Tiles(Block):
    """Key figures in boxes, `columns` per row."""

    items: Sequence[tuple[str, str, QColor]]
    columns: int = 4

    def height(self) -> float:
        rows = math.ceil(len(self.items) / self.columns)
        return rows * 54 + (rows - 1) * 8

    def paint(self, p: QPainter, rect: QRectF) -> None:
        w = (rect.width() - (self.columns - 1) * 8) / self.columns
        for i, (label, value, colour) in enumerate(self.items):
            row, col = divmod(i, self.columns)
            box = QRectF(rect.left() + col * (w + 8), rect.top() + row * 62, w, 54)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(GREEN_LIGHT)
            p.drawRoundedRect(box, 4, 4)
            p.fillRect(QRectF(box.left(), box.top(), 3, box.height()), colour)
            p.setPen(MUTED)
            p.setFont(_font(9))
            p.drawText(box.adjusted(10, 6, -6, -30), Qt.AlignmentFlag.AlignLeft, label)
            p.setPen(INK)
            p.setFont(_font(19, bold=True))
            p.drawText(
                box.adjusted(10, 20, -6, -4),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                value,
            )


@dataclass
class Star(Block):
    """The model window and clerk of the period."""

    lines: Sequence[str]

    def height(self) -> float:
        return 20.0 + 18.0 * len(self.lines)

    def paint(self, p: QPainter, rect: QRectF) -> None:
        box = QRectF(rect.left(), rect.top(), rect.width(), self.height() - 4)
        p.setPen(QPen(AMBER, 1.2))
        p.setBrush(QColor("#FFF8E1"))
        p.drawRoundedRect(box, 4, 4)
        _star(p, QPointF(box.left() + 20, box.center().y()), 10)
        p.setPen(INK)
        p.setFont(_font(11, bold=True))
        for i, line in enumerate(self.lines):
            p.drawText(
                QRectF(box.left() + 40, box.top() + 8 + 18 * i, box.width() - 50, 18),
                Qt.AlignmentFlag.AlignVCenter,
                line,
            )


def _star(p: QPainter, centre: QPointF, radius: float) -> None:
    path = QPainterPath()
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        point = QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))
        if i == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(AMBER)
    p.drawPath(path)


@dataclass
class Note(Block):
    text: str

    def height(self) -> float:
        return 16.0

    def paint(self, p: QPainter, rect: QRectF) -> None:
        p.setPen(MUTED)
        p.setFont(_font(8.5))
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.text)


# ---------------------------------------------------------------------------- charts


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        top = step * 10**exponent
        if top >= value:
            return float(top)
    return float(10 ** (exponent + 1))


def _axis(
    p: QPainter,
    plot: QRectF,
    top: float,
    ticks: int,
    fmt: Callable[[float], str],
    right: bool = False,
) -> None:
    p.setFont(_font(8))
    for i in range(ticks + 1):
        value = top * i / ticks
        y = plot.bottom() - plot.height() * i / ticks
        if not right:
            p.setPen(QPen(GRID, 0.5))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        p.setPen(MUTED)
        label = QRectF(plot.right() + 4 if right else plot.left() - 40, y - 6, 36, 12)
        align = Qt.AlignmentFlag.AlignLeft if right else Qt.AlignmentFlag.AlignRight
        p.drawText(label, align | Qt.AlignmentFlag.AlignVCenter, fmt(value))


def _legend(p: QPainter, rect: QRectF, items: Sequence[tuple[str, QColor]]) -> None:
    p.setFont(_font(8.5))
    metrics = QFontMetricsF(p.font())
    x = rect.right()
    for name, colour in reversed(items):
        width = metrics.horizontalAdvance(name)
        x -= width
        p.setPen(INK)
        p.drawText(QRectF(x, rect.top(), width + 2, 12), Qt.AlignmentFlag.AlignVCenter, name)
        x -= 12
        p.fillRect(QRectF(x, rect.top() + 3, 8, 8), colour)
        x -= 12


def _no_data(p: QPainter, plot: QRectF) -> None:
    p.setPen(MUTED)
    p.setFont(_font(11))
    p.drawText(plot, Qt.AlignmentFlag.AlignCenter, "本期暂无数据")


@dataclass
class BarChart(Block):
    """Vertical bars: one group per category, one bar per series."""

    categories: Sequence[str]
    series: Sequence[tuple[str, QColor, Sequence[float]]]
    bar_colours: Sequence[QColor] | None = None  # per category, for a single series
    value_labels: bool = False
    tall: float = 170.0
    caption: str = ""

    def height(self) -> float:
        return self.tall

    def paint(self, p: QPainter, rect: QRectF) -> None:
        plot = QRectF(rect.left() + 42, rect.top() + 18, rect.width() - 50, rect.height() - 42)
        if len(self.series) > 1:
            _legend(
                p,
                QRectF(rect.left(), rect.top(), rect.width(), 12),
                [(n, c) for n, c, _ in self.series],
            )
        if self.caption:
            p.setPen(MUTED)
            p.setFont(_font(8.5))
            p.drawText(
                QRectF(rect.left(), rect.top(), rect.width(), 12),
                Qt.AlignmentFlag.AlignLeft,
                self.caption,
            )
        highest = max((v for _, _, values in self.series for v in values), default=0)
        # Counts: at least 4 on the axis, so its four steps are whole numbers.
        top = max(4.0, _nice_max(highest))
        _axis(p, plot, top, 4, lambda v: f"{v:g}")
        if not highest:
            _no_data(p, plot)
        n = max(1, len(self.categories))
        group = plot.width() / n
        bar = min(28.0, group * 0.8 / max(1, len(self.series)))
        p.setFont(_font(8))
        for i, category in enumerate(self.categories):
            left = plot.left() + i * group + (group - bar * len(self.series)) / 2
            for j, (_, colour, values) in enumerate(self.series):
                value = values[i]
                h = plot.height() * value / top
                box = QRectF(left + j * bar, plot.bottom() - h, bar * 0.92, h)
                fill = self.bar_colours[i] if self.bar_colours else colour
                p.fillRect(box, fill)
                if self.value_labels and value:
                    p.setPen(INK)
                    p.drawText(
                        QRectF(box.left() - 10, box.top() - 13, box.width() + 20, 12),
                        Qt.AlignmentFlag.AlignCenter,
                        f"{value:g}",
                    )
            p.setPen(MUTED)
            p.drawText(
                QRectF(plot.left() + i * group, plot.bottom() + 3, group, 14),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                category,
            )
        p.setPen(QPen(INK, 0.8))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())


@dataclass
class HBarChart(Block):
    """Horizontal bars with a label per row (satisfaction by clerk)."""

    rows: Sequence[tuple[str, float, str]]  # label, share 0..1, text after the bar

    def height(self) -> float:
        return 14.0 + 17.0 * max(1, len(self.rows))

    def paint(self, p: QPainter, rect: QRectF) -> None:
        label_w = 90.0
        text_w = 120.0
        bar_w = rect.width() - label_w - text_w
        if not self.rows:
            p.setPen(MUTED)
            p.setFont(_font(9))
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "本期暂无评价")
            return
        p.setFont(_font(9))
        for i, (label, share, after) in enumerate(self.rows):
            y = rect.top() + 4 + 17 * i
            p.setPen(INK)
            p.drawText(
                QRectF(rect.left(), y, label_w - 6, 14),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            p.fillRect(QRectF(rect.left() + label_w, y + 2, bar_w, 10), GREEN_LIGHT)
            colour = GREEN if share >= 0.9 else AMBER if share >= 0.75 else RED
            p.fillRect(QRectF(rect.left() + label_w, y + 2, bar_w * share, 10), colour)
            p.setPen(INK)
            p.drawText(
                QRectF(rect.left() + label_w + bar_w + 6, y, text_w - 6, 14),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                after,
            )


@dataclass
class LineChart(Block):
    """Lines over days: counts on the left axis, a share (0–100%) on the right."""

    labels: Sequence[str]
    counts: Sequence[tuple[str, QColor, Sequence[float]]]
    share: tuple[str, QColor, Sequence[float | None]] | None = None
    tall: float = 170.0

    def height(self) -> float:
        return self.tall

    def paint(self, p: QPainter, rect: QRectF) -> None:
        plot = QRectF(rect.left() + 42, rect.top() + 18, rect.width() - 84, rect.height() - 42)
        legend = [(n, c) for n, c, _ in self.counts] + (
            [(self.share[0], self.share[1])] if self.share else []
        )
        _legend(p, QRectF(rect.left(), rect.top(), rect.width(), 12), legend)
        top = max(
            4.0, _nice_max(max((v for _, _, values in self.counts for v in values), default=0))
        )
        _axis(p, plot, top, 4, lambda v: f"{v:g}")
        if self.share:
            _axis(p, plot, 1.0, 4, lambda v: f"{v * 100:.0f}%", right=True)
        n = len(self.labels)
        step = plot.width() / max(1, n - 1) if n > 1 else 0.0

        def x(i: int) -> float:
            return plot.left() + (i * step if n > 1 else plot.width() / 2)

        for _, colour, values in self.counts:
            self._line(
                p,
                [(x(i), plot.bottom() - plot.height() * v / top) for i, v in enumerate(values)],
                colour,
                False,
            )
        if self.share:
            _, colour, shares = self.share
            points = [
                (x(i), plot.bottom() - plot.height() * v)
                for i, v in enumerate(shares)
                if v is not None
            ]
            self._line(p, points, colour, True)
        p.setPen(MUTED)
        p.setFont(_font(8))
        every = max(1, math.ceil(n / 10))
        last_x = -1e9
        for i, label in enumerate(self.labels):
            # Every few days, and the last day unless it would crowd the one before.
            if i % every == 0 or (i == n - 1 and x(i) - last_x >= 40):
                last_x = x(i)
                p.drawText(
                    QRectF(x(i) - 24, plot.bottom() + 3, 48, 14),
                    Qt.AlignmentFlag.AlignHCenter,
                    label,
                )
        p.setPen(QPen(INK, 0.8))
        p.drawLine(plot.bottomLeft(), plot.bottomRight())

    @staticmethod
    def _line(
        p: QPainter, points: Sequence[tuple[float, float]], colour: QColor, dashed: bool
    ) -> None:
        pen = QPen(colour, 1.6)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        for a, b in zip(points, points[1:], strict=False):
            p.drawLine(QPointF(*a), QPointF(*b))
        p.setBrush(colour)
        for point in points:
            p.drawEllipse(QPointF(*point), 1.8, 1.8)


@dataclass
class Table(Block):
    """A table that continues on the next page under its header."""

    headers: Sequence[str]
    widths: Sequence[float]  # shares of the width
    rows: Sequence[Sequence[str]]
    align_left: int = 2  # the first columns are text; the others numbers
    highlight_first: bool = False
    total_last: bool = False  # the last row sums up the others
    row_h: float = 17.0

    def height(self) -> float:
        return self.row_h * (len(self.rows) + 1) + 2

    def split(self, available: float) -> tuple[Block, Block] | None:
        fits = int((available - 2) // self.row_h) - 1
        if fits < 3 or fits >= len(self.rows):
            return None
        first = dataclasses.replace(self, rows=self.rows[:fits], total_last=False)
        rest = dataclasses.replace(self, rows=self.rows[fits:], highlight_first=False)
        return first, rest

    def paint(self, p: QPainter, rect: QRectF) -> None:
        total = sum(self.widths)
        xs = [rect.left()]
        for w in self.widths:
            xs.append(xs[-1] + rect.width() * w / total)
        p.fillRect(QRectF(rect.left(), rect.top(), rect.width(), self.row_h), GREEN)
        p.setFont(_font(8.5, bold=True))
        p.setPen(QColor("white"))
        for i, header in enumerate(self.headers):
            p.drawText(
                QRectF(xs[i] + 3, rect.top(), xs[i + 1] - xs[i] - 6, self.row_h),
                Qt.AlignmentFlag.AlignCenter,
                header,
            )
        for r, row in enumerate(self.rows):
            y = rect.top() + self.row_h * (r + 1)
            total = self.total_last and r == len(self.rows) - 1
            p.setFont(_font(8.5, bold=total))
            if total:
                p.setPen(QPen(INK, 0.8))
                p.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            elif self.highlight_first and r == 0:
                p.fillRect(QRectF(rect.left(), y, rect.width(), self.row_h), QColor("#FFF8E1"))
            elif r % 2:
                p.fillRect(QRectF(rect.left(), y, rect.width(), self.row_h), ZEBRA)
            p.setPen(INK)
            for i, cell in enumerate(row):
                align = (
                    Qt.AlignmentFlag.AlignLeft
                    if i < self.align_left
                    else Qt.AlignmentFlag.AlignRight
                )
                p.drawText(
                    QRectF(xs[i] + 4, y, xs[i + 1] - xs[i] - 8, self.row_h),
                    align | Qt.AlignmentFlag.AlignVCenter,
                    cell,
                )
        p.setPen(QPen(GRID, 0.6))
        bottom = rect.top() + self.row_h * (len(self.rows) + 1)
        p.drawLine(QPointF(rect.left(), bottom), QPointF(rect.right(), bottom))


@dataclass
class KeepTogether(Block):
    """Blocks that must stay on one page (a heading with its chart)."""

    blocks: Sequence[Block]

    def height(self) -> float:
        return sum(b.height() for b in self.blocks)

    def paint(self, p: QPainter, rect: QRectF) -> None:
        y = rect.top()
        for b in self.blocks:
            h = b.height()
            b.paint(p, QRectF(rect.left(), y, rect.width(), h))
            y += h

    def split(self, available: float) -> tuple[Block, Block] | None:
        # A heading followed by a table may break inside the table (never under the heading).
        if len(self.blocks) == 2 and isinstance(self.blocks[1], Table):
            head = self.blocks[0].height()
            parts = self.blocks[1].split(available - head)
            if parts:
                return KeepTogether([self.blocks[0], parts[0]]), KeepTogether(
                    [self.blocks[0], parts[1]]
                )
        return None


# ---------------------------------------------------------------------------- content


def _figure_row(name: Sequence[str], f: Figures, first: str) -> list[str]:
    return [
        *name,
        count_text(f.issued if first == "issued" else f.tickets),
        count_text(f.served),
        count_text(f.no_show),
        minutes_text(f.wait.mean),
        minutes_text(f.wait.p90),
        share_text(f.within_sla_share),
        minutes_text(f.handling.mean),
        count_text(f.ratings.count),
        score_text(f.ratings.avg_score),
        share_text(f.ratings.satisfaction_rate),
    ]


FIGURE_HEADERS = [
    "办结",
    "过号",
    "平均等候",
    "P90等候",
    "限时内叫号",
    "平均办理",
    "评价数",
    "平均分",
    "满意率",
]
FIGURE_WIDTHS = [1, 1, 1.2, 1.2, 1.3, 1.2, 1, 1, 1.1]


def blocks(report: Report) -> list[Block]:
    """The report's content, top to bottom."""
    t = report.totals
    period = report.period
    kind = {"day": "日报", "range": "区间报表", "month": "月报"}.get(period.kind, "")
    service = next((s.name_zh for s in report.services if s.code == report.service), None)
    subtitle = [
        f"统计期间：{period.start:%Y-%m-%d} 至 {period.end:%Y-%m-%d}　业务：{service or '全部业务'}"
        f"　限时办结标准：{report.sla_minutes} 分钟",
        f"生成时间：{report.generated_at:%Y-%m-%d %H:%M}",
    ]
    out: list[Block] = [
        Title(report.hall_name, f"服务质量与客户评价{kind}　{period.label}", subtitle),
        Spacer(8),
        Tiles(
            [
                ("取号数", count_text(t.issued), GREEN),
                ("办结数", count_text(t.served), GREEN),
                ("过号数", count_text(t.no_show), AMBER),
                ("转移票数", count_text(t.transferred), BLUE),
                ("平均等候（分钟）", minutes_text(t.wait.mean), BLUE),
                (
                    "限时内叫号率",
                    share_text(t.within_sla_share),
                    GREEN if (t.within_sla_share or 0) >= 0.9 else AMBER,
                ),
                ("平均办理（分钟）", minutes_text(t.handling.mean), BLUE),
                ("客户满意率", share_text(t.ratings.satisfaction_rate), GREEN),
            ]
        ),
        Spacer(GAP),
    ]
    star_window = report.ranking.model_window
    star_clerk = report.ranking.model_clerk
    min_ratings = report.ranking.min_ratings
    out.append(
        Star(
            [
                (
                    f"标兵窗口：{star_window.name}"
                    + (f"（{star_window.staff_name}）" if star_window.staff_name else "")
                    + f"　平均 {score_text(star_window.avg_score)} 分，满意率 {share_text(star_window.satisfaction_rate)}，"
                    f"评价 {star_window.ratings} 条"
                )
                if star_window
                else f"标兵窗口：本期暂未评出（需至少 {min_ratings} 条评价）",
                (
                    f"服务标兵：{star_clerk.name}（工号 {star_clerk.login}）　平均 {score_text(star_clerk.avg_score)} 分，"
                    f"评价 {star_clerk.ratings} 条"
                )
                if star_clerk
                else "服务标兵：本期暂未评出",
            ]
        )
    )
    out.append(Spacer(GAP))
    hours = report.hours
    out.append(
        KeepTogether(
            [
                Heading("分时段取号与办结", "按营业厅当地时间"),
                BarChart(
                    [f"{h.hour}时" for h in hours],
                    [
                        ("取号", BLUE, [h.arrivals for h in hours]),
                        ("办结", GREEN, [h.served for h in hours]),
                    ],
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    bins = report.wait_bins
    out.append(
        KeepTogether(
            [
                Heading(
                    "等候时长分布",
                    f"限时 {report.sla_minutes} 分钟内叫号 {share_text(t.within_sla_share)}（绿色为限时内）",
                ),
                BarChart(
                    [
                        f"{b.from_min:g}–{b.to_min:g}"
                        if b.to_min is not None
                        else f">{b.from_min:g}"
                        for b in bins
                    ],
                    [("人数", GREEN, [b.count for b in bins])],
                    bar_colours=[GREEN if b.within_sla else RED for b in bins],
                    value_labels=True,
                    caption="等候分钟",
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    rated = sorted(
        (c for c in report.staff if c.figures.ratings.count),
        key=lambda c: (-(c.figures.ratings.satisfaction_rate or 0), c.login),
    )
    out.append(
        KeepTogether(
            [
                Heading("各柜员满意度", "满意率 = 4–5 分评价 ÷ 全部评价"),
                HBarChart(
                    [
                        (
                            c.name,
                            c.figures.ratings.satisfaction_rate or 0.0,
                            f"{share_text(c.figures.ratings.satisfaction_rate)}　{score_text(c.figures.ratings.avg_score)} 分　{c.figures.ratings.count} 条",
                        )
                        for c in rated
                    ]
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    if len(report.days) > 1:
        days = report.days
        out.append(
            KeepTogether(
                [
                    Heading("每日趋势"),
                    LineChart(
                        [f"{d.day:%m-%d}" for d in days],
                        [
                            ("取号", BLUE, [d.figures.issued or 0 for d in days]),
                            ("办结", GREEN, [d.figures.served for d in days]),
                        ],
                        ("满意率", AMBER, [d.figures.ratings.satisfaction_rate for d in days]),
                    ),
                ]
            )
        )
        out.append(Spacer(GAP))
    out.append(
        KeepTogether(
            [
                Heading("各业务统计", "等候、办理单位：分钟"),
                Table(
                    ["业务", "名称", "取号", *FIGURE_HEADERS],
                    [0.6, 1.6, 1, *FIGURE_WIDTHS],
                    [_figure_row([s.code, s.name_zh], s.figures, "issued") for s in report.services]
                    + [_figure_row(["", "合计"], t, "issued")],
                    total_last=True,
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    out.append(
        KeepTogether(
            [
                Heading(
                    "标兵窗口排名", f"按平均分排名，至少 {min_ratings} 条评价；同分比评价数、办结数"
                ),
                Table(
                    ["名次", "窗口", "主要柜员", "评价数", "平均分", "满意率", "办结数"],
                    [0.7, 1.4, 1.4, 1, 1, 1, 1],
                    [
                        [
                            str(w.rank) if w.rank is not None else "评价不足",
                            w.name,
                            w.staff_name or "—",
                            count_text(w.ratings),
                            score_text(w.avg_score),
                            share_text(w.satisfaction_rate),
                            count_text(w.served),
                        ]
                        for w in report.ranking.windows
                    ],
                    align_left=3,
                    highlight_first=star_window is not None,
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    out.append(
        KeepTogether(
            [
                Heading("人员排名"),
                Table(
                    ["名次", "工号", "姓名", "评价数", "平均分", "满意率", "办结数"],
                    [0.7, 1, 1.4, 1, 1, 1, 1],
                    [
                        [
                            str(c.rank) if c.rank is not None else "评价不足",
                            c.login,
                            c.name,
                            count_text(c.ratings),
                            score_text(c.avg_score),
                            share_text(c.satisfaction_rate),
                            count_text(c.served),
                        ]
                        for c in report.ranking.staff
                    ],
                    align_left=3,
                    highlight_first=star_clerk is not None,
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    out.append(
        KeepTogether(
            [
                Heading("各窗口统计", "经办 = 在该窗口办结或过号的票"),
                Table(
                    ["窗口", "名称", "经办", *FIGURE_HEADERS],
                    [0.6, 1.6, 1, *FIGURE_WIDTHS],
                    [
                        _figure_row([str(w.number), w.name], w.figures, "tickets")
                        for w in report.windows
                    ],
                ),
            ]
        )
    )
    out.append(Spacer(GAP))
    feedback = report.feedback
    reasons = "、".join(f"{reason} {n} 次" for reason, n in t.ratings.reasons) or "无"
    answer = (
        f"，平均 {feedback.answer_hours.mean:.1f} 小时答复"
        if feedback.answer_hours.mean is not None
        else ""
    )
    out.append(Heading("客户意见"))
    out.append(
        Note(
            f"收到意见反馈 {feedback.received} 条：已答复 {feedback.answered} 条，待答复 {feedback.open} 条{answer}。"
        )
    )
    out.append(
        Note(
            f"评价 {t.ratings.count} 条，平均 {score_text(t.ratings.avg_score)} 分；不满意原因：{reasons}。"
        )
    )
    return out


# ---------------------------------------------------------------------------- pages


@dataclass(frozen=True)
class _Placed:
    block: Block
    rect: QRectF


def layout(items: Sequence[Block]) -> list[list[_Placed]]:
    """Flow the blocks onto pages."""
    pages: list[list[_Placed]] = [[]]
    bottom = PAGE_H - MARGIN - FOOTER_H
    y = MARGIN
    queue = list(items)
    while queue:
        block = queue.pop(0)
        if isinstance(block, Spacer) and not pages[-1]:
            continue  # no gap at the top of a page
        h = block.height()
        if y + h > bottom:
            parts = block.split(bottom - y)
            if parts:
                queue[:0] = list(parts)
                continue
            if pages[-1]:
                pages.append([])
                y = MARGIN
                queue.insert(0, block)
                continue
            # Taller than a page and not to be cut: it stands alone and overflows.
        pages[-1].append(_Placed(block, QRectF(MARGIN, y, CONTENT_W, h)))
        y += h
    return pages


def _paint_page(p: QPainter, placed: Sequence[_Placed], number: int, count: int, hall: str) -> None:
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for item in placed:
        p.save()
        item.block.paint(p, item.rect)
        p.restore()
    p.setPen(QPen(GRID, 0.6))
    y = PAGE_H - MARGIN - FOOTER_H + 8
    p.drawLine(QPointF(MARGIN, y), QPointF(PAGE_W - MARGIN, y))
    p.setPen(MUTED)
    p.setFont(_font(8.5))
    p.drawText(QRectF(MARGIN, y + 2, CONTENT_W, 14), Qt.AlignmentFlag.AlignLeft, hall)
    p.drawText(
        QRectF(MARGIN, y + 2, CONTENT_W, 14),
        Qt.AlignmentFlag.AlignRight,
        f"第 {number} 页 / 共 {count} 页",
    )


def _paint_pages(report: Report, begin_page: Callable[[int], QPainter], scale: float) -> int:
    pages = layout(blocks(report))
    for i, placed in enumerate(pages):
        p = begin_page(i)
        p.save()
        p.scale(scale, scale)
        _paint_page(p, placed, i + 1, len(pages), report.hall_name)
        p.restore()
    return len(pages)


def write_pdf(report: Report, path: str | Path) -> int:
    """Write the report as an A4 PDF; return the number of pages."""
    writer = QPdfWriter(str(path))
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(f"{report.hall_name} 服务质量与客户评价报表 {report.period.label}")
    writer.setCreator("hallq")
    painter = QPainter()
    scale = PDF_DPI / 72.0

    def begin(i: int) -> QPainter:
        if i == 0:
            painter.begin(writer)
        else:
            writer.newPage()
        return painter

    try:
        return _paint_pages(report, begin, scale)
    finally:
        if painter.isActive():
            painter.end()


def write_pdf_headless(report: Report, path: str | Path) -> int:
    """`write_pdf` for a program that has no Qt application yet (the `hallq report` command)."""
    app = QGuiApplication.instance()
    if app is None:
        # Drawing a PDF needs no screen: run headless where there is none.
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([sys.argv[0] if sys.argv else "hallq"])
    return write_pdf(report, path)


def render_pages(report: Report, width_px: int = 1240) -> list[QImage]:
    """The same pages as images `width_px` wide (a preview of the PDF)."""
    scale = width_px / PAGE_W
    size = QSizeF(PAGE_W * scale, PAGE_H * scale).toSize()
    images: list[QImage] = []
    painters: list[QPainter] = []

    def begin(i: int) -> QPainter:
        if painters:
            painters[-1].end()
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        images.append(image)
        painters.append(QPainter(image))
        return painters[-1]

    try:
        _paint_pages(report, begin, scale)
    finally:
        if painters and painters[-1].isActive():
            painters[-1].end()
    return images
