"""Ours and its limit are timed in turn, and the ratio is the median of the pairs' ratios."""

import itertools

import pytest

from benchmarks.suite import measure


def test_ours_and_the_limit_run_in_turn(monkeypatch):
    # A clock of its own: under faketime (CI's moved-clock runs) time may stand still.
    monkeypatch.setattr(measure.time, "perf_counter", itertools.count().__next__)
    calls = []
    measure.paired_times(lambda: calls.append("ours"), lambda: calls.append("limit"), 3)
    assert calls == ["ours", "limit", "limit", "ours", "ours", "limit"]


def test_the_ratio_is_the_median_of_each_runs_ratio(monkeypatch):
    # Each run's (start, end) clock readings: ours takes 2, 3, 9 s; the limit 1, 1, 3 s.
    ticks = iter([0, 2, 0, 1, 0, 1, 0, 3, 0, 9, 0, 3])
    monkeypatch.setattr(measure.time, "perf_counter", lambda: next(ticks))
    ours, limit, ratio = measure.paired_times(lambda: None, lambda: None, 3)
    assert (ours, limit, ratio) == (3, 1, 3.0)


@pytest.mark.django_db
def test_settling_inside_a_transaction_leaves_the_database_alone():
    # VACUUM cannot run in a transaction block; the suite's tests run in one.
    measure.settle()
