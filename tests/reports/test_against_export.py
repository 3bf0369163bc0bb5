"""A simulated day: `hallq report` agrees with what `hallq export` lists ticket by ticket."""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict

import pytest

from common.cli import main

DAY = "2026-03-02"


def cli_json(capsys, *args):
    assert main(list(args)) == 0
    out = capsys.readouterr().out
    return json.loads(out)


@pytest.fixture
def simulated(capsys, db_hall):
    url, hall = db_hall
    where = ["--db", url, "--hall", hall]
    result = cli_json(
        capsys,
        "simulate",
        *where,
        "--windows", "4",
        "--hours", "8",
        "--arrivals-per-hour", "40",
        "--service-minutes", "5",
        "--rating-rate", "0.5",
        "--no-show-rate", "0.05",
        "--start", f"{DAY}T08:30",
        "--seed", "1",
        "--json",
    )  # fmt: skip
    assert result["violations"] == 0
    tickets = cli_json(capsys, "export", "tickets", *where, "--day", DAY, "--format", "json")
    ratings = cli_json(capsys, "export", "ratings", *where, "--day", DAY, "--format", "json")
    report = cli_json(capsys, "report", *where, "--from", DAY, "--to", DAY)
    return result, tickets, ratings, report


def close(value, expected):
    # The export rounds minutes to 0.01, the report to 0.01 too.
    return value == pytest.approx(expected, abs=0.011)


def test_report_agrees_with_the_export(simulated):
    # One simulated day per backend (it takes a while), checked from every side.
    check_totals(*simulated)
    check_services_and_windows(*simulated)
    check_ratings(*simulated)
    check_hours(*simulated)


def check_totals(result, tickets, ratings, report):
    totals = report["totals"]
    statuses = Counter(t["status"] for t in tickets)
    assert totals["issued"] == len(tickets) == result["issued"]
    assert totals["served"] == statuses["done"] == result["served"]
    assert totals["no_show"] == statuses["no_show"] == result["no_show"]
    assert totals["no_show"] > 0
    waits = sorted(t["wait_min"] for t in tickets if t["wait_min"] is not None)
    assert close(totals["avg_wait_min"], statistics.fmean(waits))
    assert close(totals["median_wait_min"], statistics.median(waits))
    assert close(totals["p90_wait_min"], statistics.quantiles(waits, n=10, method="inclusive")[-1])
    assert close(totals["max_wait_min"], max(waits))
    within = sum(1 for w in waits if w <= report["sla_minutes"])
    assert totals["within_sla_share"] == pytest.approx(within / len(waits), abs=0.0001)
    handling = [t["handling_min"] for t in tickets if t["status"] == "done"]
    assert close(totals["avg_handling_min"], statistics.fmean(handling))
    assert close(result["avg_wait_min"], totals["avg_wait_min"])


def check_services_and_windows(result, tickets, ratings, report):
    issued = Counter(t["issue_service"] for t in tickets)
    for row in report["services"]:
        assert row["issued"] == issued[row["code"]]
    served_at = Counter(t["window"] for t in tickets if t["status"] == "done")
    waits_at = defaultdict(list)
    for t in tickets:
        if t["window"] is not None and t["wait_min"] is not None:
            waits_at[t["window"]].append(t["wait_min"])
    for row in report["windows"]:
        assert row["served"] == served_at[row["window"]]
        if waits_at[row["window"]]:
            assert close(row["avg_wait_min"], statistics.fmean(waits_at[row["window"]]))


def check_ratings(result, tickets, ratings, report):
    scores = [r["score"] for r in ratings]
    assert report["ratings"]["count"] == len(scores) > 0
    assert report["ratings"]["avg_score"] == pytest.approx(statistics.fmean(scores), abs=0.001)
    satisfied = sum(1 for s in scores if s >= 4) / len(scores)
    assert report["ratings"]["satisfaction_rate"] == pytest.approx(satisfied, abs=0.0001)
    by_window = defaultdict(list)
    for r in ratings:
        by_window[r["window"]].append(r["score"])
    for row in report["windows"]:
        assert row["ratings"] == len(by_window.get(row["window"], []))
    enough = {w: s for w, s in by_window.items() if len(s) >= report["ranking"]["min_ratings"]}
    best = max(enough, key=lambda w: (statistics.fmean(enough[w]), len(enough[w])))
    assert report["star"]["window"]["window"] == best


def check_hours(result, tickets, ratings, report):
    assert sum(h["arrivals"] for h in report["hours"]) == len(tickets)
    assert sum(h["served"] for h in report["hours"]) == report["totals"]["served"]
    first = min(t["issued_at"] for t in tickets)
    assert report["hours"][0]["hour"] == int(first[11:13])  # export times are in hall time
