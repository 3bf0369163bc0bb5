"""Expected waiting time.

expected wait = people ahead × recent handling time of the service ÷ windows serving it.
"Recent" is an exponentially weighted mean over today's finished tickets of the service, newest
weighing most; before any ticket is finished, the hall's default service minutes.
"""

from __future__ import annotations

from collections.abc import Sequence

# Weight of the newest finished ticket; 20 tickets carry ~99% of the total weight.
EWMA_ALPHA = 0.2
EWMA_WINDOW = 20


def ewma_minutes(handling_seconds_newest_first: Sequence[float], default_minutes: float) -> float:
    """Exponentially weighted mean handling time in minutes, newest first."""
    if not handling_seconds_newest_first:
        return default_minutes
    weight, total, weights = 1.0, 0.0, 0.0
    for seconds in handling_seconds_newest_first[:EWMA_WINDOW]:
        total += weight * seconds
        weights += weight
        weight *= 1.0 - EWMA_ALPHA
    return total / weights / 60.0


def expected_wait_minutes(ahead: int, handling_minutes: float, serving_windows: int) -> float:
    """Minutes until a customer with `ahead` people in front is called."""
    if ahead <= 0:
        return 0.0
    return ahead * handling_minutes / max(1, serving_windows)
