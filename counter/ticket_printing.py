"""Printing tickets at a counter PC: 代客取号 and 补打 on the printer in this PC's config.

The ticket is drawn and sent exactly as the kiosk does it (`kiosk.ticket_printer`, the logic
behind `hallq reprint`), so a ticket from the counter looks like one from the kiosk. The text
is put together on the GUI thread (it is translated); reading the ticket and printing run on
the worker. A counter without a printer (`printer = "none"`) shows the number on screen for the
supervisor to tell the customer.
"""

from __future__ import annotations

from dataclasses import dataclass

from common import tokens
from common.config import HallSettings, PcConfig
from common.engine import IssuedTicket, QueueEngine, TicketView
from common.printing import parse_printer_spec
from common.qt.ticket_image import TicketContent
from kiosk.reprint import ahead_and_wait
from kiosk.ticket_printer import KioskPrinter, PrintOutcome, print_and_record, ticket_content


@dataclass(frozen=True)
class ReprintJob:
    """What a reprint needs from the database: the ticket, its codes, its place in the queue."""

    ticket: TicketView
    check_code: str
    qr_payload: str
    ahead: int | None
    expected_wait_min: float | None


class TicketPrinting:
    def __init__(self, config: PcConfig) -> None:
        spec = parse_printer_spec(config.printer)
        self._printer = KioskPrinter.from_config(spec, config) if spec.kind != "none" else None

    @classmethod
    def none(cls) -> TicketPrinting:
        """A PC without a ticket printer."""
        return cls(PcConfig(db_url="", printer="none"))

    @property
    def available(self) -> bool:
        return self._printer is not None

    def issued_content(self, issued: IssuedTicket, settings: HallSettings) -> TicketContent:
        """The text of a ticket just issued (GUI thread)."""
        return ticket_content(
            issued.ticket,
            settings,
            issued.check_code,
            issued.qr_payload,
            issued.ahead,
            issued.expected_wait_min,
        )

    def load_reprint(self, engine: QueueEngine, label: str) -> ReprintJob:
        """Today's ticket `label` with its codes and place in the queue (worker thread)."""
        ticket = engine.find_ticket(label)
        ahead, wait = ahead_and_wait(engine, ticket)
        return ReprintJob(
            ticket,
            engine.check_code_for(ticket),
            tokens.qr_payload(engine.settings.qr_base_url, ticket.token),
            ahead,
            wait,
        )

    def reprint_content(self, job: ReprintJob, settings: HallSettings) -> TicketContent:
        """The text of a reprinted ticket, marked as a reprint (GUI thread)."""
        return ticket_content(
            job.ticket,
            settings,
            job.check_code,
            job.qr_payload,
            job.ahead,
            job.expected_wait_min,
            reprint=True,
        )

    def print_ticket(
        self, engine: QueueEngine, ticket_id: int, content: TicketContent
    ) -> PrintOutcome:
        """Print and record whether it worked; a fault becomes a staff alert (worker thread)."""
        if self._printer is None:
            return PrintOutcome("none")
        return print_and_record(engine, self._printer, ticket_id, content)
