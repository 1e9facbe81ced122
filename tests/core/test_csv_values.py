"""Amounts and dates as finance systems write them, read one way only (core.csvfiles)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.csvfiles import parse_amount, parse_date

amounts = st.decimals(
    min_value=Decimal("-9999999999.99"), max_value=Decimal("9999999999.99"), places=2
)


@given(amounts)
def test_every_way_of_writing_an_amount_reads_back_the_same(amount):
    plain = f"{abs(amount):.2f}"
    grouped = f"{abs(amount):,.2f}"
    sign = amount < 0
    for written in [plain, grouped, f"£{grouped}"]:
        if sign:
            for credit in [f"-{written}", f"{written}-", f"({written})", f"{written} CR"]:
                assert parse_amount(credit) == amount
        else:
            assert parse_amount(written) == amount


@given(st.integers(min_value=1000, max_value=999999), st.integers(min_value=0, max_value=99))
def test_a_decimal_comma_is_refused_never_read_a_hundred_times_too_large(pounds, pence):
    with pytest.raises(ValueError, match="comma does not separate thousands"):
        parse_amount(f"{pounds},{pence:02d}")


@pytest.mark.parametrize("text", ["12345678901.00", "1234567890123", "99,999,999,999.99"])
def test_a_value_beyond_the_ledgers_columns_is_refused_in_the_check(text):
    with pytest.raises(ValueError, match="larger than the ledger can hold"):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("05/11/2026", datetime.date(2026, 11, 5)),
        ("2026-11-05", datetime.date(2026, 11, 5)),
        ("05-NOV-2026", datetime.date(2026, 11, 5)),
        ("5-Nov-2026", datetime.date(2026, 11, 5)),
        ("05/11/2026 14:30", datetime.date(2026, 11, 5)),
        ("2026-11-05 00:00:00", datetime.date(2026, 11, 5)),
    ],
)
def test_dates_are_read_in_the_forms_ledgers_export(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["05/11/26", "05-NOV-26"])
def test_a_two_digit_year_is_refused_with_the_reason(text):
    with pytest.raises(ValueError, match="two-digit year"):
        parse_date(text)
