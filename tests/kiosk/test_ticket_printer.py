"""A ticket's print job: recorded as printed or not, and the printer's health for staff."""

from __future__ import annotations

import pytest
from escpos.printer import Dummy

from common import devices, status
from common.printing import PrinterSpec
from kiosk.ticket_printer import KioskPrinter, print_and_record, ticket_content
from tests.kiosk.escpos_decode import printed_ticket, qr_texts


def content_for(engine, issued):
    return ticket_content(
        issued.ticket,
        engine.settings,
        issued.check_code,
        issued.qr_payload,
        issued.ahead,
        issued.expected_wait_min,
    )


def test_a_good_print_is_recorded_and_the_printer_is_ok(qapp, staff_engine):
    issued = staff_engine.issue("A")
    dummy = Dummy()
    printer = KioskPrinter(PrinterSpec("file", "x"), 2.0, 512, lambda: dummy)
    outcome = print_and_record(
        staff_engine, printer, issued.ticket.id, content_for(staff_engine, issued)
    )
    assert outcome.state == "printed"
    assert staff_engine.ticket(issued.ticket.id).printed is True
    assert qr_texts(printed_ticket(dummy.output)) == [issued.qr_payload]
    assert [d.status for d in devices.states(staff_engine) if d.kind == "kiosk_printer"] == ["ok"]


class Broken(Dummy):
    def _raw(self, msg: bytes) -> None:
        raise OSError("printer unplugged")


def test_a_failed_print_keeps_the_ticket_marks_it_unprinted_and_alerts_staff(qapp, staff_engine):
    issued = staff_engine.issue("B")
    printer = KioskPrinter(PrinterSpec("file", "x"), 2.0, 384, Broken)
    outcome = print_and_record(
        staff_engine, printer, issued.ticket.id, content_for(staff_engine, issued)
    )
    assert outcome.state == "failed"
    assert "printer unplugged" in outcome.message
    ticket = staff_engine.ticket(issued.ticket.id)
    assert ticket.status == "waiting" and ticket.printed is False
    alerts = [a for a in status.alerts(staff_engine) if a.kind == "device"]
    assert len(alerts) == 1 and "B001" in alerts[0].message
    # The next good print clears the alert.
    again = staff_engine.issue("B")
    good = KioskPrinter(PrinterSpec("file", "x"), 2.0, 384, Dummy)
    print_and_record(staff_engine, good, again.ticket.id, content_for(staff_engine, again))
    assert not [a for a in status.alerts(staff_engine) if a.kind == "device"]


def test_hallq_status_shows_the_printer_fault(qapp, staff_engine):
    issued = staff_engine.issue("C")
    printer = KioskPrinter(PrinterSpec("file", "x"), 2.0, 384, Broken)
    print_and_record(staff_engine, printer, issued.ticket.id, content_for(staff_engine, issued))
    text = status.format_status(status.hall_status(staff_engine))
    assert "kiosk_printer" in text and "C001" in text


def test_a_kiosk_without_printer_prints_nothing_and_records_nothing(qapp, staff_engine):
    issued = staff_engine.issue("A")
    outcome = print_and_record(
        staff_engine,
        KioskPrinter(PrinterSpec("none")),
        issued.ticket.id,
        content_for(staff_engine, issued),
    )
    assert outcome.state == "none"
    assert staff_engine.ticket(issued.ticket.id).printed is None
    assert devices.states(staff_engine) == []


def test_a_bug_while_drawing_is_a_failed_print_not_a_crash(qapp, staff_engine, monkeypatch):
    issued = staff_engine.issue("A")

    def broken_render(*args, **kwargs):
        raise ValueError("bad font")

    monkeypatch.setattr("kiosk.ticket_printer.render_ticket", broken_render)
    printer = KioskPrinter(PrinterSpec("file", "x"), 2.0, 384, Dummy)
    outcome = print_and_record(
        staff_engine, printer, issued.ticket.id, content_for(staff_engine, issued)
    )
    assert outcome.state == "failed"
    assert staff_engine.ticket(issued.ticket.id).printed is False


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_ticket_text_follows_the_language(qapp, staff_engine, language):
    from common.qt.i18n import install_translations
    from kiosk.kiosk_window import CATALOGS

    install_translations(qapp, language, CATALOGS)
    issued = staff_engine.issue("A", priority="elderly")
    content = content_for(staff_engine, issued)
    if language == "en":
        assert content.hall_name == "Demo Power Supply Hall"
        assert content.service_name == "Residential"
        assert "Seniors" in content.priority_text
    else:
        assert content.hall_name == "国网示范供电营业厅"
        assert content.service_name == "居民业务"
        assert content.priority_text == "绿色通道 · 70 岁以上老人"
    assert content.issued_at_text == "2026-03-02 09:00"
