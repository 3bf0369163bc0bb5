"""Starting the kiosk: `hallq kiosk` and `python -m kiosk`.

`build_kiosk` puts the pieces together (tests and the benchmark use it too); `main` reads the
PC's config and runs the window, or renders one screen to a PNG with `--screenshot`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from common.cli import pc_config
from common.engine import QueueEngine
from common.errors import BadInput
from common.printing import parse_printer_spec
from common.qt import theme
from common.qt.feed import QtChangeFeed
from common.qt.i18n import install_translations
from common.qt.ticket_image import qr_matrix
from common.qt.worker import OperationRunner
from kiosk import demo, operations
from kiosk.feedback_desk import FeedbackDesk
from kiosk.hall_state import HallState
from kiosk.issuing import TicketDesk
from kiosk.kiosk_window import CATALOGS, KioskWindow
from kiosk.ticket_printer import KioskPrinter, PrintOutcome

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1080, 1920)
LOAD_TIMEOUT_MS = 30_000


@dataclass
class Kiosk:
    """The kiosk's parts, built and torn down together."""

    window: KioskWindow
    hall: HallState
    desk: TicketDesk
    feedback: FeedbackDesk
    runner: OperationRunner
    print_runner: OperationRunner

    def start(self) -> None:
        self.hall.start()

    def shutdown(self) -> None:
        self.hall.stop()
        self.runner.shutdown()
        self.print_runner.shutdown()


def build_kiosk(
    connect: Callable[[], QueueEngine],
    printer: KioskPrinter,
    *,
    language: str = "zh_CN",
    kiosk_mode: bool = False,
    feed_factory: Callable[[int], QtChangeFeed] | None = None,
) -> Kiosk:
    """Assemble a kiosk (not started: call `start()` to connect to the hall)."""
    runner = OperationRunner()
    # The printer gets a worker of its own: a silent printer must not delay the next ticket.
    print_runner = OperationRunner()
    hall = HallState(runner, connect, feed_factory)
    desk = TicketDesk(hall, runner, print_runner, printer)
    feedback = FeedbackDesk(hall, runner)
    window = KioskWindow(hall, desk, feedback, language=language, kiosk_mode=kiosk_mode)
    hall.setParent(window)
    desk.setParent(window)
    feedback.setParent(window)
    return Kiosk(window, hall, desk, feedback, runner, print_runner)


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise BadInput(f"窗口尺寸格式应为 宽x高 / --size must be WIDTHxHEIGHT, not {text!r}")
    size = int(width), int(height)
    if not all(200 <= v <= 10_000 for v in size):
        raise BadInput(f"窗口尺寸超出范围 / --size out of range: {text!r}")
    return size


def wait_until_loaded(kiosk: Kiosk, timeout_ms: int = LOAD_TIMEOUT_MS) -> bool:
    """Run the event loop until the hall has loaded (or is known to be unreachable)."""
    if kiosk.hall.available is not None:
        return True
    loop = QEventLoop()
    kiosk.hall.availability_changed.connect(loop.quit)
    # A timer owned here and stopped after: a pending QTimer.singleShot with a Python callable
    # outliving this function crashed the interpreter at exit (PySide 6.12).
    deadline = QTimer(singleShot=True, interval=timeout_ms)
    deadline.timeout.connect(loop.quit)
    deadline.start()
    loop.exec()
    deadline.stop()
    kiosk.hall.availability_changed.disconnect(loop.quit)
    return kiosk.hall.available is not None


def show_demo_screen(kiosk: Kiosk, screen: str) -> None:
    """Put `screen` on show, with demo data where it needs a ticket (screenshots only)."""
    window, snapshot = kiosk.window, kiosk.hall.snapshot
    if snapshot is None or screen == "home":
        return
    if screen in ("ticket", "ticket-failed"):
        issued = demo.issued_ticket(snapshot, kiosk.hall.engine)
        window.ticket.show_pending("")
        window.ticket.show_ticket(issued, qr_matrix(issued.qr_payload))
        state = "failed" if screen == "ticket-failed" else "printed"
        window.ticket.show_print_outcome(issued.ticket.id, PrintOutcome(state))
        window.show_screen(window.ticket)
    elif screen == "priority":
        kind = (snapshot.settings.priority_kinds or ("elderly",))[0]
        window.priority_lane.show_kind(kind, snapshot.services)
        window.show_screen(window.priority_lane)
    elif screen == "rate":
        window.rate_score.show_target(demo.rating_target(snapshot, kiosk.hall.engine))
        window.show_screen(window.rate_score)
    elif screen == "rate-code":
        window.show_screen(window.rate_lookup)
    elif screen == "rate-reasons":
        window.rate_reasons.ask(2)
        window.show_screen(window.rate_reasons)
    elif screen == "complaint":
        window.show_screen(window.complaint)
    elif screen == "thanks":
        window.thanks.show_thanks("feedback", "12", offer_ticket=True)
        window.show_screen(window.thanks)
    elif screen == "paused":
        window.suspended.set_starting(False)
        window.show_screen(window.suspended)
    elif screen == "admin":
        window.admin_exit.ask(snapshot.settings.kiosk_pin)
        window.show_screen(window.admin_exit)


def take_screenshot(app: QApplication, kiosk: Kiosk, screen: str, path: str) -> int:
    if not wait_until_loaded(kiosk):
        log.warning("the hall did not load in time; picturing what is on screen")
    show_demo_screen(kiosk, screen)
    for _ in range(3):
        app.processEvents()
    if not kiosk.window.grab().save(path):
        print(f"hallq: 无法保存截图 / cannot write {path}", file=sys.stderr)
        return 1
    return 0


def _calm_excepthook(window: KioskWindow) -> Callable[..., None]:
    """Unexpected errors go to the log; the customer just sees the home screen again."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error in the kiosk", exc_info=(kind, value, tb))
        try:
            window.go_home()
        except Exception:  # noqa: BLE001 — never let the hook itself fail loudly
            log.exception("could not return to the home screen")

    return hook


def main(args: argparse.Namespace) -> int:
    config = pc_config(args)
    language = args.lang or config.language
    screenshot = args.screenshot
    spec = parse_printer_spec("none" if screenshot else (args.printer or config.printer))
    size = parse_size(args.size)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("the kiosk needs a QApplication, not a QCoreApplication")
    theme.apply_base_font(app)
    install_translations(app, language, CATALOGS)
    url, hall_code = config.db_url, config.hall
    kiosk = build_kiosk(
        lambda: operations.connect(url, hall_code),
        KioskPrinter.from_config(spec, config),
        language=language,
        kiosk_mode=args.fullscreen and not screenshot,
        feed_factory=None if screenshot else (lambda hall_id: QtChangeFeed(url, hall_id)),
    )
    window = kiosk.window
    previous_hook = sys.excepthook
    sys.excepthook = _calm_excepthook(window)
    try:
        kiosk.start()
        if screenshot:
            window.resize(*(size or DEFAULT_SIZE))
            window.show()
            return take_screenshot(app, kiosk, args.screen, screenshot)
        if size:
            window.resize(*size)
            window.show()
        elif args.fullscreen:
            # Without a window manager (a bare X server on a kiosk PC) "full screen" alone
            # leaves the window at its default size.
            window.setGeometry(window.screen().geometry())
            window.showFullScreen()
        else:
            window.showMaximized()
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook
        kiosk.shutdown()
