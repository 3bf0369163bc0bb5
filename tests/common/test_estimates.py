"""Expected waiting time: EWMA of recent handling times, shared over the serving windows."""

from __future__ import annotations

import pytest

from common import estimates


def test_default_before_any_finished_ticket():
    assert estimates.ewma_minutes([], 6.0) == 6.0


def test_one_ticket_is_its_own_mean():
    assert estimates.ewma_minutes([300], 6.0) == 5.0


def test_newest_weighs_most():
    # newest 120 s, then 1200 s: (120 + 0.8 × 1200) / 1.8 = 600 s
    assert estimates.ewma_minutes([120, 1200], 6.0) == pytest.approx(10.0)
    assert estimates.ewma_minutes([120, 1200], 6.0) < estimates.ewma_minutes([1200, 120], 6.0)


def test_only_the_window_of_recent_tickets_counts():
    recent = [60.0] * estimates.EWMA_WINDOW
    assert estimates.ewma_minutes([*recent, 100_000.0], 6.0) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("ahead", "minutes", "windows", "expected"),
    [
        (0, 6.0, 3, 0.0),
        (-1, 6.0, 3, 0.0),
        (3, 6.0, 3, 6.0),
        (5, 4.0, 2, 10.0),
        (2, 6.0, 0, 12.0),  # no open window: as if one
    ],
)
def test_expected_wait(ahead, minutes, windows, expected):
    assert estimates.expected_wait_minutes(ahead, minutes, windows) == expected
