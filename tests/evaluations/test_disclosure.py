"""Small-number suppression: one rule, primary and secondary."""

import pytest
from django.test import override_settings

from core.disclosure import suppress, suppress_one


def labels(result):
    return {key: str(value) for key, value in result.items()}


@pytest.mark.parametrize(
    "value, label", [(0, "0"), (1, "<10"), (9, "<10"), (10, "10"), (1234, "1,234")]
)
def test_counts_from_one_to_nine_are_shown_as_under_ten(value, label):
    assert str(suppress_one(value)) == label


@override_settings(SMALL_NUMBER_THRESHOLD=5)
def test_the_threshold_is_a_setting():
    assert str(suppress_one(5)) == "5"
    assert str(suppress_one(4)) == "<5"


def test_a_suppressed_value_carries_no_number():
    shown = suppress_one(3)
    assert shown.suppressed and shown.value is None


def test_one_hidden_cell_beside_a_shown_total_hides_the_next_smallest_cell():
    cells = {"a": 25, "b": 4, "c": 30, "total": 59}
    result = labels(suppress(cells, [(["a", "b", "c"], "total")]))
    assert result == {"a": "[c]", "b": "<10", "c": "30", "total": "59"}


def test_zeros_are_not_chosen_to_hide_a_cell_because_a_zero_hides_nothing():
    cells = {"a": 4, "b": 0, "c": 50, "total": 54}
    result = labels(suppress(cells, [(["a", "b", "c"], "total")]))
    assert result["c"] == "[c]" and result["b"] == "0"


def test_where_no_other_cell_can_be_hidden_the_total_is():
    cells = {"a": 6, "b": 0, "total": 6}
    result = labels(suppress(cells, [(["a", "b"], "total")]))
    assert result == {"a": "<10", "b": "0", "total": "<10"}


def test_a_hidden_total_is_protected_from_its_cells():
    cells = {"a": 5, "b": 3, "total": 8}
    assert labels(suppress(cells, [(["a", "b"], "total")])) == {
        "a": "<10",
        "b": "<10",
        "total": "<10",
    }


def test_two_hidden_cells_need_no_more():
    cells = {"a": 4, "b": 6, "c": 100, "total": 110}
    result = labels(suppress(cells, [(["a", "b", "c"], "total")]))
    assert result == {"a": "<10", "b": "<10", "c": "100", "total": "110"}


def test_secondary_suppression_runs_across_rows_and_columns():
    # Two outcome rows by two years, with row and column totals.
    cells = {
        ("r1", "y1"): 3, ("r1", "y2"): 40, ("r1", "all"): 43,
        ("r2", "y1"): 50, ("r2", "y2"): 60, ("r2", "all"): 110,
        ("all", "y1"): 53, ("all", "y2"): 100, ("all", "all"): 153,
    }  # fmt: skip
    groups = [
        ([("r1", "y1"), ("r1", "y2")], ("r1", "all")),
        ([("r2", "y1"), ("r2", "y2")], ("r2", "all")),
        ([("r1", "y1"), ("r2", "y1")], ("all", "y1")),
        ([("r1", "y2"), ("r2", "y2")], ("all", "y2")),
    ]
    result = suppress(cells, groups)
    hidden = {key for key, value in result.items() if value.suppressed}
    assert ("r1", "y1") in hidden
    for members, total in groups:
        assert sum(key in hidden for key in [*members, total]) != 1
