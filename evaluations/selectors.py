"""Outcomes and value: the figures the admin, the portal, the public page, the workbook and
``outcome_report`` all show, computed in SQL here and nowhere else. Counts are unsuppressed;
``evaluations.presenting`` applies the disclosure rule for everyone outside the programme team.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F, Q, Sum

from evaluations.models import (
    Family,
    FamilyNeed,
    FamilySupport,
    Outcome,
    ProjectResult,
    ProjectTarget,
)
from governance.financial_years import fy_bounds, fy_for_date, fy_name, fy_start_year
from governance.models import Fund
from governance.money import MoneyOutput, to_money
from projects.models import Project
from projects.selectors import PUBLIC_HEADINGS, Period, spend_lines

ZERO = Decimal("0.00")
GROUPINGS = {"project": "project", "kind": "project__kind", "fund": "project__fund"}


def counting_window(financial_year, as_of):
    """First and last day counted: the financial year (or all time), never after ``as_of``."""
    if financial_year is None:
        return None, as_of
    start, end = fy_bounds(financial_year)
    return start, min(end, as_of)


def within(field, window):
    start, end = window
    if start is None:
        return Q(**{f"{field}__lte": end})
    return Q(**{f"{field}__range": (start, end)})


def open_in(window, begin="plan_start", close="case_closed"):
    """Plans (or supports, given their fields) open at some point in the window."""
    start, end = window
    condition = Q(**{f"{begin}__lte": end})
    if start is not None:
        condition &= Q(**{f"{close}__isnull": True}) | Q(**{f"{close}__gte": start})
    return condition


def successful(window, prefix=""):
    """Successful family outcomes counted in the window: six months after closure ended in it."""
    return Q(**{f"{prefix}all_needs_sustained": True}) & within(f"{prefix}sustain_until", window)


def spend_total(financial_year=None, **filters):
    """Spend in the year as the finance dashboard counts it: every ledger line dated in it."""
    lines = spend_lines(Period(financial_year), **filters)
    total = lines.aggregate(
        total=Sum(F("net_amount") + F("irrecoverable_vat"), output_field=MoneyOutput())
    )["total"]
    return total or ZERO


def per(spend, count):
    return to_money(spend / count) if count else None


def year_summary(financial_year=None, as_of=None):
    """The programme's figures for a financial year (all years when None)."""
    as_of = as_of or datetime.date.today()
    window = counting_window(financial_year, as_of)
    counts = Family.objects.aggregate(
        supported=Count("pk", filter=open_in(window)),
        eligible=Count("pk", filter=open_in(window) & Q(eligible=True)),
        successful=Count("pk", filter=successful(window)),
    )
    achieved = FamilyNeed.objects.filter(within("achieved_on", window)).count()
    spend = spend_total(financial_year)
    return {
        "financial_year": financial_year,
        "as_of": as_of,
        "families_supported": counts["supported"],
        "families_eligible": counts["eligible"],
        "successful_family_outcomes": counts["successful"],
        "outcomes_achieved": achieved,
        "spend": spend,
        "spend_per_family_supported": per(spend, counts["supported"]),
        "spend_per_successful_family_outcome": per(spend, counts["successful"]),
        "spend_per_outcome_achieved": per(spend, achieved),
    }


def by_outcome(financial_year=None, as_of=None):
    """One row per headline outcome: families with the need while their plan was open in the
    year, needs achieved in the year, needs sustained (six months after closure ended in the
    year), the projects' targets and what the projects reported."""
    as_of = as_of or datetime.date.today()
    window = counting_window(financial_year, as_of)
    start, end = window
    needs = FamilyNeed.objects.values("outcome").annotate(
        with_need=Count(
            "pk",
            filter=open_in(window, "family__plan_start", "family__case_closed")
            & Q(identified_on__lte=end),
        ),
        achieved=Count("pk", filter=within("achieved_on", window)),
        sustained=Count(
            "pk",
            filter=Q(sustained=True, achieved_on__isnull=False)
            & within("family__sustain_until", window),
        ),
    )
    needs = {row["outcome"]: row for row in needs}
    targets = dict(
        ProjectTarget.objects.values("outcome")
        .annotate(total=Sum("expected_families"))
        .values_list("outcome", "total")
    )
    reported = ProjectResult.objects.all()
    if financial_year:
        reported = reported.filter(financial_year=financial_year)
    reported = {
        row["outcome"]: row
        for row in reported.values("outcome").annotate(
            achieved=Sum("families_achieved"), sustained=Sum("families_sustained")
        )
    }
    rows = []
    for outcome in Outcome.objects.order_by("number"):
        need = needs.get(outcome.pk, {})
        report = reported.get(outcome.pk, {})
        rows.append(
            {
                "number": outcome.number,
                "name": outcome.name,
                "families_with_need": need.get("with_need", 0),
                "achieved": need.get("achieved", 0),
                "sustained": need.get("sustained", 0),
                "target_families": targets.get(outcome.pk, 0),
                "reported_achieved": report.get("achieved") or 0,
                "reported_sustained": report.get("sustained") or 0,
            }
        )
    return rows


@dataclass
class ValueRow:
    key: object
    label: str
    spend: Decimal
    families_supported: int
    successful: int
    outcomes_achieved: int

    @property
    def per_family_supported(self):
        return per(self.spend, self.families_supported)

    @property
    def per_successful(self):
        return per(self.spend, self.successful)

    @property
    def per_outcome_achieved(self):
        return per(self.spend, self.outcomes_achieved)


def _labels(by, keys):
    if by == "project":
        return {
            pk: f"{reference} {title}"
            for pk, reference, title in Project.objects.filter(pk__in=keys).values_list(
                "pk", "reference", "title"
            )
        }
    if by == "fund":
        labels = dict(Fund.objects.filter(pk__in=keys).values_list("pk", "name"))
        return {**labels, None: "No fund"}
    return {key: PUBLIC_HEADINGS.get(key, key) for key in keys}


def value_for_money(financial_year=None, by="project", as_of=None):
    """Spend joined to outcomes per project, kind or fund: families the projects supported
    in the year, successful family outcomes among them counted in the year, their needs
    achieved in the year, and the spend per each. Four grouped queries and one for labels."""
    as_of = as_of or datetime.date.today()
    window = counting_window(financial_year, as_of)
    key = GROUPINGS[by]
    spend = dict(
        spend_lines(Period(financial_year))
        .values(key)
        .annotate(total=Sum(F("net_amount") + F("irrecoverable_vat"), output_field=MoneyOutput()))
        .values_list(key, "total")
    )
    supports = FamilySupport.objects.values(key)
    supported = dict(
        supports.filter(open_in(window, "start", "end"))
        .annotate(n=Count("family", distinct=True))
        .values_list(key, "n")
    )
    wins = dict(
        supports.filter(successful(window, "family__"))
        .annotate(n=Count("family", distinct=True))
        .values_list(key, "n")
    )
    achieved = dict(
        FamilyNeed.objects.filter(within("achieved_on", window))
        .values(f"family__supports__{key}")
        .annotate(n=Count("pk", distinct=True))
        .values_list(f"family__supports__{key}", "n")
    )
    keys = set(spend) | set(supported) | set(wins) | set(achieved)
    if by != "fund":
        keys.discard(None)
    labels = _labels(by, keys)
    rows = [
        ValueRow(
            key=k,
            label=labels.get(k, str(k)),
            spend=spend.get(k) or ZERO,
            families_supported=supported.get(k, 0),
            successful=wins.get(k, 0),
            outcomes_achieved=achieved.get(k, 0),
        )
        for k in keys
    ]
    return sorted(rows, key=lambda row: row.label)


def years_with_data(as_of=None):
    """Financial years from the earliest plan or ledger line to the one ``as_of`` is in."""
    as_of = as_of or datetime.date.today()
    first = Family.objects.order_by("plan_start").values_list("plan_start", flat=True).first()
    first_spend = spend_lines().order_by("date").values_list("date", flat=True).first()
    starts = [day for day in (first, first_spend) if day]
    if not starts:
        return []
    year = fy_start_year(fy_for_date(min(starts)))
    last = fy_start_year(fy_for_date(as_of))
    return [fy_name(start) for start in range(year, last + 1)]


def results_by_year(years, as_of=None):
    """Per financial year: families supported, eligible and successful outcomes, and spend,
    each in one query over all the years."""
    as_of = as_of or datetime.date.today()
    if not years:
        return []
    aggregates = {}
    for year in years:
        window = counting_window(year, as_of)
        aggregates[f"supported_{year}"] = Count("pk", filter=open_in(window))
        aggregates[f"eligible_{year}"] = Count("pk", filter=open_in(window) & Q(eligible=True))
        aggregates[f"successful_{year}"] = Count("pk", filter=successful(window))
    counts = Family.objects.aggregate(**aggregates)
    spent = spend_lines().aggregate(
        **{
            f"spend_{year}": Sum(
                F("net_amount") + F("irrecoverable_vat"),
                filter=Q(date__range=fy_bounds(year)),
                output_field=MoneyOutput(),
            )
            for year in years
        }
    )
    return [
        {
            "financial_year": year,
            "families_supported": counts[f"supported_{year}"],
            "families_eligible": counts[f"eligible_{year}"],
            "successful_family_outcomes": counts[f"successful_{year}"],
            "spend": spent[f"spend_{year}"] or ZERO,
        }
        for year in years
    ]


def achieved_by_outcome_and_year(years, as_of=None):
    """{(outcome number, financial year): needs achieved}, in one query."""
    as_of = as_of or datetime.date.today()
    if not years:
        return {}
    rows = FamilyNeed.objects.values("outcome__number").annotate(
        **{
            f"y{index}": Count("pk", filter=within("achieved_on", counting_window(year, as_of)))
            for index, year in enumerate(years)
        }
    )
    cells = {
        (number, year): 0
        for number in Outcome.objects.values_list("number", flat=True)
        for year in years
    }
    for row in rows:
        for index, year in enumerate(years):
            cells[(row["outcome__number"], year)] = row[f"y{index}"]
    return cells


def family_rows():
    """Families with their needs, for the programme team's listing and the anonymised
    case-level return. Family-level: never for anyone outside the programme team."""
    return Family.objects.prefetch_related("needs__outcome").order_by("plan_start", "pk")
