"""Issuing a ticket and printing it, off the GUI thread, one ticket per tap.

A tap starts one issue; further taps are ignored until its answer is back, so a double tap
never issues two tickets. The ticket is shown as soon as the database has issued it; printing
follows on a worker of its own, because a silent printer may take its full timeout and must
not hold up the next customer's ticket.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Signal

from common.engine import IssuedTicket
from common.qt.ticket_image import qr_matrix
from common.qt.worker import OperationRunner
from kiosk import operations
from kiosk.hall_state import HallState
from kiosk.ticket_printer import KioskPrinter, PrintOutcome, print_and_record, ticket_content

log = logging.getLogger(__name__)


class TicketDesk(QObject):
    """The kiosk's ticket machine.

    Signals:
        started(str, str): a tap was taken: service code and priority; the answer follows.
        issued(object, object): the `IssuedTicket` and its QR code's modules.
        failed(object): the error that kept the ticket from being issued.
        print_started(int): the ticket id whose print job begins.
        print_finished(int, object): the ticket id and its `PrintOutcome`.
    """

    started = Signal(str, str)
    issued = Signal(object, object)
    failed = Signal(object)
    print_started = Signal(int)
    print_finished = Signal(int, object)

    def __init__(
        self,
        hall: HallState,
        runner: OperationRunner,
        print_runner: OperationRunner,
        printer: KioskPrinter,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._hall = hall
        self._runner = runner
        self._print_runner = print_runner
        self.printer = printer
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy

    def issue(self, service: str, priority: str = "none") -> bool:
        """Take a ticket; False (and nothing happens) while another one is on its way."""
        engine = self._hall.engine
        if self._busy or engine is None or not self._hall.available:
            return False
        self._busy = True
        self.started.emit(service, priority)

        def run() -> tuple[IssuedTicket, list[list[bool]]]:
            issued = operations.issue_ticket(engine, service, priority)
            # The screen's QR code is built here, off the GUI thread, with a fixed mask: fast.
            return issued, qr_matrix(issued.qr_payload, best_mask=False)

        self._runner.submit(run, self._on_issued, self._on_failed)
        return True

    def _on_issued(self, result: tuple[IssuedTicket, list[list[bool]]]) -> None:
        self._busy = False
        issued, matrix = result
        self.issued.emit(issued, matrix)
        if not self.printer.enabled or self._hall.snapshot is None:
            self.print_finished.emit(issued.ticket.id, PrintOutcome("none"))
            return
        # The ticket's words are fixed now, in the language the customer is reading.
        content = ticket_content(
            issued.ticket,
            self._hall.snapshot.settings,
            issued.check_code,
            issued.qr_payload,
            issued.ahead,
            issued.expected_wait_min,
        )
        engine, printer, ticket_id = self._hall.engine, self.printer, issued.ticket.id
        assert engine is not None
        self.print_started.emit(ticket_id)
        self._print_runner.submit(
            lambda: print_and_record(engine, printer, ticket_id, content),
            lambda outcome: self.print_finished.emit(ticket_id, outcome),
            lambda error: self._on_print_crashed(ticket_id, error),
        )

    def _on_failed(self, error: BaseException) -> None:
        self._busy = False
        self._hall.report_failure(error)
        self.failed.emit(error)

    def _on_print_crashed(self, ticket_id: int, error: BaseException) -> None:
        log.error("print job of ticket %s crashed", ticket_id, exc_info=error)
        self.print_finished.emit(ticket_id, PrintOutcome("failed", str(error)))
