"""Sorting in runs spilled to temporary files gives the same order as sorting in memory."""

import random

from core import external_sort


def shuffled(count):
    rows = [(f"case-{number % 37}", number) for number in range(count)]
    random.Random(3).shuffle(rows)
    return rows


def test_rows_spilled_in_many_runs_come_back_in_order(monkeypatch):
    monkeypatch.setattr(external_sort, "RUN", 7)
    rows = shuffled(500)
    assert list(external_sort.sorted_rows(iter(rows))) == sorted(rows)


def test_rows_fewer_than_a_run_are_sorted_without_a_file(monkeypatch):
    spilled = []
    monkeypatch.setattr(external_sort, "_spill", spilled.append)
    rows = shuffled(50)
    assert list(external_sort.sorted_rows(rows)) == sorted(rows)
    assert spilled == []


def test_no_rows_give_nothing():
    assert list(external_sort.sorted_rows([])) == []
