from datetime import date, timedelta

from common import reports


def test_no_model_window_without_ratings(engine):
    assert reports.model_window(engine) is None


def test_model_window_needs_the_minimum_number_of_ratings(engine, play):
    play.set_settings(star_min_ratings=3)
    for _ in range(2):
        play.serve("A", 1, "1001", 1, 2, score=5)
    assert reports.model_window(engine) is None
    play.serve("A", 1, "1001", 1, 2, score=4)
    leader = reports.model_window(engine)
    assert leader is not None
    assert (leader.window, leader.staff_name, leader.ratings) == (1, "王丽", 3)
    assert leader.avg_score == 14 / 3
    assert leader.satisfaction_rate == 1.0
    assert leader.month == date(2026, 3, 1)


def test_ties_go_to_more_ratings_then_more_served(engine, play):
    play.set_settings(star_min_ratings=2)
    # Window 1: 5, 5 (mean 5, 2 ratings); window 2: 5, 5, 5 (mean 5, 3 ratings).
    for _ in range(2):
        play.serve("A", 1, "1001", 1, 1, score=5)
    for _ in range(3):
        play.serve("A", 2, "1002", 1, 1, score=5)
    # Window 4: four ratings of mean 4.5 — a lower mean loses whatever its count.
    for score in (5, 4, 5, 4):
        play.serve("C", 4, "1004", 1, 1, score=score)
    # Window 3: mean 5 with 3 ratings like window 2, but more tickets served.
    for _ in range(3):
        play.serve("B", 3, "1003", 1, 1, score=5)
    play.serve("B", 3, "1003", 1, 1)
    # Window 5: one rating only, below the minimum: listed, not ranked.
    play.serve("D", 5, "1005", 1, 1, score=5)
    month = reports.Period.month(2026, 3)
    table = engine.db.transaction(
        lambda s: reports.ranking(s, engine.hall_id, month, 2), write=False
    )
    assert [(w.rank, w.window) for w in table.windows] == [
        (1, 3),
        (2, 2),
        (3, 1),
        (4, 4),
        (None, 5),
    ]
    assert table.windows[0].served == 4 and table.windows[0].ratings == 3
    assert [(c.rank, c.login) for c in table.staff] == [
        (1, "1003"),
        (2, "1002"),
        (3, "1001"),
        (4, "1004"),
        (None, "1005"),
    ]
    assert reports.model_window(engine).window == 3


def test_equal_records_share_a_rank(engine, play):
    play.set_settings(star_min_ratings=1)
    play.serve("A", 1, "1001", 1, 1, score=4)
    play.serve("A", 2, "1002", 1, 1, score=4)
    play.serve("C", 4, "1004", 1, 1, score=3)
    table = engine.db.transaction(
        lambda s: reports.ranking(s, engine.hall_id, reports.Period.month(2026, 3), 1),
        write=False,
    )
    assert [(w.rank, w.window) for w in table.windows] == [(1, 1), (1, 2), (3, 4)]


def test_month_is_taken_in_the_hall_timezone(engine, play, clock):
    play.set_settings(star_min_ratings=1)
    # 2026-04-01 00:30 in Shanghai is 2026-03-31 16:30 UTC: April in the hall.
    clock.set(clock.now().replace(month=4, day=1, hour=0, minute=30))
    play.serve("A", 1, "1001", 1, 1, score=5)
    assert reports.model_window(engine).month == date(2026, 4, 1)
    assert reports.model_window(engine, date(2026, 3, 15)) is None
    assert reports.model_window(engine, date(2026, 4, 1) + timedelta(days=29)).window == 1
