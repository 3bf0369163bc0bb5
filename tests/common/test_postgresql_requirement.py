"""PostgreSQL tests skip visibly without a server, and fail the run when one is required."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PG_TEST = "tests/common/test_db.py::test_postgresql_time_is_the_servers"


def run_pg_test(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HALLQ_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", PG_TEST],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**clean, **env},
        timeout=120,
        check=False,
    )


def test_without_a_server_the_tests_skip_and_say_why():
    result = run_pg_test()
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "HALLQ_TEST_PG is not set" in result.stdout


def test_a_required_server_that_is_missing_fails_the_run():
    result = run_pg_test(HALLQ_REQUIRE_PG="1")
    assert result.returncode != 0
    assert "PostgreSQL is required" in result.stdout


def test_a_required_server_that_does_not_answer_fails_the_run():
    result = run_pg_test(
        HALLQ_REQUIRE_PG="1", HALLQ_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:1/test"
    )
    assert result.returncode != 0
    assert "cannot reach" in result.stdout
