"""Printing a ticket on this kiosk's printer, and telling staff when it fails.

ESC/POS printers go through `common.printing`; `system:NAME` is an ordinary printer reached
through Qt print support. Either way the ticket is drawn by `common.qt.ticket_image`.
A failed print never touches the ticket itself: it stays issued, is marked unprinted, and the
printer's fault becomes a staff alert (`hallq status`, the supervisor view).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter

from common import devices
from common.config import HallSettings, PcConfig
from common.engine import QueueEngine, TicketView
from common.errors import HallqError
from common.printing import PrintError, PrinterSpec, PrintReport, TicketPrinter
from common.qt.ticket_image import TicketContent, render_ticket, to_pil
from kiosk import texts

log = logging.getLogger(__name__)

DEVICE_KIND = "kiosk_printer"


@dataclass(frozen=True)
class PrintOutcome:
    """What became of one print job.

    Attributes:
        state: printed | failed | none (this kiosk has no printer).
        message: the printer's fault, for staff and the log (customers see a calm sentence).
    """

    state: str
    message: str = ""


def ticket_content(
    ticket: TicketView,
    settings: HallSettings,
    check_code: str,
    qr_payload: str,
    ahead: int | None,
    expected_wait_min: float | None,
    reprint: bool = False,
) -> TicketContent:
    """The ticket's text in the current language (call on the GUI thread, at issue time)."""
    priority = ""
    if ticket.priority != "none":
        priority = QCoreApplication.translate("ticket_printer", "绿色通道 · %1").replace(
            "%1", texts.priority_name(ticket.priority)
        )
    issued = ticket.issued_at.astimezone(settings.zone).strftime("%Y-%m-%d %H:%M")
    return TicketContent(
        hall_name=texts.hall_name(settings),
        service_name=texts.service_name(ticket.service_name_zh, ticket.service_name_en),
        label=ticket.label,
        issued_at_text=issued,
        qr_payload=qr_payload,
        check_code=check_code,
        footer=settings.ticket_footer,
        priority_text=priority,
        ahead=ahead,
        expected_wait_min=expected_wait_min,
        reprint=reprint,
    )


def _print_system(name: str, image: QImage, paper_width: int) -> PrintReport:
    """An ordinary printer through the system's spooler: no status, no timeout to enforce."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintError("offline", f"找不到打印机 {name} / no printer named {name!r}")
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    dots_per_mm = 8.0  # thermal printers: 203 dpi
    size = QSizeF(paper_width / dots_per_mm, image.height() / dots_per_mm)
    printer.setPageSize(QPageSize(size, QPageSize.Unit.Millimeter, "hallq ticket"))
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    printer.setFullPage(True)
    printer.setDocName("hallq ticket")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("failed", f"打印机 {name} 无法开始打印 / cannot start a job on {name!r}")
    try:
        page = QRectF(painter.viewport())
        height = page.width() * image.height() / image.width()
        painter.drawImage(QRectF(0, 0, page.width(), height), image)
    finally:
        painter.end()
    return PrintReport()


class KioskPrinter:
    """This kiosk's ticket printer.

    Args:
        spec: from the PC's config or `--printer`.
        timeout_s: the printer's deadline in seconds (`printer_timeout_s`).
        paper_width: 384, 512 or 576 dots.
        connect: for ESC/POS kinds, creates the python-escpos printer (tests: a Dummy).
    """

    def __init__(
        self,
        spec: PrinterSpec,
        timeout_s: float = 5.0,
        paper_width: int = 384,
        connect: Callable[[], Any] | None = None,
    ) -> None:
        self.spec = spec
        self.paper_width = paper_width
        self._escpos = (
            TicketPrinter(spec, timeout_s, paper_width, connect)
            if spec.is_escpos or connect is not None
            else None
        )

    @classmethod
    def from_config(cls, spec: PrinterSpec, config: PcConfig) -> KioskPrinter:
        return cls(spec, config.printer_timeout_s, config.paper_width)

    @property
    def enabled(self) -> bool:
        return self.spec.kind != "none" or self._escpos is not None

    def print_ticket(self, content: TicketContent) -> PrintReport:
        """Draw and print one ticket; raises PrintError on any fault."""
        image = render_ticket(content, self.paper_width)
        if self._escpos is not None:
            return self._escpos.print_image(to_pil(image))
        if self.spec.kind == "system":
            return _print_system(self.spec.target, image, self.paper_width)
        raise PrintError("offline", "本机没有配置打印机 / no printer is configured on this PC")


def _record(engine: QueueEngine, ticket_id: int, ok: bool, message: str, device: str) -> None:
    """Tell the hall; a database hiccup here must not turn a good print into a failure."""
    try:
        engine.mark_printed(ticket_id, ok, message, device)
    except HallqError:
        log.warning("could not record the print state of ticket %s", ticket_id, exc_info=True)


def _report(engine: QueueEngine, status: str, message: str) -> None:
    try:
        devices.report(engine, DEVICE_KIND, status, message)
    except HallqError:
        log.warning("could not report the printer's state", exc_info=True)


def print_and_record(
    engine: QueueEngine, printer: KioskPrinter, ticket_id: int, content: TicketContent
) -> PrintOutcome:
    """Print a ticket, mark it printed or not, and report the printer's health (worker thread)."""
    if not printer.enabled:
        return PrintOutcome("none")
    device = str(printer.spec)
    try:
        report = printer.print_ticket(content)
    except Exception as e:  # noqa: BLE001 — any fault, even a bug in drawing, is a failed print
        if isinstance(e, PrintError):
            message = e.message
            log.warning("ticket %s not printed: %s", content.label, message)
        else:
            message = f"打印出错 / printing failed: {e}"
            log.exception("ticket %s not printed", content.label)
        _record(engine, ticket_id, False, message, device)
        _report(engine, "fault", f"{content.label} 未打印 / not printed: {message}")
        return PrintOutcome("failed", message)
    _record(engine, ticket_id, True, report.warning, device)
    _report(engine, "warning" if report.warning else "ok", report.warning)
    return PrintOutcome("printed", report.warning)
