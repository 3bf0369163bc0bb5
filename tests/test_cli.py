"""The `hallq` command: exit codes, one-line errors, JSON output, nothing written on refusal.

Exit codes: 0 done; 2 bad input or usage; 3 nothing to do; 4 refused by a hall rule.
Most tests run `common.cli.main` in-process; a few start the real command to prove that no
traceback reaches the terminal.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.engine import make_url

from common import cli
from common import db as db_module
from common.db import Database
from common.models import DailyCounter, Event, Rating, Service, Ticket

UNREACHABLE_PG = "postgresql://postgres@127.0.0.1:1/hallq"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_pc(tmp_path, monkeypatch):
    """No config file, log folder or database of this PC leaks into a test."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    for name in ("HALLQ_DB", "HALLQ_CONFIG", "HALLQ_HALL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def hallq(sqlite_url, capsys):
    """Run `hallq … --db <demo hall>` in-process: (exit code, stdout, stderr)."""

    def run(*args: str, db: str | None = sqlite_url):
        argv = [*args, "--db", db] if db else list(args)
        try:
            code = cli.main(argv)
        except SystemExit as e:  # argparse usage errors
            code = e.code
        out, err = capsys.readouterr()
        return code, out, err

    return run


def one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("hallq: ")
    assert "Traceback" not in err
    return lines[0]


def count(url: str, model) -> int:
    db = Database(url)
    n = db.transaction(lambda s: s.execute(select(func.count()).select_from(model)).scalar_one())
    db.dispose()
    return n


def set_service(url: str, code: str, **values) -> None:
    db = Database(url)
    db.transaction(
        lambda s: s.execute(update(Service).where(Service.code == code).values(**values))
    )
    db.dispose()


# ---------------------------------------------------------------------------- happy paths


def test_issue_json_has_the_documented_keys(hallq):
    code, out, err = hallq("issue", "A", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert {"number", "service", "ahead", "expected_wait_min", "token"} <= set(data)
    assert (data["number"], data["service"], data["ahead"]) == ("A001", "A", 0)
    assert data["token"].startswith("HQ1.")


def test_issue_plain_text(hallq):
    hallq("issue", "A")
    code, out, _ = hallq("issue", "A", "--priority", "elderly")
    assert code == 0
    assert out.startswith("A002  居民业务  前面 0 人")


def test_call_json_has_number_and_window(hallq):
    hallq("issue", "B")
    code, out, _ = hallq("call", "--window", "3", "--staff", "1003", "--json")
    assert code == 0
    data = json.loads(out)
    assert (data["number"], data["window"], data["status"], data["staff"]) == (
        "B001",
        3,
        "called",
        "1003",
    )


def test_a_whole_visit(hallq):
    code, out, _ = hallq("issue", "A", "--json")
    token = json.loads(out)["token"]
    for args in (
        ("call", "--window", "1"),
        ("recall", "--window", "1"),
        ("start", "--window", "1"),
        ("park", "--window", "1"),
        ("resume", "--window", "1", "--number", "A001"),
        ("finish", "--window", "1", "--outcome", "done"),
    ):
        code, out, err = hallq(*args)
        assert (code, err) == (0, ""), args
    code, out, _ = hallq("rate", token, "--score", "5", "--reasons", "态度,效率", "--json")
    assert code == 0
    assert json.loads(out)["score"] == 5


def test_pause_unpause_transfer_cancel_reactivate(hallq):
    hallq("issue", "A")
    hallq("issue", "A")
    assert hallq("pause", "--window", "2", "--reason", "午休", "--json")[0] == 0
    assert hallq("unpause", "--window", "2")[0] == 0
    assert hallq("call", "--window", "1")[0] == 0
    code, out, _ = hallq("transfer", "--window", "1", "--to", "B", "--note", "企业户", "--json")
    assert (code, json.loads(out)["service"]) == (0, "B")
    assert hallq("call", "--window", "1", "--number", "A002")[0] == 0
    assert hallq("no-show", "--window", "1")[0] == 0
    assert hallq("reactivate", "A002")[0] == 0
    code, out, _ = hallq("cancel", "A002", "--reason", "离开", "--json")
    assert (code, json.loads(out)["status"]) == (0, "cancelled")


def test_status(hallq):
    hallq("issue", "A")
    code, out, _ = hallq("status", "--json")
    assert code == 0
    assert json.loads(out)


def test_init_creates_a_database(tmp_path, hallq):
    url = f"sqlite:///{tmp_path}/new.db"
    code, _, err = hallq("init", "--demo", db=url)
    assert code == 0 and "database ready" in err
    assert hallq("issue", "E", db=url)[0] == 0
    assert hallq("init", db=url)[0] == 0  # again: an upgrade that changes nothing


# ---------------------------------------------------------------------------- error paths


@pytest.mark.parametrize(
    ("args", "exit_code", "fragment"),
    [
        (("issue", "Z"), 2, "unknown service"),
        (("issue", "A", "--hall", "nowhere"), 2, "hallq init"),
        (("call", "--window", "99"), 2, "unknown window"),
        (("call", "--window", "1"), 3, "nobody is waiting"),
        (("call", "--window", "1", "--number", "A001"), 2, "no ticket"),
        (("call", "--window", "1", "--number", "A-1"), 2, "not a ticket number"),
        (("call", "--window", "1", "--staff", "nobody"), 2, "unknown staff"),
        (("finish", "--window", "1"), 3, "no current ticket"),
        (("recall", "--window", "1"), 3, "no current ticket"),
        (("resume", "--window", "1"), 3, "no parked customer"),
        (("unpause", "--window", "1"), 4, "not paused"),
        (("transfer", "--window", "1"), 2, "give a service or a window"),
        (("cancel", "A001"), 2, "no ticket"),
        (("reactivate", "A001"), 2, "no ticket"),
        (("rate", "not-a-token", "--score", "5"), 2, "not a hallq ticket"),
        (("rate", "--number", "A001", "--code", "123456", "--score", "5"), 2, "check code"),
    ],
)
def test_error_exit_codes_and_one_line(hallq, sqlite_url, args, exit_code, fragment):
    before = count(sqlite_url, Event)
    code, out, err = hallq(*args)
    assert code == exit_code
    assert fragment in one_line_error(err)
    assert out == ""
    assert count(sqlite_url, Event) == before


def test_paused_window_is_refused(hallq):
    hallq("issue", "A")
    hallq("pause", "--window", "1")
    code, _, err = hallq("call", "--window", "1")
    assert code == 4
    assert "paused" in one_line_error(err)
    assert hallq("pause", "--window", "1")[0] == 4


def test_busy_window_and_wrong_state(hallq):
    hallq("issue", "A")
    hallq("issue", "A")
    hallq("call", "--window", "1")
    assert hallq("call", "--window", "1")[0] == 4
    hallq("start", "--window", "1")
    code, _, err = hallq("no-show", "--window", "1")
    assert code == 4
    one_line_error(err)
    hallq("finish", "--window", "1")
    assert hallq("cancel", "A001")[0] == 4
    assert hallq("reactivate", "A001")[0] == 4


def test_closed_service_is_refused_and_leaves_no_gap(hallq, sqlite_url):
    set_service(sqlite_url, "D", opening_hours={str(d): [] for d in range(7)})
    code, _, err = hallq("issue", "D")
    assert code == 4
    assert "closed" in one_line_error(err)
    assert count(sqlite_url, Ticket) == count(sqlite_url, DailyCounter) == 0
    set_service(sqlite_url, "D", opening_hours=None)
    assert json.loads(hallq("issue", "D", "--json")[1])["number"] == "D001"


def test_daily_limit_is_refused_and_leaves_no_gap(hallq, sqlite_url):
    set_service(sqlite_url, "C", daily_limit=1)
    assert hallq("issue", "C")[0] == 0
    code, _, err = hallq("issue", "C")
    assert code == 4
    assert "all taken" in one_line_error(err)
    assert count(sqlite_url, Ticket) == 1
    set_service(sqlite_url, "C", daily_limit=2)
    assert json.loads(hallq("issue", "C", "--json")[1])["number"] == "C002"


def test_inactive_service_is_refused(hallq, sqlite_url):
    set_service(sqlite_url, "B", active=False)
    code, _, err = hallq("issue", "B")
    assert code == 4
    one_line_error(err)


def test_rating_twice_and_forged(hallq, sqlite_url):
    token = json.loads(hallq("issue", "A", "--json")[1])["token"]
    code, _, err = hallq("rate", token, "--score", "4")
    assert code == 4 and "finished" in one_line_error(err)
    hallq("call", "--window", "1")
    hallq("finish", "--window", "1")
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    code, _, err = hallq("rate", forged, "--score", "1")
    assert code == 2 and "not valid" in one_line_error(err)
    assert hallq("rate", token, "--score", "4")[0] == 0
    code, _, err = hallq("rate", token, "--score", "1")
    assert code == 4 and "already been rated" in one_line_error(err)
    assert count(sqlite_url, Rating) == 1
    code, _, err = hallq("rate", token, "--score", "5", "--reasons", "天气")
    assert code == 2 and "unknown reason" in one_line_error(err)


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("mysql://root@localhost/hall", "unsupported database"),
        ("not a url", "not a database URL"),
        ("sqlite+pysqlcipher:///x.db", "unsupported SQLite driver"),
    ],
)
def test_bad_db_url(hallq, url, fragment):
    code, _, err = hallq("issue", "A", db=url)
    assert code == 2
    assert fragment in one_line_error(err)


def test_unreachable_postgresql(hallq):
    code, _, err = hallq("status", db=UNREACHABLE_PG)
    assert code == 2
    assert "database unavailable" in one_line_error(err)


def test_locked_database(hallq, sqlite_url, monkeypatch):
    monkeypatch.setattr(db_module, "SQLITE_BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(make_url(sqlite_url).database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = hallq("issue", "A")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2
    assert "locked" in one_line_error(err)
    assert count(sqlite_url, Ticket) == 0


def test_database_without_schema(hallq, tmp_path):
    code, _, err = hallq("issue", "A", db=f"sqlite:///{tmp_path}/empty.db")
    assert code == 2
    assert "hallq init" in one_line_error(err)


def test_bad_config_file(hallq, tmp_path):
    path = tmp_path / "pc.toml"
    path.write_text("db = [", "utf-8")
    code, _, err = hallq("issue", "A", "--config", str(path), db=None)
    assert code == 2
    assert "config" in one_line_error(err)


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("fly",),
        ("call",),
        ("call", "--window", "0"),
        ("call", "--window", "one"),
        ("issue", "A", "--priority", "royal"),
        ("rate", "--score", "9"),
        ("export", "tickets", "--day", "2026-13-01"),
        ("export", "tickets", "--day", "yesterday"),
    ],
)
def test_usage_errors_exit_2(hallq, args):
    code, out, err = hallq(*args)
    assert code == 2
    assert "usage:" in err and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("hallq")


def test_malformed_day_names_the_format(hallq):
    _, _, err = hallq("export", "tickets", "--day", "2026-13-01")
    assert "YYYY-MM-DD" in err


# ---------------------------------------------------------------------------- the real command


def run_hallq(*args: str, env_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(env_dir),
        "XDG_DATA_HOME": str(env_dir / "data"),
        "XDG_CONFIG_HOME": str(env_dir / "config"),
    }
    return subprocess.run(
        [sys.executable, "-m", "common.cli", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env=env,
        check=False,
    )


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (("issue", "Z"), 2),
        (("call", "--window", "1"), 3),
        (("issue", "A", "--db", UNREACHABLE_PG), 2),
    ],
)
def test_no_traceback_reaches_the_terminal(sqlite_url, tmp_path, args, exit_code):
    full = [*args] if "--db" in args else [*args, "--db", sqlite_url]
    result = run_hallq(*full, env_dir=tmp_path)
    assert result.returncode == exit_code
    assert result.stdout == ""
    one_line_error(result.stderr)


def test_the_real_command_issues(sqlite_url, tmp_path):
    result = run_hallq("issue", "C", "--json", "--db", sqlite_url, env_dir=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert json.loads(result.stdout)["number"] == "C001"
    assert (tmp_path / "data" / "hallq" / "logs" / "hallq.log").exists()
