"""The printed ticket, drawn with QPainter into a 1-bit image.

Everything on the paper — Chinese included — is pixels, so it prints the same on any ESC/POS
printer whatever its code pages. Antialiasing is off: a thermal head prints dots, not greys.
Sizes are in printer dots (203 dpi: 8 dots a millimetre) and scale with the paper width
(384 dots on 58 mm paper, 512 or 576 on 80 mm).

Painting a QImage is allowed off the GUI thread, so the printer worker may call this.
"""

from __future__ import annotations

from dataclasses import dataclass

import qrcode
from PIL import Image
from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from common.qt import theme

WHITE, BLACK = 0, 1
_COLORS = [0xFFFFFFFF, 0xFF000000]
# The QR code's side on 58 mm paper; its modules are whole dots.
QR_SIDE_DOTS = 200


@dataclass(frozen=True)
class TicketContent:
    """What a ticket says, already in the customer's language."""

    hall_name: str
    service_name: str
    label: str
    issued_at_text: str  # time of issue in the hall's timezone
    qr_payload: str
    check_code: str
    footer: str = ""
    priority_text: str = ""  # e.g. "绿色通道 · 70 岁以上老人"
    ahead: int | None = None  # None: not waiting any more (a reprint after the call)
    expected_wait_min: float | None = None
    reprint: bool = False


def qr_matrix(payload: str, best_mask: bool = True) -> list[list[bool]]:
    """The QR code's modules, without a quiet zone (the caller leaves white around it).

    Choosing the best of the eight mask patterns costs ~20 ms of pure Python; a screen that
    must show the code at once passes `best_mask=False` (any mask is a valid QR code).
    """
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=0,
        mask_pattern=None if best_mask else 0,
    )
    code.add_data(payload)
    code.make(fit=True)
    return code.get_matrix()


def _font(pixels: int, bold: bool = False) -> QFont:
    font = QFont()
    family = theme.cjk_family()
    if family:
        font.setFamilies([family, "sans-serif"])
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    font.setStyleStrategy(QFont.StyleStrategy.NoAntialias)
    return font


def wait_text(minutes: float) -> str:
    if minutes < 1:
        return QCoreApplication.translate("ticket", "预计很快就到您")
    return QCoreApplication.translate("ticket", "预计等候约 %1 分钟").replace(
        "%1", str(round(minutes))
    )


class _Layout:
    """Paints blocks one under another, keeping track of the height used."""

    def __init__(self, painter: QPainter, width: int, scale: float) -> None:
        self.p = painter
        self.width = width
        self.scale = scale
        self.margin = round(10 * scale)
        self.y = round(14 * scale)

    def px(self, value: float) -> int:
        return round(value * self.scale)

    def text(self, text: str, size: float, bold: bool = False, gap: float = 6) -> None:
        self.p.setFont(_font(self.px(size), bold))
        box = QRect(self.margin, self.y, self.width - 2 * self.margin, 10_000)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        used = self.p.boundingRect(box, flags, text)
        self.p.drawText(box, flags, text)
        self.y += used.height() + self.px(gap)

    def inverted(self, text: str, size: float, gap: float = 8) -> None:
        """White text on a black band: the priority lane stands out for the clerk."""
        font = _font(self.px(size), True)
        self.p.setFont(font)
        height = QFontMetrics(font).height() + self.px(8)
        band = QRect(self.margin, self.y, self.width - 2 * self.margin, height)
        self.p.fillRect(band, QColor(Qt.GlobalColor.black))
        self.p.setPen(QColor(Qt.GlobalColor.white))
        self.p.drawText(band, Qt.AlignmentFlag.AlignCenter, text)
        self.p.setPen(QColor(Qt.GlobalColor.black))
        self.y += height + self.px(gap)

    def number(self, label: str, size: float) -> None:
        """The ticket number as large as the paper allows."""
        pixels = self.px(size)
        room = self.width - 2 * self.margin
        font = _font(pixels, True)
        while pixels > 24 and QFontMetrics(font).horizontalAdvance(label) > room:
            pixels -= 4
            font = _font(pixels, True)
        self.p.setFont(font)
        metrics = QFontMetrics(font)
        # Digits sit between the baseline and the cap height: skip the font's empty ascent.
        cap = metrics.tightBoundingRect(label)
        top = self.y - cap.top()
        x = (self.width - metrics.horizontalAdvance(label)) // 2
        self.p.drawText(x, top, label)
        self.y += cap.height() + self.px(16)

    def rule(self, gap: float = 10) -> None:
        self.p.fillRect(
            QRect(self.margin, self.y, self.width - 2 * self.margin, max(2, self.px(2))),
            QColor(Qt.GlobalColor.black),
        )
        self.y += self.px(gap)

    def qr(self, payload: str) -> None:
        matrix = qr_matrix(payload)
        n = len(matrix)
        module = max(3, self.px(QR_SIDE_DOTS) // n)
        side = module * n
        left = (self.width - side) // 2
        black = QColor(Qt.GlobalColor.black)
        for row, cells in enumerate(matrix):
            for col, dark in enumerate(cells):
                if dark:
                    self.p.fillRect(
                        QRect(left + col * module, self.y + row * module, module, module), black
                    )
        self.y += side + self.px(8)


def render_ticket(content: TicketContent, width: int = 384) -> QImage:
    """Draw the ticket as a 1-bit image `width` dots wide (its height follows the content)."""
    scale = width / 384
    canvas = QImage(width, round(1400 * scale), QImage.Format.Format_Mono)
    canvas.setColorTable(_COLORS)
    canvas.fill(WHITE)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, False)
    painter.setPen(QColor(Qt.GlobalColor.black))
    try:
        lay = _Layout(painter, width, scale)
        lay.text(content.hall_name, 24, bold=True, gap=8)
        lay.rule(gap=12)
        lay.text(content.service_name, 30, bold=True, gap=4)
        if content.priority_text:
            lay.y += lay.px(4)
            lay.inverted(content.priority_text, 22)
        lay.y += lay.px(6)
        lay.number(content.label, 150)
        if content.ahead is not None:
            lay.text(
                QCoreApplication.translate("ticket", "前面还有 %1 人").replace(
                    "%1", str(content.ahead)
                ),
                28,
                bold=True,
                gap=2,
            )
        if content.expected_wait_min is not None:
            lay.text(wait_text(content.expected_wait_min), 24, gap=6)
        issued = QCoreApplication.translate("ticket", "取号时间 %1").replace(
            "%1", content.issued_at_text
        )
        if content.reprint:
            issued += "  " + QCoreApplication.translate("ticket", "（补打）")
        lay.text(issued, 20, gap=12)
        lay.rule(gap=14)
        lay.text(QCoreApplication.translate("ticket", "办结后扫码评价服务"), 20, gap=8)
        lay.qr(content.qr_payload)
        spaced = " ".join(content.check_code)
        lay.text(
            QCoreApplication.translate("ticket", "校验码 %1").replace("%1", spaced),
            24,
            bold=True,
            gap=10,
        )
        if content.footer:
            lay.rule(gap=10)
            lay.text(content.footer, 20, gap=4)
        height = lay.y + lay.px(16)
    finally:
        painter.end()
    return canvas.copy(0, 0, width, height)


def to_pil(image: QImage) -> Image.Image:
    """The QImage as a PIL image of mode "1" (what python-escpos prints)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(gray.constBits())[: gray.bytesPerLine() * gray.height()]
    pil = Image.frombytes("L", (gray.width(), gray.height()), data, "raw", "L", gray.bytesPerLine())
    return pil.point(lambda v: 255 if v >= 128 else 0, mode="1")
