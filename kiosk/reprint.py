"""`hallq reprint NUMBER`: print a ticket again (staff use it when a print failed).

Kept free of Qt at import time so `hallq --help` stays fast; drawing needs Qt, so `run`
imports it.
"""

from __future__ import annotations

import argparse
import os
import sys

from common.cli import day_arg, open_engine, pc_config
from common.errors import ConfigError

PRINTER_HELP = (
    "usb:VID:PID | network:HOST[:PORT] | serial:DEV[:BAUD] | win32:NAME | cups:NAME | "
    "file:PATH | system:NAME (default: this PC's printer)"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("number", metavar="NUMBER", help="the ticket number, e.g. A012")
    parser.add_argument("--printer", metavar="SPEC", help=PRINTER_HELP)
    parser.add_argument(
        "--day", type=day_arg, help="YYYY-MM-DD (default: the hall's current service day)"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the ticket")


def ahead_and_wait(engine, ticket) -> tuple[int | None, float | None]:
    """People ahead and expected wait now, for a ticket still waiting (else nothing)."""
    if ticket.status != "waiting":
        return None, None
    queue = [t for t in engine.waiting(limit=10_000) if t.service_code == ticket.service_code]
    ahead = next((i for i, t in enumerate(queue) if t.id == ticket.id), len(queue))
    state = next((s for s in engine.services() if s.code == ticket.service_code), None)
    per_person = state.expected_wait_min / state.waiting if state and state.waiting else 0.0
    return ahead, round(ahead * per_person, 1)


def run(args: argparse.Namespace) -> int:
    from common.printing import parse_printer_spec

    config = pc_config(args)
    spec = parse_printer_spec(args.printer or config.printer)
    if spec.kind == "none":
        raise ConfigError(
            "本机没有配置打印机，请用 --printer 指定 / no printer is configured: use --printer"
        )
    engine = open_engine(args)
    ticket = engine.find_ticket(args.number, args.day)

    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        # A server or an SSH session: drawing the ticket needs no screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from common import tokens
    from common.qt import theme
    from common.qt.i18n import install_translations
    from kiosk.ticket_printer import KioskPrinter, print_and_record, ticket_content

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("reprinting needs a QApplication, not a QCoreApplication")
    theme.apply_base_font(app)
    install_translations(app, args.lang or config.language, ["kiosk", "common"])
    settings = engine.settings
    ahead, wait = ahead_and_wait(engine, ticket)
    content = ticket_content(
        ticket,
        settings,
        engine.check_code_for(ticket),
        tokens.qr_payload(settings.qr_base_url, ticket.token),
        ahead,
        wait,
        reprint=True,
    )
    outcome = print_and_record(engine, KioskPrinter.from_config(spec, config), ticket.id, content)
    if outcome.state != "printed":
        print(f"hallq: {ticket.label} 未能补打 / not reprinted: {outcome.message}", file=sys.stderr)
        return 1
    print(f"已补打 / reprinted {ticket.label} ({spec})")
    return 0
