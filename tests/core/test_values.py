"""Amounts and dates as finance systems write them, read one way only (core.values)."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.values import looks_decimal_comma, parse_amount, parse_date

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


@given(amounts)
def test_in_a_decimal_comma_file_every_way_of_writing_an_amount_reads_back_the_same(amount):
    plain = f"{abs(amount):.2f}".replace(".", ",")
    grouped = f"{abs(amount):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    for written in [plain, grouped, f"£{grouped}"]:
        text = f"-{written}" if amount < 0 else written
        assert parse_amount(text, decimal_comma=True) == amount


@pytest.mark.parametrize("text", ["1,234.56", "12.5.0", "1.23"])
def test_in_a_decimal_comma_file_a_decimal_point_is_refused(text):
    with pytest.raises(ValueError):
        parse_amount(text, decimal_comma=True)


@pytest.mark.parametrize(
    ("values", "decimal_comma"),
    [
        (["1234,56", "10,00", ""], True),
        (["1.234,56", "(12,50)", "12,50 CR"], True),
        (["1234.56", "10,00"], False),
        (["1,234", "1,500"], False),
        (["1,234.56"], False),
    ],
)
def test_a_file_is_taken_as_decimal_comma_only_when_every_amount_says_so(values, decimal_comma):
    assert looks_decimal_comma(values) is decimal_comma


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
        ("2026-11-05T09:15:00", datetime.date(2026, 11, 5)),
        ("05.11.2026", datetime.date(2026, 11, 5)),
        ("05-11-2026", datetime.date(2026, 11, 5)),
    ],
)
def test_dates_are_read_in_the_forms_ledgers_export(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["05/11/26", "05-NOV-26"])
def test_a_two_digit_year_is_refused_with_the_reason(text):
    with pytest.raises(ValueError, match="two-digit year"):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("46331", datetime.date(2026, 11, 5)),
        ("2026-11-05T09:15:00Z", datetime.date(2026, 11, 5)),
        ("05/11/2026 2:30 PM", datetime.date(2026, 11, 5)),
    ],
)
def test_dates_as_spreadsheets_and_apis_write_them(text, day):
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "amount"),
    [("GBP 1,234.56", "1234.56"), ("1,234.56 GBP", "1234.56"), ("\u2212250.00", "-250.00")],
)
def test_amounts_with_a_currency_code_or_a_true_minus(text, amount):
    assert parse_amount(text) == Decimal(amount)
