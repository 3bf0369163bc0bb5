"""`hallq counter`: start the counter app (also `python -m counter`).

With `--screenshot PATH` it renders the asked-for view once its data has loaded, writes the
PNG and exits 0; with `--login` (password from env HALLQ_PASSWORD) it logs in first, and a
refused login or view exits non-zero.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from common.cli import pc_config
from common.errors import BadInput
from common.qt import theme
from common.qt.i18n import install_translations
from counter.counter_window import CounterWindow, StartOptions
from counter.style import stylesheet

log = logging.getLogger(__name__)

CATALOGS = ["counter", "reports", "common"]
# Time for the last layout and paint after the data arrived, before the picture is taken.
SETTLE_MS = 400
SCREENSHOT_TIMEOUT_MS = 60_000


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        width, height = (int(part) for part in text.lower().split("x", 1))
    except ValueError:
        raise BadInput(
            f"窗口大小格式应为 1366x768 / size must look like 1366x768: {text!r}"
        ) from None
    if width < 320 or height < 240:
        raise BadInput(f"窗口太小 / size too small: {text!r}")
    return width, height


def main(args: argparse.Namespace) -> int:
    config = pc_config(args)
    size = parse_size(args.size)
    language = args.lang or config.language
    options = StartOptions(
        window=args.window if args.window is not None else config.window,
        login=args.login or "",
        password=os.environ.get("HALLQ_PASSWORD") if args.login else None,
        view=args.view,
        admin_page=getattr(args, "page", None) or "services",
    )
    if args.screenshot and not args.login and args.view != "console":
        raise BadInput("截图某个页面需要 --login / --view needs --login for a screenshot")

    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("the counter needs a QApplication, not a QCoreApplication")
    app.setApplicationName("hallq-counter")
    install_translations(app, language, CATALOGS)
    theme.apply_base_font(app, 11)
    app.setStyleSheet(stylesheet())

    window = CounterWindow(config, options)
    if size:
        window.resize(*size)
    exit_code = 0

    def fail(code: int, reason: str) -> None:
        nonlocal exit_code
        if args.screenshot or args.login:
            print(f"hallq counter: {reason}", file=sys.stderr)
        if args.screenshot:
            exit_code = code
            app.quit()

    def take_picture() -> None:
        image = window.grab()
        if not image.save(args.screenshot):
            fail(1, f"cannot write {args.screenshot}")
            return
        app.quit()

    window.failed.connect(fail)
    if args.screenshot:
        window.ready.connect(lambda: QTimer.singleShot(SETTLE_MS, take_picture))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: fail(1, "timed out waiting for data"))
        window.show()
    elif size:
        window.show()
    else:
        window.showMaximized()
    app.exec()
    if not args.screenshot:
        return 0
    window.close()
    return exit_code
