"""`hallq counter` end to end, as a separate process: pictures, automatic login, refusals."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from common import staff
from common.db import Database
from common.engine import QueueEngine


def run_counter(url: str, *args: str, password: str = "demo") -> subprocess.CompletedProcess:
    env = {**os.environ, "HALLQ_PASSWORD": password, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "counter", "--db", url, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def busy_hall(sqlite_url):
    engine = QueueEngine(Database(sqlite_url), "main")
    engine.issue("A")
    engine.issue("A", "elderly")
    engine.call_next(1, staff="1001")
    engine.db.dispose()
    return sqlite_url


@pytest.mark.slow
def test_console_picture_resumes_the_window(busy_hall, tmp_path):
    picture = tmp_path / "console.png"
    result = run_counter(
        busy_hall,
        "--window",
        "1",
        "--login",
        "1001",
        "--view",
        "console",
        "--screenshot",
        str(picture),
        "--size",
        "1366x768",
    )
    assert result.returncode == 0, result.stderr
    assert picture.stat().st_size > 10_000
    # The clerk now holds window 1; the ticket called before is still theirs.
    engine = QueueEngine(Database(busy_hall), "main")
    assert staff.holds_window(engine, "1001", 1)
    assert engine.window_state(1).current is not None


@pytest.mark.slow
def test_admin_picture(busy_hall, tmp_path):
    picture = tmp_path / "admin.png"
    result = run_counter(
        busy_hall,
        "--login",
        "9001",
        "--view",
        "admin",
        "--page",
        "staff",
        "--screenshot",
        str(picture),
        "--size",
        "1920x1080",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    assert picture.exists()


@pytest.mark.slow
def test_wrong_password_exits_non_zero(busy_hall, tmp_path):
    picture = tmp_path / "never.png"
    result = run_counter(
        busy_hall,
        "--window",
        "2",
        "--login",
        "1002",
        "--screenshot",
        str(picture),
        password="wrong",
    )
    assert result.returncode == 2
    assert "工号或密码不对" in result.stderr
    assert not picture.exists()


@pytest.mark.slow
def test_a_clerk_cannot_open_management(busy_hall, tmp_path):
    result = run_counter(
        busy_hall,
        "--window",
        "2",
        "--login",
        "1002",
        "--view",
        "admin",
        "--screenshot",
        str(tmp_path / "admin.png"),
    )
    assert result.returncode == 4
