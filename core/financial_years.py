"""Financial years run 1 April to 31 March and are named like ``2024-25``."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import timezone

FY_PATTERN = re.compile(r"^(\d{4})-(\d{2})$")


def fy_start_year(name):
    """The calendar year a financial year starts in: ``fy_start_year("2024-25") == 2024``."""
    match = FY_PATTERN.match(name or "")
    if not match:
        raise ValueError(f"{name!r} is not a financial year like 2024-25")
    start = int(match.group(1))
    if (start + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{name!r} is not a financial year like 2024-25")
    return start


def fy_name(start_year):
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def fy_for_date(day):
    return fy_name(day.year if day.month >= 4 else day.year - 1)


def fy_bounds(name):
    """First and last day of a financial year."""
    start = fy_start_year(name)
    return datetime.date(start, 4, 1), datetime.date(start + 1, 3, 31)


def fy_quarter(day):
    """Quarter of the financial year a date falls in: April-June is Q1, January-March Q4."""
    return (day.month - 4) % 12 // 3 + 1


def validate_financial_year(value):
    try:
        fy_start_year(value)
    except ValueError as error:
        raise ValidationError(str(error)) from error


def current_fy(today=None):
    return fy_for_date(today or timezone.localdate())
