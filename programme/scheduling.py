"""The dates of the group's meetings in a financial year, from the settings' pattern."""

import datetime

from django.conf import settings

from core.financial_years import fy_start_year


def nth_weekday(year, month, weekday, n):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def meeting_dates(financial_year):
    start = fy_start_year(financial_year)
    return [
        nth_weekday(
            start if month >= 4 else start + 1,
            month,
            settings.MEETING_WEEKDAY,
            settings.MEETING_WEEK_OF_MONTH,
        )
        for month in settings.MEETING_MONTHS
    ]
