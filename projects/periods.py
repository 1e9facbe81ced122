"""A reporting period: a financial year, one of its quarters, or all time. Every period is
whole months, so the ledger's monthly totals give exactly what its lines give."""

import datetime
from dataclasses import dataclass

from core.financial_years import fy_bounds


@dataclass(frozen=True)
class Period:
    financial_year: str | None = None
    quarter: int | None = None

    def bounds(self):
        if not self.financial_year:
            return None, None
        start, end = fy_bounds(self.financial_year)
        if self.quarter:
            first_month = start.month + 3 * (self.quarter - 1)
            start = datetime.date(start.year + (first_month > 12), (first_month - 1) % 12 + 1, 1)
            after = datetime.date(
                start.year + (start.month + 3 > 12), (start.month + 2) % 12 + 1, 1
            )
            end = after - datetime.timedelta(days=1)
        return start, end

    def months(self):
        """The first day of each month in the period; none for all time."""
        start, end = self.bounds()
        months = []
        day = start
        while day is not None and day <= end:
            months.append(day)
            day = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
        return months


ALL_TIME = Period()
