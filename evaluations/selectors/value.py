"""Value for money per project, kind of project or fund: the spend joined to the families
the projects supported, their successful family outcomes and their needs achieved."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, F
from django.utils import timezone

from core.money import MoneySum
from evaluations.day_counts import window_sums
from evaluations.models import FamilyNeed, FamilySupport, ProjectDayCount
from evaluations.selectors.results import (
    ZERO,
    Window,
    counting_window,
    open_in,
    open_sums,
    per,
    read_open,
    successful,
    within,
)
from programme.models import Fund
from projects.models import Project
from projects.periods import Period
from projects.selectors import PUBLIC_HEADINGS, spend_months

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


def _from_projects_calendars(window: Window) -> tuple[dict, dict, dict]:
    """Families supported, successful outcomes and needs achieved in the window, by project,
    from the projects' calendars (``evaluations.project_counts``): one query."""
    wanted = {
        "wins": (Event.SUCCESSFUL, *window),
        "achieved": (Event.ACHIEVED, *window),
    }
    open_sums(wanted, "supported", window, Event.STARTED, Event.ENDED)
    sums = window_sums(wanted, by="project_id", counts=ProjectDayCount.objects)
    supported = {p: read_open(n, "supported") for p, n in sums.items()}
    wins = {p: n["wins"] for p, n in sums.items()}
    achieved = {p: n["achieved"] for p, n in sums.items()}
    return supported, wins, achieved


def value_for_money(
    financial_year: str | None = None, by: str = "project", as_of: datetime.date | None = None
) -> list[ValueRow]:
    """Spend joined to outcomes per project, kind or fund: families the projects supported
    in the year, successful family outcomes among them counted in the year, their needs
    achieved in the year once the project's support had begun, and the spend per each. By
    project, the counts are sums over the projects' calendars; by kind or fund, where a
    family two projects supported counts once, they are counted from the families. Two or
    four grouped queries and one for labels."""
    as_of = as_of or timezone.localdate()
    window = counting_window(financial_year, as_of)
    key = GROUPINGS[by]
    spend = dict(
        spend_months(Period(financial_year))
        .values(key)
        .annotate(total=MoneySum("amount"))
        .values_list(key, "total")
    )
    if by == "project":
        supported, wins, achieved = _from_projects_calendars(window)
    else:
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
    supported counts once (DISTINCT). Two queries."""
    supported, wins = {}, {}
    counted = open_in(window, "start", "end") | successful(window, "family__")
    for row in (
        FamilySupport.objects.filter(counted)
        .values(key)
        .annotate(
            supported=Count("family", distinct=True, filter=open_in(window, "start", "end")),
            wins=Count("family", distinct=True, filter=successful(window, "family__")),
        )
    ):
        if row["supported"]:
            supported[row[key]] = row["supported"]
        if row["wins"]:
            wins[row[key]] = row["wins"]
    # A need counts for a project only if achieved once that project's support had begun:
    # one filter() call, so the start compared is the same support's as the grouping.
    achieved = dict(
        FamilyNeed.objects.filter(
            within("achieved_on", window), achieved_on__gte=F("family__supports__start")
        )
        .values(f"family__supports__{key}")
        .annotate(n=Count("pk", distinct=True))
        .values_list(f"family__supports__{key}", "n")
    )
    return supported, wins, achieved
