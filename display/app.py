"""`hallq display`: the wall board with voice announcements."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from dataclasses import dataclass

from PySide6.QtCore import QLoggingCategory, Qt, QTimer
from PySide6.QtWidgets import QApplication

from common.cli import pc_config
from common.clock import Clock, SystemClock
from common.qt import theme
from common.qt.i18n import install_translations
from common.qt.worker import OperationRunner
from display.board import Board
from display.hall_link import HallLink
from display.palette import palette_for
from display.voice import Announcer, VoiceEngine, create_voice

log = logging.getLogger(__name__)

SCREENSHOT_TIMEOUT_MS = 20000


def parse_size(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    try:
        width, height = (int(v) for v in text.lower().split("x", 1))
    except ValueError:
        raise SystemExit(f"hallq display: --size must look like 1920x1080, not {text!r}") from None
    return width, height


@dataclass
class Display:
    """The parts of a running board, wired together."""

    link: HallLink
    board: Board
    announcer: Announcer


def build(
    url: str,
    hall: str,
    runner: OperationRunner,
    voice: VoiceEngine,
    *,
    theme_name: str = "dark",
    english: bool = False,
    windows: tuple[int, ...] | None = None,
    clock: Clock | None = None,
    announcer_gaps: tuple[int, int] | None = None,
) -> Display:
    """The board, its link to the hall and its voice (not started: call `link.start()`).

    Args:
        clock: inject a clock (tests); the hall's engine uses it too.
        announcer_gaps: pauses after the chime and between sentences, in ms (tests: 0).
    """
    link = HallLink(url, hall, runner, windows=windows, clock=clock)
    board = Board(link, palette_for(theme_name), clock or SystemClock(), english=english)
    chime_gap, sentence_gap = announcer_gaps or (250, 600)
    announcer = Announcer(voice, chime_gap_ms=chime_gap, sentence_gap_ms=sentence_gap)
    link.announce.connect(announcer.announce)
    link.loaded.connect(lambda snapshot: announcer.apply_settings(snapshot.settings))
    link.loaded.connect(lambda snapshot: announcer.set_services(snapshot.services))
    link.counts_updated.connect(announcer.set_services)
    announcer.problem_changed.connect(board.set_voice_problem)
    announcer.problem_changed.connect(
        lambda problem: link.report_voice(problem.report_text() if problem else "")
    )
    return Display(link, board, announcer)


def main(args: argparse.Namespace) -> int:
    config = pc_config(args)
    language = args.lang or config.language
    size = parse_size(args.size)
    # Qt Multimedia reports every optional library it probes for (VA-API, PipeWire) as a
    # warning; none of them matters for playing a chime.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver=false")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("the board needs a QApplication, not a QCoreApplication")
    app.setApplicationName("hallq-display")
    install_translations(app, language, ["display", "common"])
    theme.apply_base_font(app)

    runner = OperationRunner()
    voice_kind = "none" if args.no_voice else args.voice_engine
    display = build(
        config.db_url,
        config.hall,
        runner,
        # A screenshot needs no sound system (and must not report on this PC's voice).
        create_voice("none" if args.screenshot else voice_kind, args.clips, args.voice),
        theme_name=args.theme,
        english=language == "en",
        windows=args.windows,
    )
    link, board, announcer = display.link, display.board, display.announcer
    if not args.screenshot:
        announcer.start()

    board.resize(*(size or (1920, 1080)))
    if args.fullscreen:
        board.setCursor(Qt.CursorShape.BlankCursor)
        board.showFullScreen()
    else:
        board.show()

    result = {"code": 0}
    if args.screenshot:
        path = args.screenshot

        def shoot(loaded: bool) -> None:
            if result.get("shooting"):
                return
            result["shooting"] = 1
            # Let the layout settle and the first frame paint before grabbing it.
            QTimer.singleShot(300, lambda: finish(loaded))

        def finish(loaded: bool) -> None:
            if not board.grab().save(path):
                print(f"hallq display: cannot write {path}", file=sys.stderr)
                result["code"] = 1
            elif not loaded:
                print(
                    "hallq display: the hall did not load; picture shows the waiting board",
                    file=sys.stderr,
                )
                result["code"] = 1
            app.quit()

        link.loaded.connect(lambda _snapshot: shoot(True))
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: shoot(False))

    # Let Ctrl+C end the board: Python only runs signal handlers between Qt events.
    signal.signal(signal.SIGINT, lambda *_: app.quit())
    wake = QTimer()
    wake.start(500)
    wake.timeout.connect(lambda: None)

    link.start()
    try:
        app.exec()
    finally:
        link.stop()
        announcer.shutdown()
        runner.shutdown()
    return result["code"]
