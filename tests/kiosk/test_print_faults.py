"""Every kind of printer fault at the kiosk: the ticket stays issued, shown, unprinted, and
staff see an alert."""

from __future__ import annotations

import threading

import pytest
from escpos.printer import Dummy

from common import status
from common.printing import PrinterSpec
from kiosk.ticket_printer import KioskPrinter


class PaperOut(Dummy):
    def _raw(self, msg: bytes) -> None:
        self._last = msg
        super()._raw(msg)

    def _read(self) -> bytes:
        # DLE EOT 1: online; DLE EOT 4: paper end sensor.
        return b"\x72" if getattr(self, "_last", b"") == b"\x10\x04\x04" else b"\x12"


class Offline(Dummy):
    def open(self) -> None:
        raise OSError("No route to host")


class BreaksMidJob(Dummy):
    def _raw(self, msg: bytes) -> None:
        if len(msg) > 1000:
            raise OSError("connection reset by peer")
        super()._raw(msg)


_release = threading.Event()


class Silent(Dummy):
    def _raw(self, msg: bytes) -> None:
        _release.wait(10)

    def close(self) -> None:
        _release.set()


FAULTS = {
    "paper_out": (PaperOut, "缺纸"),
    "offline": (Offline, "No route to host"),
    "failed": (BreaksMidJob, "connection reset"),
    "timeout": (Silent, "0.3"),
}


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_a_printer_fault_never_loses_the_ticket(qtbot, make_kiosk, staff_engine, kind):
    _release.clear()
    factory, words = FAULTS[kind]
    printer = KioskPrinter(PrinterSpec("network", "printer", 9100), 0.3, 384, factory)
    kiosk = make_kiosk(printer=printer)
    window = kiosk.window
    window.home.services.tiles["A"].click()
    qtbot.waitUntil(lambda: window.ticket.print_state == "failed", timeout=10_000)
    # Shown large with the calm message.
    assert window.ticket.number.text == "A001"
    assert window.ticket.print_label.text() == "打印失败，请记下您的号码，工作人员会协助您"
    # Issued and marked unprinted.
    ticket = staff_engine.find_ticket("A001")
    assert ticket.status == "waiting" and ticket.printed is False
    # Staff see it in `hallq status` (and so the supervisor view).
    (alert,) = [a for a in status.alerts(staff_engine) if a.kind == "device"]
    assert alert.severity == "fault"
    assert "A001" in alert.message and words in alert.message
    # The screen stays until the customer taps or the kiosk goes idle.
    assert not window.ticket._return.isActive()


def test_a_slow_printer_does_not_hold_up_the_next_ticket(qtbot, make_kiosk, staff_engine):
    _release.clear()
    printer = KioskPrinter(PrinterSpec("network", "printer", 9100), 5.0, 384, Silent)
    kiosk = make_kiosk(printer=printer)
    window = kiosk.window
    window.home.services.tiles["A"].click()
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=5000)
    window.ticket._since.invalidate()
    window.ticket.done_button.click()
    window.home.services.tiles["B"].click()
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=2000)
    assert window.ticket.number.text == "B001"
    assert window.ticket.print_state == "printing"
    _release.set()
