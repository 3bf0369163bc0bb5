"""The report benchmark on a short history: built once, reused, measured on both backends."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from common import report_bench, reports
from common.db import Database
from common.engine import QueueEngine
from common.models import Feedback, Rating, Ticket


@pytest.fixture
def short_history(monkeypatch):
    monkeypatch.setattr(report_bench, "HISTORY_DAYS", 3)
    monkeypatch.setattr(report_bench, "WEEKDAY_TICKETS", 80)
    monkeypatch.setattr(report_bench, "WEEKEND_TICKETS", 50)


def counts(url):
    db = Database(url)
    try:
        engine = QueueEngine(db, report_bench.BENCH_HALL)
        return db.transaction(
            lambda s: tuple(
                s.execute(select(func.count()).where(model.hall_id == engine.hall_id)).scalar_one()
                for model in (Ticket, Rating, Feedback)
            ),
            write=False,
        )
    finally:
        db.dispose()


def test_builds_once_and_measures(short_history, tmp_path, pg_server_url):
    sqlite_url = f"sqlite:///{(tmp_path / 'bench.db').as_posix()}"
    results = report_bench.run(sqlite_url, pg_server_url, repeats=2)
    for backend in ("sqlite", "postgresql"):
        assert results[backend]["month_ms"] > 0 and results[backend]["today_ms"] > 0
    tickets, ratings, feedback = counts(sqlite_url)
    assert 3 * 40 <= tickets <= 3 * 100 and 0 < ratings < tickets
    assert counts(pg_server_url) == (tickets, ratings, feedback)  # the same seeded history
    report_bench.run(sqlite_url, pg_server_url, repeats=1)
    assert counts(sqlite_url) == (tickets, ratings, feedback)
    assert counts(pg_server_url) == (tickets, ratings, feedback)


def test_the_history_reports_like_a_real_hall(short_history, tmp_path):
    url = f"sqlite:///{(tmp_path / 'bench.db').as_posix()}"
    db = report_bench.ensure_history(url)
    try:
        engine = QueueEngine(db, report_bench.BENCH_HALL)
        report = reports.compute(engine, reports.Period.month_of(report_bench.HISTORY_END))
    finally:
        db.dispose()
    t = report.totals
    assert t.issued == sum(d.figures.issued or 0 for d in report.days)
    assert t.served + t.no_show + t.cancelled + t.expired == t.issued and t.open == 0
    assert 8 <= report.hours[0].hour <= 9 and report.hours[-1].hour <= 17
    assert {w.number for w in report.windows} == set(range(1, 13))
    assert 0 < t.wait.mean < 30 and t.ratings.satisfaction_rate > 0.5
