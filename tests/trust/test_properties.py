"""Property-based tests: money, dates, financial years, the budget rules and the CSV imports
hold for any input hypothesis can find, not only the examples we thought of."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.financial_years import fy_bounds, fy_for_date, fy_name, fy_quarter, fy_start_year
from core.problems import ImportRefused
from core.profiles import profile_from_budget, scale_to, split_evenly
from core.values import parse_amount, parse_date
from evaluations.family_csv import check as check_families
from projects.ledger_check import check as check_ledger
from projects.models import SpendLine
from projects.services import spend_import
from projects.spend_csv import EXPORT_HEADER
from tests.factories import ProjectFactory

money = st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2)
positive_money = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999999.99"), places=2)
days = st.dates(min_value=datetime.date(1990, 1, 1), max_value=datetime.date(2100, 12, 31))


@given(money)
def test_an_amount_reads_back_however_finance_writes_it(amount):
    plain = f"{amount:.2f}"
    assert parse_amount(plain) == amount
    assert parse_amount(f"£{amount:,.2f}".replace("£-", "-£")) == amount
    if amount < 0:
        assert parse_amount(f"({-amount:,.2f})") == amount


@given(st.text(max_size=40))
def test_any_text_is_an_amount_in_pence_or_a_clear_refusal(text):
    try:
        amount = parse_amount(text)
    except ValueError as error:
        assert "amount" in str(error)
    else:
        assert amount == amount.quantize(Decimal("0.01"))


@given(days)
def test_a_date_reads_back_in_either_format(day):
    assert parse_date(f"{day:%d/%m/%Y}") == day
    assert parse_date(day.isoformat()) == day


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_clear_refusal(text):
    try:
        parse_date(text)
    except ValueError as error:
        assert "is not a date" in str(error)


@given(days)
def test_every_day_falls_in_its_financial_year_and_quarter(day):
    name = fy_for_date(day)
    first, last = fy_bounds(name)
    assert first <= day <= last
    assert first.month == 4 and first.day == 1
    quarter = fy_quarter(day)
    assert 1 <= quarter <= 4
    assert fy_quarter(first) == 1 and fy_quarter(last) == 4


@given(st.integers(min_value=1900, max_value=2998))
def test_a_financial_year_name_round_trips(year):
    assert fy_start_year(fy_name(year)) == year


@given(positive_money, st.integers(min_value=1, max_value=40))
def test_splitting_money_loses_and_invents_no_pennies(total, parts):
    amounts = split_evenly(total, parts)
    assert len(amounts) == parts
    assert sum(amounts) == total
    assert all(amount >= 0 for amount in amounts)


@given(
    st.lists(
        st.decimals(min_value=0, max_value=Decimal("999999.99"), places=2), min_size=1, max_size=16
    ),
    positive_money,
)
def test_scaling_a_profile_reaches_the_approved_amount_exactly(amounts, total):
    scaled = scale_to(amounts, total)
    assert sum(scaled) == total
    assert all(amount >= 0 for amount in scaled)


@given(
    st.lists(
        st.tuples(st.sampled_from(["2026-27", "2027-28", "2028-29"]), positive_money),
        min_size=1,
        max_size=12,
    ),
    positive_money,
    st.dates(min_value=datetime.date(2026, 4, 1), max_value=datetime.date(2028, 3, 31)),
    st.integers(min_value=0, max_value=1100),
)
def test_a_budget_profile_sums_to_the_approved_amount(lines, approved, start, days):
    end = start + datetime.timedelta(days=days)
    profile = profile_from_budget(lines, approved, start, end)
    assert sum(profile.values()) == approved
    assert all(quarter in (1, 2, 3, 4) for _year, quarter in profile)
    first, last = (fy_for_date(start), fy_quarter(start)), (fy_for_date(end), fy_quarter(end))
    assert all(first <= key <= last for key in profile)


cell = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=30)
ledger_rows = st.lists(st.lists(cell, min_size=0, max_size=9), max_size=8)


def _csv(rows):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode()


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ledger_rows)
@example([["\x00"]])  # found by hypothesis: PostgreSQL refused a NUL in a lookup
def test_any_ledger_file_is_checked_without_crashing(rows):
    data = _csv(rows)
    result = check_ledger(data)
    lines = data.count(b"\n") + 1
    assert all(1 <= line <= lines and reason for line, reason in result.errors)
    if not result.errors:
        skipped = sum(other.lines for other in result.other_cost_centres.values())
        accounted = result.added + result.already_there + result.repeat_count + skipped
        assert accounted == result.rows


good_line = st.builds(
    lambda n, day, amount: [
        f"T{n}",
        f"{day:%d/%m/%Y}",
        "Acme Ltd",
        "Work",
        "FP9000001",
        "Staff",
        f"{amount}",
        "0",
    ],
    st.integers(min_value=1, max_value=10**6),
    st.dates(min_value=datetime.date(2026, 4, 1), max_value=datetime.date(2027, 3, 31)),
    money,
)
bad_line = st.sampled_from(
    [
        ["T-bad", "31/02/2026", "Acme", "Work", "FP9000001", "Staff", "1.00", "0"],
        ["T-bad", "01/05/2026", "Acme", "Work", "FP9000001", "", "1.00", "0"],
        ["T-bad", "01/05/2026", "Acme", "Work", "FP9000001", "Staff", "1.005", "0"],
        ["", "01/05/2026", "Acme", "Work", "FP9000001", "Staff", "1.00", "0"],
    ]
)


@pytest.mark.django_db
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(good_line, max_size=12, unique_by=lambda row: row[0]),
    st.none() | bad_line,
    st.integers(min_value=0, max_value=12),
)
def test_a_ledger_import_writes_every_line_or_none(finance_officer, rows, bad, position):
    with transaction.atomic():
        ProjectFactory(cost_centre="FP9000001")
        if bad is not None:
            rows = [*rows[:position], bad, *rows[position:]]
        try:
            result = spend_import(user=finance_officer, data=_csv(rows), filename="x.csv")
        except ImportRefused:
            assert bad is not None
            assert SpendLine.objects.count() == 0
        else:
            assert bad is None
            assert SpendLine.objects.count() == result.added == len(rows)
            assert sum(line.net_amount for line in SpendLine.objects.all()) == sum(
                Decimal(row[6]) for row in rows
            )
        transaction.set_rollback(True)


@pytest.mark.django_db
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_any_bytes_as_a_case_management_export_are_checked_without_crashing(data):
    checked = check_families(data)
    if checked.errors:
        assert all(line >= 1 and reason.strip() for line, reason in checked.errors)
    else:
        # Every row of a good file is one need of one family.
        assert sum(len(family.needs) for family in checked.plans()) == checked.rows
