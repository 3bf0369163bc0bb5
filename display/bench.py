"""The board's benchmarks, run by `hallq bench`.

* `measure_call_to_paint`: a thread commits calls through the engine, as a counter PC would;
  the board (offscreen) learns of them through the change feed and paints them. The time from
  the commit returning to the end of the paint of that number is `display.call_to_paint_ms`.
* `measure_rss_growth`: the board takes 10,000 call events; its memory before and after is
  `display.rss_growth_mb` (a board hangs for weeks without a restart).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from common.db import Database
from common.engine import QueueEngine
from common.errors import HallqError
from common.feed import Change


def rss_mb() -> float:
    """This process's resident memory in MB (psutil if installed, else /proc, else the OS)."""
    try:
        import psutil

        return psutil.Process().memory_info().rss / 2**20
    except ImportError:
        pass
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        import ctypes
        from ctypes import wintypes

        class Counters(ctypes.Structure):
            _fields_ = [
                ("cb", wintypes.DWORD),
                ("PageFaultCount", wintypes.DWORD),
                ("PeakWorkingSetSize", ctypes.c_size_t),
                ("WorkingSetSize", ctypes.c_size_t),
                ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPagedPoolUsage", ctypes.c_size_t),
                ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                ("PagefileUsage", ctypes.c_size_t),
                ("PeakPagefileUsage", ctypes.c_size_t),
            ]

        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        process = ctypes.windll.kernel32.GetCurrentProcess()
        ctypes.windll.psapi.GetProcessMemoryInfo(process, ctypes.byref(counters), counters.cb)
        return counters.WorkingSetSize / 2**20
    import resource

    # Peak, not current, resident size — the best this platform offers without psutil.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (2**20 if sys.platform == "darwin" else 1024)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


class _OffscreenBoard:
    """A board with its own worker, link and (mock) voice, shown offscreen."""

    def __init__(self, db_url: str, hall: str) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from common.qt.worker import OperationRunner
        from display.app import build
        from display.voice import MockVoice

        self.app = QApplication.instance() or QApplication([])
        self.runner = OperationRunner()
        parts = build(db_url, hall, self.runner, MockVoice(), announcer_gaps=(0, 0))
        self.link, self.board, self.announcer = parts.link, parts.board, parts.announcer
        self.announcer.start()
        self.board.resize(1920, 1080)
        self.board.show()
        self.link.start()
        if not self.run_until(lambda: self.board.loaded, 30):
            self.close()
            raise HallqError("the board did not load the hall within 30 s")

    def run_until(self, done: Callable[[], bool], timeout_s: float) -> bool:
        """Run the board's event loop until `done()` (checked every few ms) or the timeout.

        The loop waits inside Qt between events, as `app.exec()` does in the hall; a Python
        loop around `processEvents()` would hold the interpreter and slow the feed down.
        """
        from PySide6.QtCore import QEventLoop, QTimer

        deadline = time.monotonic() + timeout_s
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(5)

        def check() -> None:
            if done() or time.monotonic() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        timer.start()
        if not done():
            loop.exec()
        timer.stop()
        return done()

    def close(self) -> None:
        self.link.stop()
        self.announcer.shutdown()
        self.runner.shutdown()
        self.board.close()
        self.board.deleteLater()
        self.app.processEvents()


def _counter_pc(db_url: str, hall: str, calls: int, commits: Any, painted: Any) -> None:
    """Another process, like a counter PC: issue and call `calls` tickets, one at a time.

    After each commit it sends (number, perf_counter) and waits until the board has painted
    that number. `perf_counter` is one clock for the whole machine (CLOCK_MONOTONIC on Linux,
    QueryPerformanceCounter on Windows), so the two processes' readings compare.
    """
    db = Database(db_url)
    try:
        engine = QueueEngine(db, hall)
        windows = [
            w.number
            for w in engine.windows()
            if w.state in ("idle", "calling", "serving")
            and any(code == "A" for code, _ in w.services)
        ]
        if not windows:
            commits.put(("error", "no open window serves service A"))
            return
        for i in range(calls):
            window = windows[i % len(windows)]
            if engine.window_state(window).current is not None:
                engine.finish(window)
            engine.issue("A")
            ticket = engine.call_next(window)
            commits.put((ticket.label, time.perf_counter()))
            painted.wait(5)
            painted.clear()
    except HallqError as e:
        commits.put(("error", e.message))
    finally:
        commits.put(("done", 0.0))
        db.dispose()


def measure_call_to_paint(db_url: str, hall: str = "main", calls: int = 200) -> dict[str, Any]:
    """Commit → painted on the board, per call: {"p50_ms", "p95_ms", "n"}."""
    import multiprocessing
    import queue

    board = _OffscreenBoard(db_url, hall)
    painted: dict[str, float] = {}
    board.board.current_call.painted.connect(lambda label, at: painted.setdefault(label, at))
    context = multiprocessing.get_context("spawn")
    commits = context.Queue()
    acknowledged = context.Event()
    counter = context.Process(
        target=_counter_pc,
        args=(db_url, hall, calls, commits, acknowledged),
        name="bench-counter",
        daemon=True,
    )
    committed: dict[str, float] = {}
    outcome: list[str] = []

    def step() -> bool:
        """Take the counter's news; tell it when its last call is on screen."""
        try:
            while True:
                label, at = commits.get_nowait()
                if label in ("done", "error"):
                    outcome.append(str(at) if label == "error" else "")
                else:
                    committed[label] = at
        except queue.Empty:
            if not counter.is_alive() and not outcome:
                outcome.append(f"the counter process ended with code {counter.exitcode}")
        waiting = [label for label in committed if label not in acked]
        for label in waiting:
            if label in painted:
                acked.add(label)
                acknowledged.set()
        return bool(outcome)

    acked: set[str] = set()
    counter.start()
    try:
        board.run_until(step, calls * 5 + 60)
    finally:
        counter.join(10)
        if counter.is_alive():
            counter.terminate()
        board.close()
    if outcome and outcome[0]:
        raise HallqError(f"bench counter failed: {outcome[0]}")
    delays = [
        max(0.0, (painted[label] - at) * 1000)
        for label, at in committed.items()
        if label in painted
    ]
    if not delays:
        return {"p50_ms": None, "p95_ms": None, "n": 0}
    return {
        "p50_ms": round(statistics.median(delays), 1),
        "p95_ms": round(_percentile(delays, 0.95), 1),
        "n": len(delays),
    }


def measure_rss_growth(db_url: str, hall: str = "main", calls: int = 10000) -> dict[str, Any]:
    """Feed the board `calls` call events; its memory before and after, in MB."""
    board = _OffscreenBoard(db_url, hall)
    try:
        feed = board.link.feed
        assert feed is not None
        windows = sorted(board.board.windows.tiles) or [1]
        first_id = board.link.snapshot.cursor + 1 if board.link.snapshot else 1

        def feed_calls(start: int, count: int) -> None:
            batch: list[Change] = []
            for i in range(start, start + count):
                window = windows[i % len(windows)]
                label = f"{'ABCDE'[i % 5]}{i % 1000:03d}"
                batch.append(
                    Change(
                        first_id + i,
                        "recalled" if i % 7 == 0 else "called",
                        datetime.now(UTC),
                        None,
                        None,
                        None,
                        None,
                        {"label": label, "window": window},
                    )
                )
                if len(batch) == 20:
                    # The same path as the database's events: the feed's signal.
                    feed.changed.emit(batch)
                    batch = []
                    board.app.processEvents()
            if batch:
                feed.changed.emit(batch)
            board.run_until(lambda: board.runner.pending == 0, 30)

        # Warm up fonts, caches and the worker before the first reading.
        feed_calls(0, 500)
        gc.collect()
        before = rss_mb()
        feed_calls(500, calls)
        gc.collect()
        board.app.processEvents()
        after = rss_mb()
    finally:
        board.close()
    return {
        "rss_before_mb": round(before, 1),
        "rss_after_mb": round(after, 1),
        "growth_mb": round(after - before, 1),
    }
