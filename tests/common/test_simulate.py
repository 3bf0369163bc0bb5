"""`hallq simulate`: invariants hold, the figures add up, and long runs agree with Erlang C."""

from __future__ import annotations

import json

import pytest

from common import simulate
from common.cli import main


def test_simulate_json_has_the_figures_and_no_violations(tmp_path, capsys):
    url = f"sqlite:///{(tmp_path / 'sim.db').as_posix()}"
    code = main(
        [
            "simulate",
            "--db",
            url,
            "--windows",
            "3",
            "--hours",
            "4",
            "--arrivals-per-hour",
            "30",
            "--service-minutes",
            "5",
            "--no-show-rate",
            "0.1",
            "--rating-rate",
            "0.5",
            "--start",
            "2026-03-02T08:30",
            "--seed",
            "3",
            "--json",
        ]
    )
    assert code == 0
    result = json.loads(capsys.readouterr().out)
    for key in (
        "issued",
        "served",
        "no_show",
        "avg_wait_min",
        "p90_wait_min",
        "max_wait_min",
        "avg_handling_min",
        "utilisation",
        "violations",
    ):
        assert key in result
    assert result["violations"] == 0
    assert result["issued"] == result["served"] + result["no_show"]
    assert result["no_show"] > 0
    assert result["avg_wait_min"] <= result["p90_wait_min"] <= result["max_wait_min"]
    assert 0 < result["utilisation"] < 1
    assert result["day"] == "2026-03-02"


def test_a_run_past_midnight_stays_on_its_service_day(tmp_path):
    url = f"sqlite:///{(tmp_path / 'sim.db').as_posix()}"
    from datetime import datetime

    result = simulate.run(
        url,
        windows=2,
        hours=3,
        arrivals_per_hour=20,
        service_minutes=4,
        start=datetime(2026, 3, 2, 22, 30),
        seed=5,
    )
    assert result["day"] == "2026-03-02" and result["violations"] == 0


def test_the_same_seed_gives_the_same_day(tmp_path):
    a = simulate.run(
        f"sqlite:///{(tmp_path / 'a.db').as_posix()}",
        windows=2,
        hours=2,
        arrivals_per_hour=20,
        service_minutes=5,
        seed=11,
    )
    b = simulate.run(
        f"sqlite:///{(tmp_path / 'b.db').as_posix()}",
        windows=2,
        hours=2,
        arrivals_per_hour=20,
        service_minutes=5,
        seed=11,
    )
    assert a == b


def test_erlang_c_formula_known_value():
    # c=2, λ=20/h, service 4.5 min: a = 1.5, ρ = 0.75; Wq = C(2, 1.5) / (cμ − λ) = 5.786 min.
    assert simulate.erlang_c_wait_minutes(2, 20, 4.5) == pytest.approx(5.7857, abs=1e-3)
    assert simulate.erlang_c_wait_minutes(2, 30, 4) == float("inf")


@pytest.mark.slow
def test_long_run_agrees_with_erlang_c(tmp_path):
    """About 1,500 customers at ρ ≈ 0.75: the mean wait is Erlang C's, within sampling noise.

    The theory is evaluated at the arrival rate and service mean the run actually drew, so the
    check is of the queue discipline and dispatch, not of the random numbers.
    """
    windows, rate, minutes, hours = 2, 20.0, 4.5, 75.0
    result = simulate.run(
        f"sqlite:///{(tmp_path / 'long.db').as_posix()}",
        windows=windows,
        hours=hours,
        arrivals_per_hour=rate,
        service_minutes=minutes,
        seed=2024,
    )
    assert result["violations"] == 0
    drawn_rate = result["issued"] / hours
    theory = simulate.erlang_c_wait_minutes(windows, drawn_rate, result["avg_handling_min"])
    assert result["avg_wait_min"] == pytest.approx(theory, rel=0.25)
    assert result["utilisation"] == pytest.approx(
        drawn_rate * result["avg_handling_min"] / 60 / windows, rel=0.05
    )
