"""No subtraction between published figures gives a small count: random small populations are
put through the linked table, then an attacker who knows every sum solves every equation with
one unknown, over and over, and must learn no count below the threshold."""

import datetime
from types import SimpleNamespace

import pytest
from django.test import override_settings
from hypothesis import given, settings
from hypothesis import strategies as st

from core.disclosure import is_small
from evaluations.selectors.presenting import Figures, linked_table, linked_view

YEARS = ["2024-25", "2025-26", "2026-27"]
OUTCOMES = [SimpleNamespace(number=n, name=f"Outcome {n}") for n in range(1, 5)]
count = st.integers(min_value=0, max_value=40)


@st.composite
def populations(draw):
    by_year, matrix, sustained, need, funded_sustained = [], {}, {}, {}, {}
    for year in YEARS:
        # Successful outcomes by quarter add up to the year's (the headline shows them).
        quarters = [draw(count) for _ in range(4)]
        successful = sum(quarters)
        eligible = successful + draw(count)
        supported = eligible + draw(count)
        achieved_by_outcome = [draw(count) for _ in OUTCOMES]
        by_year.append(
            {
                "financial_year": year,
                "families_supported": supported,
                "families_eligible": eligible,
                "successful_family_outcomes": successful,
                "successful_by_quarter": quarters,
                "families_funded": draw(st.integers(0, supported)),
                "funded_successful": draw(st.integers(0, successful)),
                "funded_achieved": draw(st.integers(0, sum(achieved_by_outcome))),
                "spend": 0,
            }
        )
        for outcome, achieved in zip(OUTCOMES, achieved_by_outcome, strict=True):
            matrix[(outcome.number, year)] = achieved
            need[(outcome.number, year)] = achieved + draw(count)
            sustained[(outcome.number, year)] = draw(count)
            funded_sustained[(outcome.number, year)] = draw(
                st.integers(0, sustained[(outcome.number, year)])
            )
    return Figures(
        as_of=datetime.date(2027, 3, 31),
        years=YEARS,
        outcomes=OUTCOMES,
        by_year=by_year,
        matrix=matrix,
        sustained=sustained,
        need=need,
        funded_sustained=funded_sustained,
    )


def attack(cells, groups, view):
    """Everything an attacker can work out from the shown figures and the sums."""
    known = {key: shown.value for key, shown in view.items() if not shown.suppressed}
    learned = True
    while learned:
        learned = False
        for members, total in groups:
            keys = [*members, total]
            unknown = [key for key in keys if key not in known]
            if len(unknown) != 1:
                continue
            (key,) = unknown
            if key == total:
                known[key] = sum(known[m] for m in members)
            else:
                known[key] = known[total] - sum(known[m] for m in members if m != key)
            learned = True
    return known


def assert_nothing_small_is_learned(figures):
    cells, groups, _virtual = linked_table(figures)
    view = linked_view(figures, suppressed=True)
    known = attack(cells, groups, view)
    hidden_or_virtual = set(cells) - {k for k, v in view.items() if not v.suppressed}
    revealed = {key: known[key] for key in hidden_or_virtual if key in known}
    assert not [key for key, value in revealed.items() if is_small(value)], revealed
    for key, value in known.items():
        assert value == cells[key]


@settings(max_examples=300, deadline=None)
@given(populations())
def test_no_published_figure_gives_away_a_small_count(figures):
    assert_nothing_small_is_learned(figures)


@override_settings(SMALL_NUMBER_THRESHOLD=5)
@settings(max_examples=100, deadline=None)
@given(populations())
def test_the_same_holds_for_another_threshold(figures):
    assert_nothing_small_is_learned(figures)


def test_families_not_eligible_cannot_be_worked_out_from_supported_and_eligible():
    figures = Figures(
        as_of=datetime.date(2027, 3, 31),
        years=["2026-27"],
        outcomes=[],
        by_year=[
            {
                "financial_year": "2026-27",
                "families_supported": 14,
                "families_eligible": 11,
                "successful_family_outcomes": 0,
                "successful_by_quarter": [0, 0, 0, 0],
                "families_funded": 14,
                "funded_successful": 0,
                "funded_achieved": 0,
                "spend": 0,
            }
        ],
        matrix={},
        sustained={},
        need={},
    )
    view = linked_view(figures, suppressed=True)
    supported, eligible = view[("supported", "2026-27")], view[("eligible", "2026-27")]
    assert supported.suppressed or eligible.suppressed
    assert "[c]" in {str(supported), str(eligible)}


@pytest.mark.parametrize("threshold", [5, 10])
def test_a_secondary_cell_is_labelled_c_and_a_primary_one_the_threshold(threshold):
    with override_settings(SMALL_NUMBER_THRESHOLD=threshold):
        figures = Figures(
            as_of=datetime.date(2027, 3, 31),
            years=["2026-27"],
            outcomes=OUTCOMES[:2],
            by_year=[
                {
                    "financial_year": "2026-27",
                    "families_supported": 100,
                    "families_eligible": 80,
                    "successful_family_outcomes": 40,
                    "successful_by_quarter": [40, 0, 0, 0],
                    "families_funded": 100,
                    "funded_successful": 40,
                    "funded_achieved": 0,
                    "spend": 0,
                }
            ],
            matrix={(1, "2026-27"): threshold - 1, (2, "2026-27"): 12},
            sustained={},
            need={(1, "2026-27"): 50, (2, "2026-27"): 50},
        )
        view = linked_view(figures, suppressed=True)
        assert str(view[(1, "2026-27")]) == f"<{threshold}"
        assert str(view[(2, "2026-27")]) == "[c]"
