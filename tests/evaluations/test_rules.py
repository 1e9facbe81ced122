"""The eligibility and success rules, on their edges."""

import datetime

import pytest

from core.dates import add_months
from evaluations.rules import Need, assess

D = datetime.date
PLAN = D(2025, 1, 6)
CLOSED = D(2025, 6, 30)


ACHIEVED = D(2025, 5, 1)
IDENTIFIED = D(2025, 1, 10)


def need(outcome, achieved=ACHIEVED, sustained=True, identified=IDENTIFIED):
    return Need(outcome, identified, achieved, sustained)


def test_three_outcome_areas_make_a_family_eligible():
    standing = assess(plan_start=PLAN, case_closed=None, needs=[need(1), need(4), need(9)])
    assert standing.eligible


def test_two_outcome_areas_do_not():
    standing = assess(plan_start=PLAN, case_closed=None, needs=[need(1), need(4)])
    assert not standing.eligible


def test_every_need_achieved_and_sustained_is_a_success_six_months_after_closure():
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=[need(1), need(4), need(9)])
    assert standing.all_needs_sustained
    assert standing.sustain_until == D(2025, 12, 30)
    assert standing.successful(D(2025, 12, 30))


def test_sustained_five_months_and_29_days_is_not_yet_a_success():
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=[need(1), need(4), need(9)])
    assert not standing.successful(D(2025, 12, 29))


def test_one_need_not_sustained_is_not_a_success():
    needs = [need(1), need(4), need(9, sustained=False)]
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=needs)
    assert standing.eligible
    assert not standing.all_needs_sustained


def test_one_need_not_achieved_is_not_a_success():
    needs = [need(1), need(4), need(9, achieved=None, sustained=None)]
    assert not assess(plan_start=PLAN, case_closed=CLOSED, needs=needs).all_needs_sustained


def test_sustained_not_yet_known_is_not_a_success():
    needs = [need(1), need(4), need(9, sustained=None)]
    assert not assess(plan_start=PLAN, case_closed=CLOSED, needs=needs).all_needs_sustained


def test_a_need_identified_after_closure_does_not_count_towards_eligibility():
    late = need(9, identified=D(2025, 8, 1), achieved=None, sustained=None)
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=[need(1), need(4), late])
    assert not standing.eligible


def test_a_need_identified_after_closure_stops_a_success():
    late = need(7, identified=D(2025, 8, 1), achieved=D(2025, 9, 1), sustained=True)
    needs = [need(1), need(4), need(9), late]
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=needs)
    assert standing.eligible
    assert not standing.all_needs_sustained


def test_a_need_identified_on_the_day_of_closure_counts():
    on_the_day = need(9, identified=CLOSED, achieved=CLOSED)
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=[need(1), need(4), on_the_day])
    assert standing.eligible and standing.all_needs_sustained


def test_an_open_case_is_never_a_success():
    standing = assess(plan_start=PLAN, case_closed=None, needs=[need(1), need(4), need(9)])
    assert standing.eligible
    assert not standing.all_needs_sustained
    assert standing.sustain_until is None


def test_an_ineligible_family_is_not_a_success_even_with_every_need_sustained():
    standing = assess(plan_start=PLAN, case_closed=CLOSED, needs=[need(1), need(4)])
    assert not standing.all_needs_sustained


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2027, 8, 31), 6, D(2028, 2, 29)),
        (D(2025, 3, 31), 6, D(2025, 9, 30)),
        (D(2025, 10, 15), 6, D(2026, 4, 15)),
    ],
)
def test_six_months_after_a_month_end_is_the_last_day_of_the_shorter_month(day, months, expected):
    assert add_months(day, months) == expected
