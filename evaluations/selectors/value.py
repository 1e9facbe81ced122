"""Value for money per project, kind of project or fund: the spend joined to the families
the projects supported, their successful family outcomes and their needs achieved."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Exists, F, OuterRef, QuerySet, Value
from django.utils import timezone

from core.money import MoneySum
from evaluations.day_counts import window_sums
from evaluations.models import FamilyNeed, FamilySupport, ProjectDayCount
from evaluations.selectors.results import (
    ZERO,
    Window,
    begun,
    counting_window,
    open_in,
    per,
    successful,
    within,
)
from programme.models import Fund
from projects.models import Project
from projects.periods import Period
from projects.selectors import PUBLIC_HEADINGS, spend_months, sum_subquery

GROUPINGS = {"project": "project", "kind": "project__kind", "fund": "project__fund"}
Event = ProjectDayCount.Event


@dataclass
class ValueRow:
    key: object
    label: str
    spend: Decimal
    families_supported: int
    successful: int
    outcomes_achieved: int

    @property
    def per_family_supported(self) -> Decimal | None:
        return per(self.spend, self.families_supported)

    @property
    def per_successful(self) -> Decimal | None:
        return per(self.spend, self.successful)

    @property
    def per_outcome_achieved(self) -> Decimal | None:
        return per(self.spend, self.outcomes_achieved)


def _labels(by: str, keys: set) -> dict:
    if by == "fund":
        labels = dict(Fund.objects.filter(pk__in=keys).values_list("pk", "name"))
        return {**labels, None: "No fund"}
    return {key: PUBLIC_HEADINGS.get(key, key) for key in keys}


def _supported(window: Window) -> dict[str, tuple]:
    """The sums that give the families a project supported in the window: in a financial
    year, those carried into it on 1 April and those begun in it (``project_counts``), both
    read from the year's days; over all time, every support begun."""
    first, last = window
    if first is None:
        return {"begun": (Event.STARTED, None, last)}
    return {"carried": (Event.CARRIED, first, first), "begun": (Event.STARTED, first, last)}


def value_projects(financial_year: str | None, as_of: datetime.date) -> QuerySet[Project]:
    """The projects value for money lists, by reference, with their spend in the year
    (``spent``): those with spend in it, or a day on their calendar in the counting window (a
    support carried into it or begun in it, a successful outcome or a need achieved in it):
    a few probes a project, by index."""
    first, last = counting_window(financial_year, as_of)
    days = ProjectDayCount.objects.filter(project=OuterRef("pk"), day__lte=last)
    if first is not None:
        days = days.filter(day__gte=first)
    spend = spend_months(Period(financial_year))
    return (
        Project.objects.filter(Exists(spend.filter(project=OuterRef("pk"))) | Exists(days))
        .annotate(spent=sum_subquery(spend, "amount"))
        .order_by("reference")
    )


def project_values(
    projects: list[Project],
    financial_year: str | None,
    as_of: datetime.date,
    every: bool = False,
) -> list[ValueRow]:
    """Value for money of the projects ``value_projects`` gives, in their order: their
    families supported, successful outcomes and needs achieved, from one grouped query over
    their calendars, or over every project's when ``every`` is set (for a list of them all)."""
    window = counting_window(financial_year, as_of)
    calendars = ProjectDayCount.objects.all()
    if not every:
        calendars = calendars.filter(project__in=[project.pk for project in projects])
    wanted = {
        **_supported(window),
        "wins": (Event.SUCCESSFUL, *window),
        "achieved": (Event.ACHIEVED, *window),
    }
    sums = window_sums(wanted, by="project_id", counts=calendars) if begun(window) else {}
    rows = []
    for project in projects:
        counted = sums.get(project.pk, {})
        rows.append(
            ValueRow(
                key=project.pk,
                label=f"{project.reference} {project.title}",
                spend=project.spent,
                families_supported=counted.get("carried", 0) + counted.get("begun", 0),
                successful=counted.get("wins", 0),
                outcomes_achieved=counted.get("achieved", 0),
            )
        )
    return rows


def value_for_money(
    financial_year: str | None = None, by: str = "project", as_of: datetime.date | None = None
) -> list[ValueRow]:
    """Spend joined to outcomes per project, kind or fund: families the projects supported
    in the year, successful family outcomes among them counted in the year, their needs
    achieved in the year once the project's support had begun, and the spend per each. By
    project, the counts are sums over the projects' calendars, for the projects
    ``value_projects`` lists (two queries); by kind or fund, where a family two projects
    supported counts once, they are counted from the families (four, with the labels)."""
    as_of = as_of or timezone.localdate()
    if by == "project":
        projects = list(value_projects(financial_year, as_of).only("reference", "title"))
        return project_values(projects, financial_year, as_of, every=True)
    window = counting_window(financial_year, as_of)
    key = GROUPINGS[by]
    spend = dict(
        spend_months(Period(financial_year))
        .values(key)
        .annotate(total=MoneySum("amount"))
        .values_list(key, "total")
    )
    supported, wins, achieved = _from_families(window, key)
    keys = set(spend) | {
        k for counts in (supported, wins, achieved) for k, n in counts.items() if n
    }
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


def _from_families(window: Window, key: str) -> tuple[dict, dict, dict]:
    """The same counts by kind or fund, from the families: a family two of its projects
    supported counts once (DISTINCT). Two queries: the supports open in the window and those
    of families successful in it, apart (so neither reads every family), in one UNION ALL;
    and the needs achieved in it, found by the day they were achieved."""
    supports = FamilySupport.objects.order_by()
    counted = {"supported": open_in(window, "start", "end"), "wins": successful(window, "family__")}
    supported, wins = (
        supports.filter(condition)
        .annotate(figure=Value(figure))
        .values(key, "figure")
        .annotate(n=Count("family", distinct=True))
        .values_list(key, "figure", "n")
        for figure, condition in counted.items()
    )
    found: dict[str, dict] = {figure: {} for figure in counted}
    for group, figure, n in supported.union(wins, all=True):
        found[figure][group] = n
    # A need counts for a project only if achieved once that project's support had begun:
    # one filter() call, so the start compared is the same support's as the grouping.
    achieved = dict(
        FamilyNeed.objects.order_by()
        .filter(within("achieved_on", window), achieved_on__gte=F("family__supports__start"))
        .values(f"family__supports__{key}")
        .annotate(n=Count("pk", distinct=True))
        .values_list(f"family__supports__{key}", "n")
    )
    return found["supported"], found["wins"], achieved
