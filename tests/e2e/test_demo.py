"""`hallq demo` under a virtual screen: starts the hall's apps, simulates, and stops cleanly."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections import Counter

import pytest

from common.db import Database
from common.engine import QueueEngine
from common.feed import changes_after
from tests.e2e.conftest import REPO, app_env, stop_group, wait_for

pytestmark = pytest.mark.slow

SECONDS = 25
# Start-up of four Qt apps on two shared cores, the run, and their shutdown.
EXIT_TIMEOUT_S = SECONDS + 90


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie has finished; only its parent has not asked yet.
    stat = f"/proc/{pid}/stat"
    return not (os.path.exists(stat) and open(stat).read().split(") ")[-1].startswith("Z"))


def test_the_demo_starts_runs_and_stops_cleanly(xdisplay, tmp_path):
    db_path = tmp_path / "demo.db"
    url = f"sqlite:///{db_path.as_posix()}"
    output = tmp_path / "demo.txt"
    started = time.monotonic()
    with output.open("wb") as out:
        demo = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "common.cli",
                "demo",
                "--db",
                url,
                "--seconds",
                str(SECONDS),
                "--pace",
                "4",
            ],
            cwd=REPO,
            env=app_env(xdisplay, tmp_path),
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        code = demo.wait(EXIT_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the demo did not stop within {EXIT_TIMEOUT_S} s", pytrace=False)
    finally:
        stop_group(demo)
    took = time.monotonic() - started
    text = output.read_text(errors="replace")
    assert code == 0, text
    assert "演示已结束 / demo stopped" in text

    apps = dict(re.findall(r"started (\S+) \(pid (\d+)\)", text))
    assert set(apps) == {"kiosk", "counter-1", "counter-2", "display"}, text
    # Nothing left behind: not the apps, nor anything else still using the demo's database.
    wait_for(
        "the demo's apps to be gone", lambda: not any(alive(int(p)) for p in apps.values()), 10
    )
    leftovers = subprocess.run(
        ["pgrep", "-f", str(db_path)], capture_output=True, text=True
    ).stdout.split()
    assert leftovers == [], f"processes left behind: {leftovers}"

    db = Database(url)
    try:
        engine = QueueEngine(db, "main")
        kinds = Counter(c.kind for c in changes_after(db, engine.hall_id, 0, limit=100_000))
    finally:
        db.dispose()
    print(f"\ndemo: exited 0 after {took:.1f} s; events {dict(kinds)}")
    assert kinds["issued"] > 0 and kinds["called"] > 0 and kinds["rated"] > 0, kinds
    # The apps ran, not just the simulation: both counters logged in, and nothing crashed.
    assert kinds["login"] == 2, kinds
    assert "Traceback" not in text, text
