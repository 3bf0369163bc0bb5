"""`hallq demo`: the whole hall in one command.

Seeds the demo hall (in the user data folder, or `--db`), then starts the kiosk, two counter
consoles logged in as demo clerks (windows 1 and 2) and the wall board, each as its own
process, like the PCs of a real hall. Unless `--no-sim`, simulated customers arrive and
simulated clerks at the other windows call, serve and get rated at a watchable pace, so the
board fills and speaks within seconds. Ctrl-C, or closing every app window, stops it all.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from typing import Any

from common.config import data_dir

log = logging.getLogger(__name__)

HUMAN_WINDOWS = {1: "1001", 2: "1002"}
SIM_WINDOWS = (3, 4, 5, 6)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-sim", action="store_true", help="no simulated customers and clerks")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="language of the apps")
    parser.add_argument("--seconds", type=float, help="stop by itself after this many seconds")
    parser.add_argument(
        "--pace", type=float, default=1.0, help="simulation speed (2 = twice as busy)"
    )


def demo_db_url() -> str:
    return f"sqlite:///{(data_dir() / 'demo.db').as_posix()}"


def app_commands(
    url: str, hall: str, lang: str | None
) -> list[tuple[str, list[str], dict[str, str]]]:
    """(name, argv, extra environment) of each app process of the demo hall."""
    common = ["--db", url, "--hall", hall] + (["--lang", lang] if lang else [])
    py = [sys.executable, "-m"]
    apps: list[tuple[str, list[str], dict[str, str]]] = [("kiosk", [*py, "kiosk", *common], {})]
    for window, login in HUMAN_WINDOWS.items():
        apps.append(
            (
                f"counter-{window}",
                [*py, "counter", *common, "--window", str(window), "--login", login],
                {"HALLQ_PASSWORD": "demo"},
            )
        )
    apps.append(("display", [*py, "display", *common], {}))
    return apps


@dataclass
class SimulatedHall:
    """Customers and clerks in real time: arrivals every few seconds, short services."""

    engine: Any
    pace: float = 1.0
    rng: random.Random = field(default_factory=lambda: random.Random(20261122))
    next_arrival: float = 0.0
    busy_until: dict[int, float] = field(default_factory=dict)
    tokens: dict[int, str] = field(default_factory=dict)

    def step(self, now: float) -> None:
        from common.errors import HallqError

        if now >= self.next_arrival:
            service = self.rng.choice("AAABBCCCDE")
            priority = "elderly" if self.rng.random() < 0.1 else "none"
            try:
                self.engine.issue(service, priority)
            except HallqError as e:
                log.info("demo arrival refused: %s", e)
            self.next_arrival = now + self.rng.expovariate(1 / 6.0) / self.pace
        for window in SIM_WINDOWS:
            if now < self.busy_until.get(window, 0.0):
                continue
            try:
                if window in self.tokens:
                    self.engine.finish(window)
                    if self.rng.random() < 0.6:
                        self.engine.rate(
                            self.tokens[window], self.rng.choice((5, 5, 5, 4, 4, 3, 2))
                        )
                    del self.tokens[window]
                ticket = self.engine.call_next(window)
            except HallqError:
                self.busy_until[window] = now + 2.0
                continue
            self.engine.start(window)
            self.tokens[window] = ticket.token
            self.busy_until[window] = now + self.rng.uniform(12.0, 40.0) / self.pace


def run(args: argparse.Namespace) -> int:
    from common import hall as hall_setup
    from common import schema
    from common.cli import pc_config
    from common.db import Database
    from common.engine import QueueEngine

    url = args.db or os.environ.get("HALLQ_DB") or demo_db_url()
    config = pc_config(argparse.Namespace(db=url, config=args.config, hall=args.hall))
    db = Database(config.db_url)
    schema.upgrade(db)
    db.transaction(lambda s: hall_setup.seed_demo(s, config.hall))
    print(f"演示营业厅 / demo hall: {db.safe_url()}", file=sys.stderr)

    children: list[tuple[str, subprocess.Popen[bytes]]] = []
    for name, argv, extra in app_commands(config.db_url, config.hall, args.lang):
        children.append((name, subprocess.Popen(argv, env={**os.environ, **extra})))
        print(f"  started {name} (pid {children[-1][1].pid})", file=sys.stderr)

    stop = False

    def on_signal(_signum: int, _frame: Any) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGINT, on_signal)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, on_signal)
    sim = None if args.no_sim else SimulatedHall(QueueEngine(db, config.hall), pace=args.pace)
    started = time.monotonic()
    try:
        while not stop:
            if all(p.poll() is not None for _, p in children):
                print("所有窗口已关闭 / every app window was closed", file=sys.stderr)
                break
            if args.seconds is not None and time.monotonic() - started >= args.seconds:
                break
            if sim is not None:
                sim.step(time.monotonic())
            time.sleep(0.25)
    finally:
        for _, proc in children:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 10
        for name, proc in children:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("%s did not stop; killing it", name)
                proc.kill()
        db.dispose()
    print("演示已结束 / demo stopped", file=sys.stderr)
    return 0
