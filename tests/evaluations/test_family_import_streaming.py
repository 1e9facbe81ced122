"""The family import reads its file as a stream: the good rows are sorted in runs spilled to
temporary files and gathered into plans one at a time, so peak Python memory does not grow
with the file, a case's rows may be anywhere in it, and the plans are written in batches."""

import random
import tracemalloc

import pytest

from core import external_sort
from evaluations import family_csv
from evaluations.family_csv import check
from evaluations.models import Family, FamilyNeed
from evaluations.pseudonyms import case_hash
from evaluations.services import families as imports
from evaluations.services import family_outcomes_import
from tests.evaluations.conftest import TODAY
from tests.factories import family_rows_csv, need_rows

pytestmark = pytest.mark.django_db


def scattered(count, first=0, seed=5):
    """``count`` cases of four needs each, their rows shuffled through the file."""
    rows = []
    for number in range(first, first + count):
        rows += need_rows(f"CASE-{number}", "06/01/2025", "30/06/2025", [1, 4, 9, 10],
                          achieved="01/05/2025", sustained="yes")  # fmt: skip
    random.Random(seed).shuffle(rows)
    return family_rows_csv(rows)


def imported(path, user=None):
    return family_outcomes_import(
        user=user,
        checked=check(lambda: path.open("rb"), today=TODAY, filename=path.name),
        filename=path.name,
        sha256="0" * 64,
    )


def peak_while_importing(path):
    tracemalloc.start()
    try:
        imported(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_peak_memory_does_not_grow_with_the_file(monkeypatch, tmp_path):
    # Runs, the batches read back from each, the hashes remembered and the plans written at
    # once, all smaller than the files, as they are against a file of millions of rows.
    monkeypatch.setattr(external_sort, "RUN", 500)
    monkeypatch.setattr(external_sort, "BATCH", 10)
    monkeypatch.setattr(family_csv, "HASHES_KEPT", 100)
    monkeypatch.setattr(imports, "BATCH", 100)
    warm, small, large = tmp_path / "warm.csv", tmp_path / "small.csv", tmp_path / "large.csv"
    warm.write_bytes(scattered(250, first=90_000))
    small.write_bytes(scattered(250))
    large.write_bytes(scattered(1000, first=1000))
    peak_while_importing(warm)  # modules and caches
    first = peak_while_importing(small)
    second = peak_while_importing(large)
    assert FamilyNeed.objects.count() == 4 * 1500
    # Four times the rows: the peak stays within a small constant (holding every plan, it
    # grew by about 1 KB a row).
    assert second - first < 1_000_000, (first, second)


def test_a_cases_rows_spread_over_many_runs_make_one_plan(monkeypatch):
    monkeypatch.setattr(external_sort, "RUN", 3)
    checked = check(scattered(40), today=TODAY)
    plans = {record.case_hash: record for record in checked.plans()}
    assert (checked.errors, checked.rows, checked.plan_count) == ([], 160, 40)
    assert sorted(plans[case_hash("CASE-7")].needs) == [1, 4, 9, 10]


def test_the_same_outcome_twice_names_the_earlier_line_however_far_apart(monkeypatch):
    monkeypatch.setattr(external_sort, "RUN", 3)
    rows = need_rows("CASE-X", "06/01/2025", "", [2])
    for number in range(20):
        rows += need_rows(f"CASE-{number}", "06/01/2025", "", [1])
    rows += need_rows("CASE-X", "06/01/2025", "", [2])
    checked = check(family_rows_csv(rows), today=TODAY)
    assert checked.errors == [(23, "outcome 2 is already on line 2 for this plan")]


def test_plans_are_written_in_batches_and_all_counted(monkeypatch, import_families):
    monkeypatch.setattr(imports, "BATCH", 7)
    import_families(scattered(30))
    result = import_families(scattered(35))
    assert Family.objects.count() == 35
    assert (result.added, result.updated, result.unchanged) == (5, 0, 30)
