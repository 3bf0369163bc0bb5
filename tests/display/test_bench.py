"""The board's benchmarks run and report what `hallq bench` prints."""

from __future__ import annotations

import pytest

from display import bench


def test_rss_is_read_on_this_platform():
    assert bench.rss_mb() > 1


@pytest.mark.slow
def test_call_to_paint_is_measured(qtbot, sqlite_url):
    result = bench.measure_call_to_paint(sqlite_url, calls=5)
    assert result["n"] == 5
    assert 0 <= result["p50_ms"] <= result["p95_ms"]


@pytest.mark.slow
def test_memory_is_measured_around_many_calls(qtbot, sqlite_url):
    result = bench.measure_rss_growth(sqlite_url, calls=400)
    assert set(result) == {"rss_before_mb", "rss_after_mb", "growth_mb"}
    assert result["rss_before_mb"] > 1
    assert result["growth_mb"] == pytest.approx(
        result["rss_after_mb"] - result["rss_before_mb"], abs=0.2
    )
