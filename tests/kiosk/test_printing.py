"""common.printing: printer specs, the ESC/POS job, and every kind of fault."""

from __future__ import annotations

import socket
import threading

import pytest
from escpos.exceptions import DeviceNotFoundError
from escpos.printer import Dummy
from PIL import Image, ImageDraw

from common.errors import ConfigError
from common.printing import PrintError, PrinterSpec, TicketPrinter, parse_printer_spec
from tests.kiosk.escpos_decode import printed_ticket, raster_images


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("none", PrinterSpec("none")),
        ("", PrinterSpec("none")),
        ("usb:0416:5011", PrinterSpec("usb", vendor_id=0x0416, product_id=0x5011)),
        ("usb:0x04b8:0x0202", PrinterSpec("usb", vendor_id=0x04B8, product_id=0x0202)),
        ("network:192.168.1.50", PrinterSpec("network", "192.168.1.50", 9100)),
        ("network:printer.local:9101", PrinterSpec("network", "printer.local", 9101)),
        ("serial:/dev/ttyUSB0", PrinterSpec("serial", "/dev/ttyUSB0", 9600)),
        ("serial:COM3:115200", PrinterSpec("serial", "COM3", 115200)),
        ("win32:POS-58 Printer", PrinterSpec("win32", "POS-58 Printer")),
        ("cups:TM-T20", PrinterSpec("cups", "TM-T20")),
        ("file:/dev/usb/lp0", PrinterSpec("file", "/dev/usb/lp0")),
        ("file:C:\\tickets\\out.bin", PrinterSpec("file", "C:\\tickets\\out.bin")),
        ("system:Office Laser", PrinterSpec("system", "Office Laser")),
    ],
)
def test_printer_specs_are_parsed(text, expected):
    assert parse_printer_spec(text) == expected


@pytest.mark.parametrize(
    "text",
    ["lpt:1", "usb:0416", "usb:xyz:5011", "usb:0:1", "network:", "network:host:70000", "file:"],
)
def test_bad_printer_specs_are_refused_clearly(text):
    with pytest.raises(ConfigError, match="printer spec"):
        parse_printer_spec(text)


def test_spec_reads_back_as_text():
    assert str(parse_printer_spec("usb:416:5011")) == "usb:0416:5011"
    assert str(parse_printer_spec("network:10.0.0.9")) == "network:10.0.0.9:9100"


def ticket_like(width: int = 384, height: int = 1200) -> Image.Image:
    image = Image.new("1", (width, height), 1)
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 120, 120), fill=0)
    draw.line((0, height - 1, width - 1, height - 1), fill=0)
    return image


class StatusDummy(Dummy):
    """A Dummy that answers the status query with fixed bytes."""

    def __init__(self, printer_status: bytes = b"\x12", paper_status: bytes = b"\x12") -> None:
        super().__init__()
        self._answers = {b"\x10\x04\x01": printer_status, b"\x10\x04\x04": paper_status}
        self._pending = b""

    def _raw(self, msg: bytes) -> None:
        self._pending = self._answers.get(msg, b"")
        super()._raw(msg)

    def _read(self) -> bytes:
        return self._pending


def test_an_image_is_printed_as_raster_and_cut():
    dummy = Dummy()
    printer = TicketPrinter(PrinterSpec("file", "x"), 2.0, 384, connect=lambda: dummy)
    report = printer.print_image(ticket_like())
    assert report.warning == ""
    out = dummy.output
    assert out.count(b"\x1dv0") == 2  # 1200 dots high: two fragments of at most 960
    assert b"\x1dVA" in out or b"\x1dV" in out  # the cut
    back = printed_ticket(out)
    assert back.size == (384, 1200)
    assert back.getpixel((50, 50)) == 0 and back.getpixel((300, 300)) == 255


def test_a_printer_that_does_not_answer_the_status_query_still_prints():
    dummy = StatusDummy(b"", b"")
    TicketPrinter(PrinterSpec("file", "x"), 2.0, 384, connect=lambda: dummy).print_image(
        ticket_like()
    )
    assert raster_images(dummy.output)


def test_paper_out_reported_by_the_printer_is_a_paper_out_fault():
    dummy = StatusDummy(b"\x12", b"\x72")
    printer = TicketPrinter(PrinterSpec("network", "x", 9100), 2.0, 384, connect=lambda: dummy)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "paper_out"
    assert "缺纸" in caught.value.message and "out of paper" in caught.value.message
    assert not raster_images(dummy.output), "nothing is sent to a printer without paper"


def test_an_offline_printer_status_is_an_offline_fault():
    dummy = StatusDummy(b"\x1a", b"\x12")
    printer = TicketPrinter(PrinterSpec("usb", vendor_id=1, product_id=2), 2.0, 384, lambda: dummy)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "offline"


def test_paper_running_low_prints_with_a_warning():
    dummy = StatusDummy(b"\x12", b"\x1e")
    report = TicketPrinter(PrinterSpec("usb", vendor_id=1, product_id=2), 2.0, 384, lambda: dummy)
    assert "paper is running low" in report.print_image(ticket_like()).warning
    assert raster_images(dummy.output)


def test_a_printer_that_cannot_be_opened_is_offline():
    def connect():
        raise DeviceNotFoundError("Could not open socket")

    printer = TicketPrinter(PrinterSpec("network", "x", 9100), 2.0, 384, connect=connect)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "offline"
    assert caught.value.code == "print_offline"


def test_an_exception_mid_job_is_a_failed_print():
    class Breaks(Dummy):
        def _raw(self, msg: bytes) -> None:
            if len(msg) > 1000:
                raise OSError("connection reset by peer")
            super()._raw(msg)

    printer = TicketPrinter(PrinterSpec("file", "x"), 2.0, 384, connect=Breaks)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "failed"
    assert "connection reset" in caught.value.message


def test_a_silent_printer_times_out_after_its_deadline_not_sixty_seconds():
    release = threading.Event()

    class Hangs(Dummy):
        def _raw(self, msg: bytes) -> None:
            release.wait(30)

        def close(self) -> None:
            release.set()

    printer = TicketPrinter(PrinterSpec("file", "x"), 0.2, 384, connect=Hangs)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "timeout"
    assert "0.2" in caught.value.message
    assert release.is_set(), "the stuck device is closed to free the job"


def test_a_timeout_raised_by_the_driver_is_a_timeout():
    class SocketTimeout(Dummy):
        def _raw(self, msg: bytes) -> None:
            raise TimeoutError("timed out")

    printer = TicketPrinter(PrinterSpec("network", "x", 9100), 2.0, 384, connect=SocketTimeout)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "timeout"


def test_an_image_wider_than_the_paper_is_refused():
    printer = TicketPrinter(PrinterSpec("file", "x"), 2.0, 384, connect=Dummy)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like(576, 100))
    assert caught.value.kind == "failed"


def test_a_network_printer_that_refuses_the_connection_is_offline():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = TicketPrinter(parse_printer_spec(f"network:127.0.0.1:{port}"), 1.0, 384)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "offline"


def test_a_network_printer_receives_the_ticket_bytes():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    received = bytearray()

    def serve():
        conn, _ = server.accept()
        with conn:
            while chunk := conn.recv(65536):
                received.extend(chunk)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    port = server.getsockname()[1]
    printer = TicketPrinter(parse_printer_spec(f"network:127.0.0.1:{port}"), 1.0, 384)
    printer.print_image(ticket_like())
    thread.join(5)
    server.close()
    assert printed_ticket(bytes(received)).size == (384, 1200)


def test_file_printer_writes_raw_escpos(tmp_path):
    path = tmp_path / "ticket.bin"
    TicketPrinter(parse_printer_spec(f"file:{path}"), 1.0, 576).print_image(ticket_like(576))
    assert printed_ticket(path.read_bytes()).size == (576, 1200)


def test_a_file_printer_in_a_missing_folder_is_offline(tmp_path):
    printer = TicketPrinter(parse_printer_spec(f"file:{tmp_path}/no/such/dir/t.bin"), 1.0, 384)
    with pytest.raises(PrintError) as caught:
        printer.print_image(ticket_like())
    assert caught.value.kind == "offline"


def test_paper_width_and_timeout_are_checked():
    with pytest.raises(ConfigError):
        TicketPrinter(PrinterSpec("file", "x"), 1.0, 400)
    with pytest.raises(ConfigError):
        TicketPrinter(PrinterSpec("file", "x"), 0, 384)
