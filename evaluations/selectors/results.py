"""Outcomes and value: the figures the admin, the portal, the public page, the workbook and
``outcome_report`` all show, computed in SQL here and nowhere else. Counts are unsuppressed;
``evaluations.presenting`` applies the disclosure rule for everyone outside the programme team.
The programme's counts are sums over the results calendar (``evaluations.day_counts``); the
counts by project, kind and fund (``selectors.value``) read the families themselves.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone

from core.dates import add_months
from core.financial_years import fy_bounds, fy_for_date, fy_name, fy_start_year
from core.money import MoneySum, to_money
from evaluations.day_counts import ONE_DAY, window_sums
from evaluations.models import (
    DayCount,
    EvaluationStudy,
    Family,
    ProjectResult,
    ProjectTarget,
)
from programme.models import Outcome
from projects.periods import Period
from projects.selectors import spend_months
from projects.selectors.ledger import programme_months

ZERO = Decimal("0.00")
Event = DayCount.Event
# A counting window: its first day (None for all time) and its last.
Window = tuple[datetime.date | None, datetime.date]


def counting_window(financial_year: str | None, as_of: datetime.date) -> Window:
    """First and last day counted: the financial year (or all time), never after ``as_of``."""
    if financial_year is None:
        return None, as_of
    start, end = fy_bounds(financial_year)
    return start, min(end, as_of)


def begun(window: Window) -> bool:
    start, end = window
    return start is None or start <= end


def open_sums(sums: dict[str, Any], key: str, window: Window, opened: str, closed: str) -> None:
    """Sums for what was open at some point in the window: opened by its last day, less what
    closed before its first (nothing closes before it opens)."""
    start, end = window
    sums[f"{key}_opened"] = (opened, None, end)
    if start is not None:
        sums[f"{key}_closed"] = (closed, None, start - ONE_DAY)


def read_open(row: dict[str, int], key: str) -> int:
    return row[f"{key}_opened"] - row.get(f"{key}_closed", 0)


ZERO_COUNTS = dict.fromkeys(
    ["supported", "eligible", "successful", "achieved", "funded", "funded_successful",
     "funded_achieved"],
    0,
)  # fmt: skip


def family_counts(windows: list[Window]) -> list[dict[str, int]]:
    """For each window: families supported (plan open in it), eligible families supported,
    successful family outcomes counted in it and needs achieved in it, and the same three of
    the families some funded project supported (``funded``, ``funded_successful``,
    ``funded_achieved``). One query over the results calendar; a window that has not begun
    counts nothing."""
    sums: dict[str, Any] = {}
    for index, window in enumerate(windows):
        open_sums(sums, f"s{index}", window, Event.STARTED, Event.CLOSED)
        open_sums(sums, f"e{index}", window, Event.STARTED_ELIGIBLE, Event.CLOSED_ELIGIBLE)
        open_sums(sums, f"f{index}", window, Event.FUNDED_STARTED, Event.FUNDED_CLOSED)
        sums[f"w{index}"] = (Event.SUCCESSFUL, *window)
        sums[f"a{index}"] = (Event.NEED_ACHIEVED, *window)
        sums[f"fw{index}"] = (Event.FUNDED_SUCCESSFUL, *window)
        sums[f"fa{index}"] = (Event.FUNDED_ACHIEVED, *window)
    row = window_sums(sums)
    return [
        {
            "supported": read_open(row, f"s{index}"),
            "eligible": read_open(row, f"e{index}"),
            "successful": row[f"w{index}"],
            "achieved": row[f"a{index}"],
            "funded": read_open(row, f"f{index}"),
            "funded_successful": row[f"fw{index}"],
            "funded_achieved": row[f"fa{index}"],
        }
        if begun(window)
        else dict(ZERO_COUNTS)
        for index, window in enumerate(windows)
    ]


def within(field: str, window: Window) -> Q:
    start, end = window
    if start is None:
        return Q(**{f"{field}__lte": end})
    return Q(**{f"{field}__range": (start, end)})


def open_in(window: Window, begin: str = "plan_start", close: str = "case_closed") -> Q:
    """Plans (or supports, given their fields) open at some point in the window."""
    start, end = window
    condition = Q(**{f"{begin}__lte": end})
    if start is not None:
        condition &= Q(**{f"{close}__isnull": True}) | Q(**{f"{close}__gte": start})
    return condition


def successful(window: Window, prefix: str = "") -> Q:
    """Successful family outcomes counted in the window: six months after closure ended in it."""
    return Q(**{f"{prefix}all_needs_sustained": True}) & within(f"{prefix}sustain_until", window)


def spend_total(financial_year: str | None = None, **filters: Any) -> Decimal:
    """Spend in the year as the finance dashboard counts it: every ledger line dated in it."""
    months = spend_months(Period(financial_year), **filters)
    return months.aggregate(total=MoneySum("amount"))["total"] or ZERO


def per(spend: Decimal, count: int | None) -> Decimal | None:
    return to_money(spend / count) if count else None


def summary(
    financial_year: str | None, as_of: datetime.date, counts: dict[str, int], spend: Decimal
) -> dict[str, Any]:
    """A year's summary from its counts (``family_counts``) and spend. The spend per family,
    per successful family outcome and per outcome achieved divide by the families some
    funded project supported: the spend bought nothing for the rest."""
    return {
        "financial_year": financial_year,
        "as_of": as_of,
        "families_supported": counts["supported"],
        "families_eligible": counts["eligible"],
        "successful_family_outcomes": counts["successful"],
        "outcomes_achieved": counts["achieved"],
        "families_funded": counts["funded"],
        "funded_successful": counts["funded_successful"],
        "funded_achieved": counts["funded_achieved"],
        "spend": spend,
        "spend_per_family_supported": per(spend, counts["funded"]),
        "spend_per_successful_family_outcome": per(spend, counts["funded_successful"]),
        "spend_per_outcome_achieved": per(spend, counts["funded_achieved"]),
    }


def year_summary(
    financial_year: str | None = None, as_of: datetime.date | None = None
) -> dict[str, Any]:
    """The programme's figures for a financial year (all years when None)."""
    as_of = as_of or timezone.localdate()
    (counts,) = family_counts([counting_window(financial_year, as_of)])
    return summary(financial_year, as_of, counts, spend_total(financial_year))


def _total(queryset: QuerySet, field: str) -> Subquery:
    """SUM of a field over a correlated subquery, one row per outer row."""
    return Subquery(
        queryset.order_by().values("outcome").annotate(total=Sum(field)).values("total")[:1]
    )


def needs_in(window: Window) -> dict[int, dict[str, Any]]:
    """{outcome number: sums} for a window, from one query over the results calendar: needs
    achieved, sustained (and sustained by families a funded project supported) and open."""
    if not begun(window):
        return {}
    sums = {
        "achieved": (Event.NEED_ACHIEVED, *window),
        "sustained": (Event.NEED_SUSTAINED, *window),
        "funded_sustained": (Event.FUNDED_SUSTAINED, *window),
    }
    open_sums(sums, "need", window, Event.NEED_OPENED, Event.NEED_CLOSED)
    return {area: counts for area, counts in window_sums(sums, by="outcome").items() if area}


def need_counts(need: dict[str, Any]) -> dict[str, int]:
    """Families with the need, achieved and sustained, from ``needs_in``'s sums of one area."""
    return {
        "families_with_need": read_open(need, "need") if need else 0,
        "achieved": need.get("achieved", 0),
        "sustained": need.get("sustained", 0),
        "funded_sustained": need.get("funded_sustained", 0),
    }


def by_outcome(
    financial_year: str | None = None,
    as_of: datetime.date | None = None,
    counts: dict[int, dict[str, int]] | None = None,
) -> list[dict[str, Any]]:
    """One row per headline outcome: families with the need while their plan was open in the
    year, needs achieved in the year, needs sustained (six months after closure ended in the
    year) and those of them of families some funded project supported, the projects' targets
    and what the projects reported. ``counts``: the first four by outcome number
    (``need_counts``), when the caller has read them already."""
    as_of = as_of or timezone.localdate()
    if counts is None:
        needs = needs_in(counting_window(financial_year, as_of))
        counts = {number: need_counts(need) for number, need in needs.items()}
    # The projects' targets and reported results ride on the outcomes query as subqueries.
    reported = ProjectResult.objects.filter(outcome=OuterRef("pk"))
    if financial_year:
        reported = reported.filter(financial_year=financial_year)
    outcomes = Outcome.objects.order_by("number").annotate(
        target=_total(ProjectTarget.objects.filter(outcome=OuterRef("pk")), "expected_families"),
        reported_achieved=_total(reported, "families_achieved"),
        reported_sustained=_total(reported, "families_sustained"),
    )
    rows = []
    for outcome in outcomes:
        rows.append(
            {
                "number": outcome.number,
                "name": outcome.name,
                **counts.get(outcome.number, need_counts({})),
                "target_families": outcome.target or 0,
                "reported_achieved": outcome.reported_achieved or 0,
                "reported_sustained": outcome.reported_sustained or 0,
            }
        )
    return rows


def first_dates() -> dict[str, Subquery]:
    """Annotations giving the earliest plan and the earliest ledger month, both read in the
    same round trip as the ten-row outcomes table they ride on."""
    return {
        "first_plan": Subquery(Family.objects.order_by("plan_start").values("plan_start")[:1]),
        "first_spend": Subquery(programme_months().order_by("month").values("month")[:1]),
    }


def years_from(firsts: tuple, as_of: datetime.date) -> list[str]:
    """Financial years from the earliest of ``firsts`` to the one ``as_of`` is in."""
    starts = [_as_date(day) for day in firsts if day]
    if not starts:
        return []
    year = fy_start_year(fy_for_date(min(starts)))
    last = fy_start_year(fy_for_date(as_of))
    return [fy_name(start) for start in range(year, last + 1)]


def _as_date(value: datetime.date | datetime.datetime | str) -> datetime.date:
    if isinstance(value, str):
        return datetime.date.fromisoformat(value[:10])
    return value.date() if isinstance(value, datetime.datetime) else value


def quarter_bounds(financial_year: str) -> list[tuple[datetime.date, datetime.date]]:
    """Each quarter of the year: its first day and the first day of the next."""
    start, _end = fy_bounds(financial_year)
    return [(add_months(start, 3 * n), add_months(start, 3 * n + 3)) for n in range(4)]


def quarter_windows(financial_year: str, as_of: datetime.date) -> list[Window]:
    """The counting window of each quarter of the year, never after ``as_of``."""
    return [(first, min(nxt - ONE_DAY, as_of)) for first, nxt in quarter_bounds(financial_year)]


def results_by_year(years: list[str], as_of: datetime.date | None = None) -> list[dict[str, Any]]:
    """Per financial year: families supported, eligible and successful outcomes (and the
    successful ones by quarter), the funded projects' families, successful outcomes and needs
    achieved, and spend, each in one query over all the years."""
    as_of = as_of or timezone.localdate()
    if not years:
        return []
    quarters = [window for year in years for window in quarter_windows(year, as_of)]
    every = family_counts([counting_window(year, as_of) for year in years] + quarters)
    counts, by_quarter = every[: len(years)], every[len(years) :]
    spent = programme_months().aggregate(
        **{
            f"spend_{year}": MoneySum("amount", filter=Q(month__range=fy_bounds(year)))
            for year in years
        }
    )
    return [
        {
            "financial_year": year,
            "families_supported": count["supported"],
            "families_eligible": count["eligible"],
            "successful_family_outcomes": count["successful"],
            "successful_by_quarter": [q["successful"] for q in by_quarter[4 * i : 4 * i + 4]],
            "families_funded": count["funded"],
            "funded_successful": count["funded_successful"],
            "funded_achieved": count["funded_achieved"],
            "spend": spent[f"spend_{year}"] or ZERO,
        }
        for i, (year, count) in enumerate(zip(years, counts, strict=True))
    ]


@dataclass
class NeedsByYear:
    """Maps {(outcome number, financial year): count}: needs achieved in each year, needs
    sustained whose six months after closure ended in it (of every family, and of the families
    some funded project supported), and families with the need while their plan was open."""

    achieved: dict[tuple[int, str], int]
    sustained: dict[tuple[int, str], int]
    funded_sustained: dict[tuple[int, str], int]
    need: dict[tuple[int, str], int]


def needs_by_outcome_and_year(
    years: list[str], as_of: datetime.date | None = None, numbers: list[int] | None = None
) -> NeedsByYear:
    """The counts of each outcome area by year, from one query."""
    as_of = as_of or timezone.localdate()
    windows = {year: counting_window(year, as_of) for year in years}
    numbers = numbers or list(Outcome.objects.values_list("number", flat=True))
    zeros = {(number, year): 0 for number in numbers for year in years}
    found = NeedsByYear(dict(zeros), dict(zeros), dict(zeros), dict(zeros))
    if not years:
        return found
    counts: dict[str, Any] = {}
    for index, year in enumerate(years):
        counts[f"a{index}"] = (Event.NEED_ACHIEVED, *windows[year])
        counts[f"s{index}"] = (Event.NEED_SUSTAINED, *windows[year])
        counts[f"f{index}"] = (Event.FUNDED_SUSTAINED, *windows[year])
        open_sums(counts, f"n{index}", windows[year], Event.NEED_OPENED, Event.NEED_CLOSED)
    by_area = window_sums(counts, by="outcome")
    for area, counted in by_area.items():
        if not area:
            continue
        for index, year in enumerate(years):
            if begun(windows[year]):
                key = (area, year)
                found.achieved[key] = counted[f"a{index}"]
                found.sustained[key] = counted[f"s{index}"]
                found.funded_sustained[key] = counted[f"f{index}"]
                found.need[key] = read_open(counted, f"n{index}")
    return found


def family_rows() -> QuerySet[Family]:
    """Families with their needs, for the programme team's listing and the anonymised
    case-level return. Family-level: never for anyone outside the programme team."""
    return Family.objects.prefetch_related("needs__outcome").order_by("plan_start", "pk")


def published_studies(limit: int = 20) -> QuerySet[EvaluationStudy]:
    """Evaluation studies that have reported and are published, for the public."""
    return (
        EvaluationStudy.objects.filter(published=True, reported_on__isnull=False)
        .select_related("commissioner")
        .prefetch_related("documents")[:limit]
    )
