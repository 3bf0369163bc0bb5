"""Tap a service → the ticket screen → the printed bytes → the QR code names the ticket."""

from __future__ import annotations

from common import tokens
from common.printing import parse_printer_spec
from kiosk.ticket_printer import KioskPrinter
from tests.kiosk.escpos_decode import printed_ticket, qr_texts


def tile(kiosk, code):
    return kiosk.window.home.services.tiles[code]


def test_one_tap_issues_shows_and_prints_a_ticket_whose_qr_names_it(
    qtbot, make_kiosk, printer_output, staff_engine
):
    kiosk = make_kiosk()
    window = kiosk.window
    assert window.current is window.home

    tile(kiosk, "A").click()
    assert window.current is window.ticket, "the ticket screen shows at once"
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=5000)
    assert window.ticket.number.text == "A001"
    qtbot.waitUntil(lambda: window.ticket.print_state == "printed", timeout=5000)
    assert "请取走小票" in window.ticket.print_label.text()

    image = printed_ticket(printer_output.output)
    assert image.width == 384
    (text,) = qr_texts(image)
    ref = tokens.verify(staff_engine.settings.hmac_secret, text)
    ticket = staff_engine.find_ticket("A001")
    assert (ref.number, ref.day) == (1, ticket.day)
    assert ticket.printed is True


def test_a_file_printer_gets_raw_escpos_bytes_of_the_ticket(qtbot, make_kiosk, tmp_path):
    path = tmp_path / "printer.bin"
    kiosk = make_kiosk(printer=KioskPrinter(parse_printer_spec(f"file:{path}"), 2.0, 576))
    tile(kiosk, "C").click()
    qtbot.waitUntil(lambda: kiosk.window.ticket.print_state == "printed", timeout=5000)
    image = printed_ticket(path.read_bytes())
    assert image.width == 576
    assert qr_texts(image) == [kiosk.window.ticket.issued.qr_payload]


def test_a_double_tap_issues_one_ticket(qtbot, make_kiosk, staff_engine):
    kiosk = make_kiosk()
    a = tile(kiosk, "A")
    a.click()
    a.click()
    qtbot.waitUntil(lambda: kiosk.window.ticket.issued is not None, timeout=5000)
    qtbot.waitUntil(lambda: kiosk.runner.pending == 0, timeout=5000)
    assert [t.label for t in staff_engine.waiting()] == ["A001"]


def test_the_second_tap_of_a_double_tap_does_not_close_the_new_ticket(qtbot, make_kiosk):
    kiosk = make_kiosk()
    tile(kiosk, "A").click()
    qtbot.waitUntil(lambda: kiosk.window.ticket.issued is not None, timeout=5000)
    kiosk.window.ticket.done_button.click()
    assert kiosk.window.current is kiosk.window.ticket


def test_done_goes_home_and_the_home_screen_counts_the_new_ticket(qtbot, make_kiosk):
    kiosk = make_kiosk(feed=True)
    tile(kiosk, "B").click()
    qtbot.waitUntil(lambda: kiosk.window.ticket.issued is not None, timeout=5000)
    kiosk.window.ticket._since.invalidate()
    kiosk.window.ticket.done_button.click()
    assert kiosk.window.current is kiosk.window.home
    qtbot.waitUntil(lambda: tile(kiosk, "B").state.waiting == 1, timeout=5000)
    assert kiosk.window.ticket.issued is None, "nothing of the last customer stays"


def test_waiting_counts_follow_tickets_issued_elsewhere(qtbot, make_kiosk, staff_engine):
    kiosk = make_kiosk(feed=True)
    staff_engine.issue("D")
    staff_engine.issue("D")
    qtbot.waitUntil(lambda: tile(kiosk, "D").state.waiting == 2, timeout=5000)
    assert "等候 2 人" in tile(kiosk, "D").detail_lines()[0]


def test_the_priority_lane_takes_two_taps(qtbot, make_kiosk, staff_engine):
    kiosk = make_kiosk()
    window = kiosk.window
    window.home.priority.buttons["elderly"].click()
    assert window.current is window.priority_lane
    window.priority_lane.services.tiles["A"].click()
    qtbot.waitUntil(lambda: window.ticket.issued is not None, timeout=5000)
    assert staff_engine.find_ticket(window.ticket.number.text).priority == "elderly"
    assert window.ticket._priority.isVisibleTo(window.ticket)


def test_the_priority_lane_lists_the_kinds_of_the_hall_settings(make_kiosk):
    kiosk = make_kiosk()
    assert list(kiosk.window.home.priority.buttons) == list(
        kiosk.hall.snapshot.settings.priority_kinds
    )


def test_a_closed_service_stays_visible_says_why_and_cannot_be_taken(
    qtbot, make_kiosk, staff_engine
):
    from sqlalchemy import update

    from common.models import Service

    staff_engine.db.transaction(
        lambda s: s.execute(update(Service).where(Service.code == "D").values(daily_limit=0))
    )
    kiosk = make_kiosk()
    d = tile(kiosk, "D")
    assert not d.isEnabled()
    assert d.detail_lines() == ["今日号码已取完"]
    d.click()
    assert kiosk.window.current is kiosk.window.home


def test_a_refused_issue_says_so_calmly(qtbot, make_kiosk, staff_engine):
    from sqlalchemy import update

    from common.models import Service

    kiosk = make_kiosk()
    # The service closes between the home screen's last refresh and the tap.
    staff_engine.db.transaction(
        lambda s: s.execute(update(Service).where(Service.code == "A").values(daily_limit=0))
    )
    tile(kiosk, "A").click()
    qtbot.waitUntil(lambda: kiosk.window.ticket.error_text != "", timeout=5000)
    assert kiosk.window.ticket.error_text == "这项业务今日号码已取完。"
    assert kiosk.window.ticket.number.text == ""
