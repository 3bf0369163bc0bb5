"""Two counter processes on one database race for the last waiting ticket: exactly one wins.

Each process makes its own QueueEngine on the shared database (SQLite file or PostgreSQL) and
calls `call_next` at the same moment (both wait on a barrier file first).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from common.db import Database
from common.engine import QueueEngine

CLAIM = textwrap.dedent(
    """
    import json, os, sys, time
    from common.db import Database
    from common.engine import QueueEngine
    from common.errors import NothingToDo

    url, hall, window, start_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    engine = QueueEngine(Database(url), hall)
    engine.settings
    print("ready", flush=True)
    while not os.path.exists(start_file):
        time.sleep(0.001)
    try:
        ticket = engine.call_next(window)
        print(json.dumps({"won": ticket.label}))
    except NothingToDo as e:
        print(json.dumps({"refused": e.code}))
    """
)


def race(url: str, hall: str, tmp_path) -> list[dict]:
    start = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIM, url, hall, str(window), str(start)],
            stdout=subprocess.PIPE,
            text=True,
        )
        for window in (1, 2)
    ]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    start.write_text("go")
    results = []
    for proc in procs:
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0
        results.append(json.loads(out.strip().splitlines()[-1]))
    return results


@pytest.mark.slow
def test_two_counters_race_for_the_last_ticket(db_hall, tmp_path):
    url, hall = db_hall
    db = Database(url)
    engine = QueueEngine(db, hall)
    try:
        for round_ in range(2):
            label = engine.issue("A").ticket.label
            folder = tmp_path / f"round{round_}"
            folder.mkdir()
            results = race(url, hall, folder)
            winners = [r["won"] for r in results if "won" in r]
            losers = [r["refused"] for r in results if "refused" in r]
            assert winners == [label] and losers == ["empty"]
            for window in (1, 2):
                state = engine.window_state(window)
                if state.current is not None:
                    engine.finish(window)
    finally:
        db.dispose()
