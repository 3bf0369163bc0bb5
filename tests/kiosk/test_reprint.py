"""`hallq reprint NUMBER`: print a ticket again, marked as a reprint."""

from __future__ import annotations

import socket

from common import tokens
from common.cli import main
from tests.kiosk.escpos_decode import printed_ticket, qr_texts


def test_reprint_prints_the_same_qr_and_records_the_print(tmp_path, hall_url, staff_engine, capsys):
    issued = staff_engine.issue("A")
    staff_engine.issue("A")
    out = tmp_path / "ticket.bin"
    day = issued.ticket.day.isoformat()  # the test clock's day, not today
    code = main(["reprint", "A001", "--db", hall_url, "--printer", f"file:{out}", "--day", day])
    assert code == 0
    assert "A001" in capsys.readouterr().out
    image = printed_ticket(out.read_bytes())
    (text,) = qr_texts(image)
    assert tokens.verify(staff_engine.settings.hmac_secret, text).number == 1
    assert text == issued.qr_payload
    assert staff_engine.find_ticket("A001").printed is True


def test_a_failed_reprint_says_why_and_exits_non_zero(tmp_path, hall_url, staff_engine, capsys):
    day = staff_engine.issue("B").ticket.day.isoformat()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    printer = f"network:127.0.0.1:{port}"
    code = main(["reprint", "B001", "--db", hall_url, "--printer", printer, "--day", day])
    assert code == 1
    assert "B001" in capsys.readouterr().err
    assert staff_engine.find_ticket("B001").printed is False


def test_reprint_needs_a_printer(hall_url, staff_engine, capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("HALLQ_CONFIG", str(tmp_path / "none.toml"))
    day = staff_engine.issue("A").ticket.day.isoformat()
    assert main(["reprint", "A001", "--db", hall_url, "--day", day]) == 2
    assert "--printer" in capsys.readouterr().err


def test_an_unknown_number_is_a_clear_error(hall_url, tmp_path, capsys):
    assert main(["reprint", "Z999", "--db", hall_url, "--printer", f"file:{tmp_path}/x"]) == 2
    assert "Z999" in capsys.readouterr().err


def test_reprint_does_not_import_qt_for_help():
    import subprocess
    import sys

    code = (
        "import sys, kiosk.reprint, kiosk.cli; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
