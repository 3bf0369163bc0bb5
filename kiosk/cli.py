"""Arguments of `hallq kiosk` (kept free of Qt so `hallq --help` stays fast)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fullscreen", action="store_true", help="frameless, on top (kiosk mode)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default from config)")
    parser.add_argument(
        "--printer",
        metavar="SPEC",
        help="usb:VID:PID | network:HOST[:PORT] | serial:DEV[:BAUD] | win32:NAME | cups:NAME | "
        "file:PATH | system:NAME | none",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render to PNG after loading, then exit"
    )
    parser.add_argument(
        "--screen",
        choices=(
            "home",
            "ticket",
            "rate",
            "complaint",
            "ticket-failed",
            "priority",
            "rate-code",
            "rate-reasons",
            "thanks",
            "paused",
            "admin",
        ),
        default="home",
        help="which screen to show (with --screenshot; demo data where it needs a ticket)",
    )
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1080x1920 (portrait)")


def run(args: argparse.Namespace) -> int:
    from kiosk.app import main

    return main(args)
