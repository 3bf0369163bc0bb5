"""Arguments of `hallq counter` (kept free of Qt so `hallq --help` stays fast)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--window", type=int, metavar="N", help="this counter's window number")
    parser.add_argument(
        "--login", metavar="LOGIN", help="log in as LOGIN (password: env HALLQ_PASSWORD)"
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language (default from config)")
    parser.add_argument(
        "--view",
        choices=("console", "supervisor", "complaints", "reports", "admin"),
        default="console",
    )
    parser.add_argument(
        "--page",
        choices=("services", "windows", "staff", "notices", "settings"),
        default="services",
        help="which management page --view admin opens",
    )
    parser.add_argument(
        "--screenshot", metavar="PATH", help="render to PNG after loading, then exit"
    )
    parser.add_argument("--size", metavar="WxH", help="window size, e.g. 1366x768")


def run(args: argparse.Namespace) -> int:
    from counter.app import main

    return main(args)
