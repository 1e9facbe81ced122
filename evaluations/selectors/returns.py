"""The quarterly progress information for the department, counted from the results calendar
(the same figures the results pages show), for a quarter that has ended."""

import datetime
from typing import Any

from django.db.models import QuerySet

from core.financial_years import fy_for_date, fy_name, fy_quarter, fy_start_year
from evaluations.day_counts import ONE_DAY
from evaluations.models import QuarterlyReturn
from evaluations.selectors.results import (
    family_counts,
    need_counts,
    needs_in,
    quarter_bounds,
)
from programme.models import Outcome

# What the return gives for each outcome area (the department takes no funded-only counts).
AREA_COUNTS = ["families_with_need", "achieved", "sustained"]


def ended_quarters(today: datetime.date, count: int = 8) -> list[tuple[str, int]]:
    """The last ``count`` quarters that have ended by ``today``, latest first."""
    year, quarter = fy_for_date(today), fy_quarter(today)
    found: list[tuple[str, int]] = []
    while len(found) < count:
        quarter -= 1
        if quarter == 0:
            year, quarter = fy_name(fy_start_year(year) - 1), 4
        found.append((year, quarter))
    return found


def quarter_window(financial_year: str, quarter: int) -> tuple[datetime.date, datetime.date]:
    first, following = quarter_bounds(financial_year)[quarter - 1]
    return first, following - ONE_DAY


def return_figures(financial_year: str, quarter: int) -> dict[str, Any]:
    """Families worked with (a plan open in the quarter), eligible, successful family
    outcomes counted in it, and by outcome area families with the need, needs achieved and
    sustained: exact counts, as the department's return takes them."""
    window = quarter_window(financial_year, quarter)
    (counts,) = family_counts([window])
    needs = needs_in(window)
    outcomes = []
    for number, name in Outcome.objects.order_by("number").values_list("number", "name"):
        area = need_counts(needs.get(number, {}))
        outcomes.append({"number": number, "name": name, **{k: area[k] for k in AREA_COUNTS}})
    return {
        "period": f"{window[0]:%-d %B %Y} to {window[1]:%-d %B %Y}",
        "families_supported": counts["supported"],
        "families_eligible": counts["eligible"],
        "successful_family_outcomes": counts["successful"],
        "outcomes_achieved": counts["achieved"],
        "outcomes": outcomes,
    }


def sent_returns() -> QuerySet[QuarterlyReturn]:
    return QuarterlyReturn.objects.select_related("sent_by").order_by("-financial_year", "-quarter")
