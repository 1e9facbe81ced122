"""The plan arithmetic a variation is judged by: no database."""

import datetime
from decimal import Decimal

import pytest

from projects.variations import (
    delegation,
    money_moved,
    months_extended,
    plan_changes,
    quarter_bounds,
)


def plan(**changes):
    return {
        "start_date": "2030-04-01",
        "end_date": "2031-03-31",
        "profile": {
            "2030-31 Q1": "25000.00",
            "2030-31 Q2": "25000.00",
            "2030-31 Q3": "25000.00",
            "2030-31 Q4": "25000.00",
        },
        "budget": {"staff": "60000.00", "it": "40000.00"},
        "scope": "Outreach family support.",
        **changes,
    }


def moved_profile(amount):
    return {
        "2030-31 Q1": str(Decimal("25000.00") - amount),
        "2030-31 Q2": "25000.00",
        "2030-31 Q3": "25000.00",
        "2030-31 Q4": str(Decimal("25000.00") + amount),
    }


@pytest.mark.parametrize(
    ("key", "first", "last"),
    [
        ("2030-31 Q1", datetime.date(2030, 4, 1), datetime.date(2030, 6, 30)),
        ("2030-31 Q3", datetime.date(2030, 10, 1), datetime.date(2030, 12, 31)),
        ("2030-31 Q4", datetime.date(2031, 1, 1), datetime.date(2031, 3, 31)),
    ],
)
def test_a_quarter_runs_from_its_first_to_its_last_day(key, first, last):
    assert quarter_bounds(key) == (first, last)


def test_the_money_moved_is_what_rises_between_quarters_or_lines_whichever_is_more():
    after = plan(
        profile=moved_profile(Decimal("3000.00")), budget={"staff": "55000.00", "it": "45000.00"}
    )
    assert money_moved(plan(), after) == Decimal("5000.00")


def test_moving_exactly_the_delegated_share_is_within_the_teams_delegation(settings):
    settings.VARIATION_DELEGATED_PERCENT = 10
    after = plan(profile=moved_profile(Decimal("10000.00")))
    assert delegation(Decimal("100000.00"), plan(), after)[0] == "delegated"


def test_a_penny_over_the_delegated_share_is_for_the_group(settings):
    settings.VARIATION_DELEGATED_PERCENT = 10
    after = plan(profile=moved_profile(Decimal("10000.01")))
    route, why = delegation(Decimal("100000.00"), plan(), after)
    assert route == "group"
    assert "10.1% of the approval, more than the 10% delegated" in why


def test_more_than_the_delegated_amount_is_for_the_group_whatever_the_share(settings):
    settings.VARIATION_DELEGATED_AMOUNT = "1000.00"
    after = plan(profile=moved_profile(Decimal("1000.01")))
    route, why = delegation(Decimal("100000.00"), plan(), after)
    assert route == "group"
    assert "£1,000.01, more than the £1,000.00 delegated" in why


def test_a_change_of_scope_is_always_for_the_group():
    after = plan(scope="Outreach family support and a parenting course.")
    assert delegation(Decimal("100000.00"), plan(), after) == (
        "group",
        "For the group: it changes the scope the group approved.",
    )


@pytest.mark.parametrize(
    ("end", "months", "route"),
    [
        ("2031-09-30", 6, "delegated"),
        ("2031-10-01", 7, "group"),
        ("2031-01-31", 0, "delegated"),
        ("2031-04-01", 1, "delegated"),
    ],
)
def test_more_time_is_delegated_up_to_the_delegated_months(settings, end, months, route):
    settings.VARIATION_DELEGATED_MONTHS = 6
    after = plan(end_date=end)
    assert months_extended(plan(), after) == months
    assert delegation(Decimal("100000.00"), plan(), after)[0] == route


def test_the_changes_say_what_changes_from_what_to_what():
    after = plan(end_date="2031-06-30", profile=moved_profile(Decimal("500.00")))
    assert plan_changes(plan(), after) == [
        ["time", "End date", "31 March 2031", "30 June 2031"],
        ["profile", "2030-31 Q1", "£25,000.00", "£24,500.00"],
        ["profile", "2030-31 Q4", "£25,000.00", "£25,500.00"],
    ]


def test_a_month_end_to_a_month_end_is_whole_months():
    assert months_extended(plan(end_date="2027-06-30"), plan(end_date="2028-03-31")) == 9
    assert months_extended(plan(end_date="2027-02-28"), plan(end_date="2027-08-31")) == 6
