"""Text drawing for the board: fonts sized in pixels from the space a widget has.

Every widget on the board paints itself and sizes its text from its own rectangle, so the same
code reads well at 1920×1080, in portrait 1080×1920, and on a smaller monitor.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from common.qt import theme


def board_font(px: float, bold: bool = False) -> QFont:
    font = QFont()
    family = theme.cjk_family()
    if family:
        font.setFamilies([family, "sans-serif"])
    font.setPixelSize(max(1, int(px)))
    font.setWeight(QFont.Weight.Bold if bold else QFont.Weight.Medium)
    return font


def text_width(text: str, px: float, bold: bool = False) -> float:
    return QFontMetricsF(board_font(px, bold)).horizontalAdvance(text)


def fit_px(text: str, px: float, width: float, bold: bool = False) -> float:
    """The largest pixel size ≤ `px` at which `text` fits in `width`."""
    if not text or width <= 0:
        return px
    used = text_width(text, px, bold)
    if used <= width:
        return px
    return max(1.0, px * width / used * 0.98)


@dataclass(frozen=True)
class Segment:
    """A run of text in one size and colour; a line is a list of them on one baseline."""

    text: str
    px: float
    color: QColor
    bold: bool = False


def line_width(segments: list[Segment]) -> float:
    return sum(text_width(s.text, s.px, s.bold) for s in segments)


def scaled(segments: list[Segment], factor: float) -> list[Segment]:
    return [Segment(s.text, s.px * factor, s.color, s.bold) for s in segments]


def draw_line(
    painter: QPainter,
    rect: QRectF,
    segments: list[Segment],
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
) -> None:
    """Draw segments side by side on one baseline, vertically centred in `rect`.

    The line shrinks as a whole when it is wider than `rect`, so a long English phrase keeps
    the proportions of the Chinese one.
    """
    width = line_width(segments)
    if width > rect.width() > 0:
        segments = scaled(segments, rect.width() / width * 0.98)
        width = line_width(segments)
    metrics = [QFontMetricsF(board_font(s.px, s.bold)) for s in segments]
    ascent = max((m.ascent() for m in metrics), default=0.0)
    descent = max((m.descent() for m in metrics), default=0.0)
    baseline = rect.center().y() + (ascent - descent) / 2
    if align & Qt.AlignmentFlag.AlignLeft:
        x = rect.left()
    elif align & Qt.AlignmentFlag.AlignRight:
        x = rect.right() - width
    else:
        x = rect.center().x() - width / 2
    for segment, m in zip(segments, metrics, strict=True):
        painter.setFont(board_font(segment.px, segment.bold))
        painter.setPen(segment.color)
        painter.drawText(QPointF(x, baseline), segment.text)
        x += m.horizontalAdvance(segment.text)


def draw_text(
    painter: QPainter,
    rect: QRectF,
    text: str,
    px: float,
    color: QColor,
    bold: bool = False,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter,
) -> None:
    """One run of text, shrunk to fit `rect`'s width."""
    draw_line(
        painter, rect, [Segment(text, fit_px(text, px, rect.width(), bold), color, bold)], align
    )


def around(template: str, placeholder: str) -> tuple[str, str]:
    """Split a translated phrase at its placeholder: '请 {number} 号' → ('请 ', ' 号')."""
    key = "{" + placeholder + "}"
    if key not in template:
        return template, ""
    before, after = template.split(key, 1)
    return before, after


def elided(text: str, px: float, width: float, bold: bool = False) -> str:
    metrics = QFontMetricsF(board_font(px, bold))
    return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)


_WRAP = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)


def wrapped_px(text: str, rect: QRectF, px: float, bold: bool = False) -> float:
    """The largest pixel size ≤ `px` at which `text`, word-wrapped, fits `rect`."""
    while px > 6:
        bounds = QFontMetricsF(board_font(px, bold)).boundingRect(rect, _WRAP, text)
        if bounds.width() <= rect.width() + 0.5 and bounds.height() <= rect.height() + 0.5:
            break
        px *= 0.92
    return px


def draw_wrapped(
    painter: QPainter, rect: QRectF, text: str, px: float, color: QColor, bold: bool = False
) -> None:
    """Centred, word-wrapped text at `px` (see `wrapped_px` to make it fit)."""
    painter.setFont(board_font(px, bold))
    painter.setPen(color)
    painter.drawText(rect, _WRAP, text)


def panel(
    painter: QPainter, rect: QRectF, fill: QColor, border: QColor | None = None, radius: float = 0
) -> None:
    """The rounded card every part of the board sits on."""
    painter.setPen(Qt.PenStyle.NoPen if border is None else border)
    painter.setBrush(fill)
    r = radius or min(rect.width(), rect.height()) * 0.06
    painter.drawRoundedRect(rect, r, r)
