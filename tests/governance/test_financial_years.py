import datetime

import pytest

from core.financial_years import fy_bounds, fy_for_date, fy_quarter, fy_start_year


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (datetime.date(2025, 3, 31), "2024-25"),
        (datetime.date(2025, 4, 1), "2025-26"),
        (datetime.date(2025, 12, 31), "2025-26"),
        (datetime.date(1999, 6, 1), "1999-00"),
    ],
)
def test_a_date_falls_in_the_financial_year_starting_the_april_before(day, expected):
    assert fy_for_date(day) == expected


@pytest.mark.parametrize(
    ("month", "quarter"), [(4, 1), (6, 1), (7, 2), (9, 2), (10, 3), (12, 3), (1, 4), (3, 4)]
)
def test_quarters_start_in_april(month, quarter):
    assert fy_quarter(datetime.date(2025, month, 15)) == quarter


def test_bounds_run_april_to_march():
    assert fy_bounds("2024-25") == (datetime.date(2024, 4, 1), datetime.date(2025, 3, 31))


@pytest.mark.parametrize("bad", ["2024-26", "2024/25", "24-25", "", "2024-2025"])
def test_malformed_names_are_refused(bad):
    with pytest.raises(ValueError):
        fy_start_year(bad)
