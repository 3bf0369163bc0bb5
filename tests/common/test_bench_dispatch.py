"""`hallq bench`'s dispatch measurement, run briefly: the engine's counters and the raw loops
(the same transactions written with the bare driver) both call and finish for real, and
nobody is called twice. (What it measures is a benchmark's business, not a test's.)"""

from __future__ import annotations

import time

import pytest

from common import bench


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.pg)])
def test_dispatch_calls_and_finishes_on_both_paths(backend, tmp_path, request):
    pg_url = request.getfixturevalue("pg_server_url") if backend == "postgresql" else None
    target = bench._Target(backend, pg_url, tmp_path)  # noqa: SLF001
    try:
        result = bench.bench_dispatch(target, processes=2, seconds=0.5, backlog=3000)
    finally:
        target.drop()
    assert result["calls"] > 0
    assert result["duplicates"] == 0
    assert result["raw_calls_per_s"] > 0
    assert result["issued_meanwhile"] > 0


def _broken_worker(gate, out):
    raise RuntimeError("this worker breaks before it starts")


def _worker_breaking_midway(gate, out):
    gate.wait()
    raise RuntimeError("this worker breaks while measuring")


@pytest.mark.parametrize("worker", [_broken_worker, _worker_breaking_midway])
def test_a_broken_worker_stops_the_measurement_at_once(worker):
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="worker failed"):
        bench._run_processes([(worker, ())])  # noqa: SLF001
    assert time.monotonic() - started < 60
