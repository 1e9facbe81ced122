"""Working days: Monday to Friday, less England's bank holidays."""

import datetime
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _bank_holidays(year):
    return frozenset(holidays.UK(subdiv="ENG", years=[year]).keys())


def is_working_day(day):
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def working_days_before(day, count):
    """The date ``count`` working days before ``day`` (``day`` itself not counted)."""
    current = day
    remaining = count
    while remaining:
        current -= datetime.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def clear_working_days_before(day, count):
    """The latest date that leaves ``count`` clear working days before ``day``: neither that
    date nor ``day`` counts, as with papers sent "five clear working days" before a meeting."""
    return working_days_before(day, count + 1)
