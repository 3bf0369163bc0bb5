"""The whole hall, with the real apps as separate processes on one database, driven by keys.

A customer takes a ticket at the kiosk (keypad digit), the printed bytes carry a QR code; the
clerk at window 1 calls it (F1), the board's voice announces it, the clerk starts (F3) and
finishes (F4); back at the kiosk the customer's ticket is scanned (the QR text typed as a USB
scanner does) and scored with a key. The database's event log is the witness throughout.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from common import tokens
from common.db import Database
from common.engine import QueueEngine
from common.feed import Change, changes_after
from common.models import Staff, Window
from tests.e2e.conftest import REPO, App, HallApps, Keyboard, wait_for
from tests.kiosk.escpos_decode import printed_ticket, qr_texts

pytestmark = pytest.mark.slow

# How long one key press is given to show its effect before it is pressed again: an app
# says nothing when it has finished loading, so the first press may land on its start screen.
PRESS_EFFECT_S = 8.0
FLOW_TIMEOUT_S = 120.0


class HallLog:
    """The hall's event log, read from outside like an auditor."""

    def __init__(self, url: str, hall: str) -> None:
        self.db = Database(url)
        self.engine = QueueEngine(self.db, hall)
        self.seen: list[Change] = []

    def refresh(self) -> list[Change]:
        cursor = self.seen[-1].id if self.seen else 0
        while batch := changes_after(self.db, self.engine.hall_id, cursor):
            self.seen.extend(batch)
            cursor = batch[-1].id
        return self.seen

    def find(self, kind: str, ticket_id: int | None = None) -> Change | None:
        for change in self.refresh():
            if change.kind == kind and (ticket_id is None or change.ticket_id == ticket_id):
                return change
        return None

    def ids(self, window: int, login: str) -> tuple[int, int]:
        def run(s) -> tuple[int, int]:
            hall_id = self.engine.hall_id
            window_id = s.scalar(
                select(Window.id).where(Window.hall_id == hall_id, Window.number == window)
            )
            staff_id = s.scalar(
                select(Staff.id).where(Staff.hall_id == hall_id, Staff.login == login)
            )
            return window_id, staff_id

        return self.db.transaction(run, write=False)


@pytest.fixture
def make_log() -> Iterator[Callable[[str, str], HallLog]]:
    logs: list[HallLog] = []

    def make(url: str, hall: str) -> HallLog:
        logs.append(HallLog(url, hall))
        return logs[-1]

    yield make
    for log in logs:
        log.db.dispose()


def press_until(
    keyboard: Keyboard,
    app: App,
    press: Callable[[], None],
    what: str,
    probe: Callable[[], object],
    effect_s: float = PRESS_EFFECT_S,
) -> object:
    """Press, give it `effect_s` to show, press again while the app is still loading."""
    deadline = time.monotonic() + FLOW_TIMEOUT_S
    while True:
        keyboard.hall.check_running()
        press()
        try:
            return wait_for(what, probe, effect_s)
        except pytest.fail.Exception:
            if time.monotonic() > deadline:
                raise


def start_hall(hall: HallApps, url: str, code: str, printer: Path) -> tuple[App, App, App]:
    db = ["--db", url, "--hall", code]
    kiosk = hall.start("kiosk", "kiosk", *db, "--printer", f"file:{printer}", "--size", "1080x1080")
    counter = hall.start(
        "counter",
        "counter",
        *db,
        "--window",
        "1",
        "--login",
        "1001",
        "--size",
        "1366x768",
        env={"HALLQ_PASSWORD": "demo"},
    )
    board = hall.start("display", "display", *db, "--voice-engine", "mock", "--size", "1280x720")
    return kiosk, counter, board


def run_the_hall(hall_apps, keyboard, log: HallLog, url: str, code: str, tmp_path) -> None:
    printer = tmp_path / "ticket.bin"
    kiosk, counter, board = start_hall(hall_apps, url, code, printer)
    for app in (kiosk, counter, board):
        keyboard.window_of(app)
    timings: dict[str, float] = {}
    started = time.monotonic()

    def mark(step: str) -> None:
        timings[step] = round(time.monotonic() - started, 1)

    # The kiosk: the keypad's 1 takes the first tile (A 居民业务).
    issued = press_until(
        keyboard,
        kiosk,
        lambda: keyboard.key(kiosk, "1"),
        "a ticket issued at the kiosk",
        lambda: log.find("issued"),
    )
    ticket = log.engine.ticket(issued.ticket_id)
    assert ticket.label == "A001"
    mark("issued")

    # The printed bytes: a raster image whose QR code is the ticket's signed token.
    wait_for("the ticket printed", lambda: log.find("printed", ticket.id))
    (qr_text,) = qr_texts(printed_ticket(printer.read_bytes()))
    ref = tokens.verify(log.engine.settings.hmac_secret, qr_text)
    assert (ref.number, ref.day) == (ticket.number, ticket.day)
    mark("printed")

    # The counter calls it with F1.
    called = press_until(
        keyboard,
        counter,
        lambda: keyboard.key(counter, "F1"),
        "A001 called at window 1",
        lambda: log.find("called", ticket.id),
    )
    assert (called.details["label"], called.details["window"]) == ("A001", 1)
    mark("called")

    # The board announces it (the mock engine writes what it says to the display's log);
    # the number is read out digit by digit, as a caller says it.
    spoken = "voice (mock): zh 请 A 零 零 一 号到 1 号窗口办理"
    wait_for(f"the board saying {spoken!r}", lambda: spoken in board.log_text(), 60)
    mark("announced")

    keyboard.key(counter, "F3")
    wait_for("A001 started", lambda: log.find("started", ticket.id))
    # 办结 asks for the outcome; Enter takes the first one (已办结).
    keyboard.key(counter, "F4")
    keyboard.key(counter, "Return", window=keyboard.dialog_of(counter))
    wait_for("A001 finished", lambda: log.find("finished", ticket.id))
    mark("finished")

    # Back at the kiosk: the QR code scanned (a scanner types it and presses Enter), then 5.
    # The faces show once the kiosk has looked the ticket up; a 5 pressed before that is
    # taken as a stray key, so it is pressed again (more than a scan's gap later).
    keyboard.type(kiosk, qr_text)
    rated = press_until(
        keyboard,
        kiosk,
        lambda: keyboard.key(kiosk, "5"),
        "the rating of A001",
        lambda: log.find("rated", ticket.id),
        effect_s=2.0,
    )
    mark("rated")
    assert (rated.window_id, rated.staff_id) == log.ids(1, "1001")
    view = log.engine.find_ticket("A001")
    assert (view.status, view.window, view.staff_login) == ("done", 1, "1001")
    hall_apps.check_running()
    for app in (kiosk, counter, board):
        problems = [line for line in app.log_text().splitlines() if " ERROR " in line]
        assert problems == [], f"{app.name} logged errors: {problems}"
    print(f"\nend-to-end timings (s since the apps showed their windows): {timings}")


def test_a_ticket_goes_round_the_hall_on_sqlite(hall_apps, keyboard, make_log, tmp_path):
    url = f"sqlite:///{(tmp_path / 'hall.db').as_posix()}"
    subprocess.run(
        [sys.executable, "-m", "common.cli", "init", "--demo", "--db", url],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=60,
    )
    run_the_hall(hall_apps, keyboard, make_log(url, "main"), url, "main", tmp_path)


@pytest.mark.pg
def test_a_ticket_goes_round_the_hall_on_postgresql(
    hall_apps, keyboard, make_log, pg_hall, tmp_path
):
    url, code = pg_hall
    run_the_hall(hall_apps, keyboard, make_log(url, code), url, code, tmp_path)
