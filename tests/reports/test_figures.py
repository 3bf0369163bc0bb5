"""The figures against small days worked out by hand (times in minutes from 09:00, Shanghai)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from common import reports
from common.errors import BadInput

MONDAY = date(2026, 3, 2)


def day_report(engine, day=MONDAY, service=None):
    return reports.compute(engine, reports.Period.day(day), service)


def by_code(rows, attr):
    return {getattr(r, attr): r.figures for r in rows}


def approx(value):
    return pytest.approx(value, abs=1e-9)


@pytest.fixture
def mixed_day(engine, clock, play):
    """Five tickets: two served and rated, a no-show, a cancellation, one still waiting.

    Waits 5, 10, 15 min; handling 7 and 10 min; SLA 12 min.
    """
    play.set_settings(sla_minutes=12)
    a1 = engine.issue("A")
    engine.issue("A")
    engine.issue("C")
    clock.advance(minutes=5)
    engine.call_next(1, "1001")  # A001, waited 5
    engine.start(1)
    clock.advance(minutes=5)
    engine.call_next(4, "1004")  # C001, waited 10
    engine.start(4)
    clock.advance(minutes=2)
    engine.finish(1)  # A001 handled 7 (09:05 → 09:12)
    engine.rate(a1.ticket.token, 5)
    clock.advance(minutes=3)
    engine.call_next(1, "1001")  # A002, waited 15
    clock.advance(minutes=1)
    engine.no_show(1)
    clock.advance(minutes=4)
    c1 = engine.finish(4)  # C001 handled 10 (09:10 → 09:20)
    engine.rate(engine.find_ticket(c1.label).token, 3, ["效率"])
    engine.issue("B")
    clock.advance(minutes=10)
    engine.cancel("B001")
    engine.issue("D")  # still waiting at the end
    return engine


def test_mixed_day_totals(mixed_day):
    t = day_report(mixed_day).totals
    assert (t.issued, t.served, t.no_show, t.cancelled, t.expired, t.open) == (5, 2, 1, 1, 0, 1)
    assert (t.transferred, t.transfers) == (0, 0)
    assert t.wait.count == t.called == 3
    assert t.wait.mean == approx(10)
    assert t.wait.median == approx(10)
    assert t.wait.p90 == approx(14)  # 10 + 0.8 × (15 − 10)
    assert t.wait.max == approx(15)
    assert t.within_sla == 2 and t.within_sla_share == approx(2 / 3)
    assert t.handling.count == 2
    assert t.handling.mean == approx(8.5)
    assert t.handling.median == approx(8.5)
    assert t.handling.p90 == approx(9.7)
    assert t.handling.max == approx(10)
    r = t.ratings
    assert (r.count, r.avg_score, r.satisfaction_rate) == (2, 4.0, 0.5)
    assert r.by_score == (0, 0, 1, 0, 1)
    assert r.reasons == (("效率", 1),)


def test_mixed_day_by_service(mixed_day):
    services = by_code(day_report(mixed_day).services, "code")
    assert list(services) == ["A", "B", "C", "D", "E"]
    a = services["A"]
    assert (a.issued, a.served, a.no_show) == (2, 1, 1)
    assert (a.wait.mean, a.wait.p90) == (approx(10), approx(14))  # 5 + 0.9 × 10
    assert a.within_sla_share == approx(0.5)
    assert a.handling.mean == approx(7)
    b = services["B"]
    assert (b.issued, b.cancelled, b.called, b.within_sla_share) == (1, 1, 0, None)
    assert b.wait.mean is None and b.ratings.avg_score is None
    assert (services["D"].issued, services["D"].open) == (1, 1)
    e = services["E"]
    assert (e.issued, e.served, e.wait.count) == (0, 0, 0)


def test_mixed_day_by_window_and_clerk(mixed_day):
    report = day_report(mixed_day)
    windows = by_code(report.windows, "number")
    assert list(windows) == [1, 2, 3, 4, 5, 6]
    w1 = windows[1]
    assert w1.issued is None
    assert (w1.tickets, w1.served, w1.no_show) == (2, 1, 1)
    assert (w1.wait.mean, w1.wait.max) == (approx(10), approx(15))
    assert w1.handling.mean == approx(7)
    assert (w1.ratings.count, w1.ratings.avg_score, w1.ratings.satisfaction_rate) == (1, 5.0, 1.0)
    w4 = windows[4]
    assert (w4.served, w4.wait.mean, w4.handling.mean) == (1, approx(10), approx(10))
    assert (w4.ratings.avg_score, w4.ratings.satisfaction_rate) == (3.0, 0.0)
    assert w4.ratings.reasons == (("效率", 1),)
    assert windows[2].tickets == 0 and windows[2].wait.mean is None
    staff = by_code(report.staff, "login")
    assert list(staff) == ["1001", "1004"]
    assert staff["1001"] == w1 and staff["1004"] == w4


def test_mixed_day_hours_and_wait_bins(mixed_day):
    report = day_report(mixed_day)
    assert report.hours == (reports.HourFigures(9, 5, 2, approx(10)),)
    # SLA 12 → edges 3, 6, 9, 12, 18, 24: waits 5, 10, 15.
    assert [(b.from_min, b.to_min, b.count, b.within_sla) for b in report.wait_bins] == [
        (0, 3, 0, True),
        (3, 6, 1, True),
        (6, 9, 0, True),
        (9, 12, 1, True),
        (12, 18, 1, False),
        (18, 24, 0, False),
        (24, None, 0, False),
    ]
    assert report.days == (reports.DayFigures(MONDAY, report.totals),)


def test_a_ticket_transferred_twice(engine, clock):
    engine.issue("A")
    clock.advance(minutes=2)
    engine.call_next(1, "1001")  # waited 2
    clock.advance(minutes=2)
    engine.transfer(1, to_service="D")
    clock.advance(minutes=2)
    engine.call_next(5, "1005")  # the D window; the first call still counts for the wait
    clock.advance(minutes=1)
    engine.transfer(5, to_window=3)
    clock.advance(minutes=2)
    engine.call_next(3, "1003")
    engine.start(3)
    clock.advance(minutes=6)
    engine.finish(3)
    report = day_report(engine)
    t = report.totals
    assert (t.issued, t.served, t.transferred, t.transfers) == (1, 1, 1, 2)
    assert t.wait.mean == approx(2) and t.handling.mean == approx(6)
    services = by_code(report.services, "code")
    # Issued (and waited) for A; served, after the transfers, as D.
    assert (services["A"].issued, services["A"].served, services["A"].wait.mean) == (1, 0, 2)
    assert (services["D"].issued, services["D"].served, services["D"].transfers) == (0, 1, 2)
    assert services["D"].handling.mean == approx(6)
    windows = by_code(report.windows, "number")
    assert (windows[3].served, windows[3].wait.mean) == (1, approx(2))
    assert windows[1].tickets == 0 and windows[5].tickets == 0
    assert [p.login for p in report.staff] == ["1003"]


def test_a_day_of_only_no_shows(engine, clock):
    for _ in range(2):
        engine.issue("C")
    clock.advance(minutes=4)
    engine.call_next(4, "1004")
    clock.advance(minutes=1)
    engine.no_show(4)
    clock.advance(minutes=1)
    engine.call_next(4, "1004")
    engine.no_show(4)
    t = day_report(engine).totals
    assert (t.issued, t.served, t.no_show) == (2, 0, 2)
    assert t.wait.mean == approx(5) and t.within_sla_share == 1.0  # waits 4 and 6
    assert t.handling == reports.Durations(0, None, None, None, None)
    assert t.ratings.count == 0 and t.ratings.satisfaction_rate is None


def test_an_empty_month(engine):
    report = reports.compute(engine, reports.Period.month(2026, 2))
    t = report.totals
    assert (t.issued, t.tickets, t.served, t.called) == (0, 0, 0, 0)
    assert t.wait.mean is None and t.within_sla_share is None
    assert len(report.days) == 28 and all(d.figures.issued == 0 for d in report.days)
    assert report.hours == ()
    assert sum(b.count for b in report.wait_bins) == 0
    assert report.ranking.windows == () and report.ranking.model_window is None
    assert report.feedback.received == 0


def test_ratings_without_reasons(engine, play):
    play.serve("A", 1, "1001", 1, 3, score=2)
    play.serve("A", 1, "1001", 1, 3, score=4, reasons=["态度"])
    r = day_report(engine).totals.ratings
    assert (r.count, r.avg_score, r.satisfaction_rate) == (2, 3.0, 0.5)
    # Reasons count only where the customer was not satisfied.
    assert r.reasons == ()


def test_days_of_a_range_and_expired_tickets(engine, clock, play):
    play.serve("A", 1, "1001", 4, 6)
    engine.issue("B")  # left waiting: expired when the next day starts
    clock.advance(days=2)
    play.serve("A", 2, "1002", 2, 3, score=5)
    report = reports.compute(engine, reports.Period.between(MONDAY, MONDAY + timedelta(days=2)))
    days = {d.day: d.figures for d in report.days}
    assert list(days) == [MONDAY, MONDAY + timedelta(days=1), MONDAY + timedelta(days=2)]
    first, empty, third = days.values()
    assert (first.issued, first.served, first.expired) == (2, 1, 1)
    assert first.wait.mean == approx(4) and first.handling.mean == approx(6)
    assert (empty.issued, empty.wait.mean) == (0, None)
    assert (third.issued, third.served, third.ratings.avg_score) == (1, 1, 5.0)
    assert report.totals.issued == 3 and report.totals.expired == 1


def test_one_service_only(mixed_day):
    report = day_report(mixed_day, service="a")
    assert report.service == "A"
    assert [s.code for s in report.services] == ["A"]
    t = report.totals
    assert (t.issued, t.served, t.no_show, t.cancelled, t.open) == (2, 1, 1, 0, 0)
    assert t.ratings.count == 1
    assert [w.number for w in report.windows] == [1]
    with pytest.raises(BadInput):
        day_report(mixed_day, service="Z")


def test_feedback_open_and_answered(engine, clock):
    engine.add_feedback("complaint", "等了太久")
    item = engine.add_feedback("suggestion", "多开一个窗口")
    clock.advance(hours=2)
    engine.answer_feedback(item.id, "已安排", "9001")
    f = day_report(engine).feedback
    assert (f.received, f.open, f.answered) == (2, 1, 1)
    assert f.answer_hours.mean == approx(2)
    categories = {c.category: (c.received, c.open, c.answered) for c in f.by_category}
    assert categories["complaint"] == (1, 1, 0)
    assert categories["suggestion"] == (1, 0, 1)


def test_the_ranking_in_a_report_follows_the_period(engine, play):
    play.set_settings(star_min_ratings=1)
    play.serve("A", 1, "1001", 1, 1, score=4)
    play.serve("A", 2, "1002", 1, 1, score=5)
    report = day_report(engine)
    assert report.ranking.model_window.window == 2
    assert report.ranking.model_clerk.login == "1002"


def test_hours_are_the_halls_local_hours(engine, clock):
    # 07:50 local is 23:50 UTC the day before: still the 7 o'clock hour of Monday.
    clock.set(clock.now().replace(hour=7, minute=50))
    engine.issue("A")
    clock.advance(minutes=20)
    engine.call_next(1, "1001")
    engine.finish(1)
    report = day_report(engine)
    assert [(h.hour, h.arrivals, h.served) for h in report.hours] == [(7, 1, 0), (8, 0, 1)]


@pytest.mark.parametrize(
    "text, period",
    [
        ("2026-03", reports.Period(date(2026, 3, 1), date(2026, 3, 31), "month")),
        ("2024-2", reports.Period(date(2024, 2, 1), date(2024, 2, 29), "month")),
    ],
)
def test_month_periods(text, period):
    assert reports.Period.parse_month(text) == period
    assert period.label == f"{period.start:%Y-%m}"


@pytest.mark.parametrize("text", ["2026-13", "March", "2026", ""])
def test_bad_months(text):
    with pytest.raises(BadInput):
        reports.Period.parse_month(text)


def test_a_range_must_not_run_backwards():
    with pytest.raises(BadInput):
        reports.Period.between(MONDAY, MONDAY - timedelta(days=1))
