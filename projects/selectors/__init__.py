"""What the back office, the portal, the public site and the exports read about projects and
their spend. Sums are SQL. Budget against actual is in ``budget``; the ledger's lines, its
monthly totals and the projects the filters choose in ``ledger``."""

import datetime
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.paginator import Page
from django.db.models import Case, Count, Q, QuerySet, When
from django.http import Http404
from django.shortcuts import get_object_or_404

from core.money import MoneySum, to_money
from core.paging import page_by_keys
from programme.models import User
from projects.models import (
    BudgetProfileLine,
    Milestone,
    ProgressReport,
    Project,
    ProjectSpend,
    SpendLine,
    SpendMonth,
)
from projects.periods import ALL_TIME, Period
from projects.permissions import can_view_project
from projects.quarters import profile_against_actual
from projects.reporting import reports_outstanding
from projects.selectors.budget import budget_against_actual
from projects.selectors.ledger import ZERO, projects, spend_lines, spend_months, sum_subquery


def spent_to_date(project_ids: Any) -> dict[int, Decimal]:
    """{project id: spent so far (net plus irrecoverable VAT)}, from the ledger's monthly
    totals: the same sum budget against actual shows as spent to date."""
    return dict(
        Project.objects.filter(pk__in=project_ids)
        .annotate(spent=sum_subquery(SpendMonth.objects.all(), "amount"))
        .values_list("pk", "spent")
    )


def spent_and_underspend(project: Project) -> tuple[Decimal, Decimal]:
    """What the project has spent and what it has left of its approval (never below
    nothing): the figures its sign-off records and releases."""
    spent = to_money(spent_to_date([project.pk]).get(project.pk) or 0)
    return spent, max(project.approved_amount - spent, Decimal("0.00"))


def spend_by_month(period: Period, **filters: Any) -> dict[tuple[int, datetime.date], Decimal]:
    """{(project id, first of month): spent} for the period, summed in SQL."""
    rows = spend_months(period, **filters).values_list("project", "month", "amount")
    return {(project, month): amount for project, month, amount in rows}


def spend_each_month(period: Period, **filters: Any) -> dict[datetime.date, Decimal]:
    """{first of month: spent} over the projects the filters choose, summed in SQL."""
    rows = (
        spend_months(period, **filters)
        .order_by()
        .values("month")
        .annotate(total=MoneySum("amount"))
        .values_list("month", "total")
    )
    return dict(rows)


def transparency_lines(period: Period = ALL_TIME, **filters: Any) -> QuerySet[SpendLine]:
    """Ledger lines the Local Government Transparency Code asks councils to publish: each
    item of spend whose net amount is over the threshold (£500), and credit notes of the
    same size, which correct lines already published."""
    threshold = settings.TRANSPARENCY_THRESHOLD
    return (
        spend_lines(period, **filters)
        .filter(Q(net_amount__gt=threshold) | Q(net_amount__lt=-threshold))
        .select_related("project")
        .order_by("date", "transaction_number")
    )


def grants_awarded(**filters: Any) -> QuerySet[Project]:
    """Approved projects, each with what has been paid out to date (net + irrecoverable VAT),
    for the 360Giving file. A project whose approval was withdrawn is not a grant."""
    return (
        projects(**filters)
        .filter(withdrawn=False)
        .select_related("proposal", "lead_organisation", "fund")
        .annotate(disbursed=sum_subquery(SpendMonth.objects.all(), "amount"))
        .order_by("reference")
    )


def projects_for_lead(user: User) -> QuerySet[Project]:
    """The projects a person leads or co-leads, with their spend to date."""
    return (
        Project.objects.filter(
            pk__in=Project.objects.filter(Q(lead=user) | Q(proposal__co_leads=user)).values("pk")
        )
        .select_related("lead_organisation")
        .annotate(spent_to_date=sum_subquery(SpendMonth.objects.all(), "amount"))
        .order_by("-start_date", "reference")
    )


KIND_ORDER = ["it", "research", "community", "funded_service"]
PUBLIC_HEADINGS = {
    "it": "IT projects",
    "research": "Research projects",
    "community": "Community involvement projects",
    "funded_service": "Funded services",
}


def funded_projects() -> QuerySet[Project]:
    """Projects the group has approved and not withdrawn, grouped by kind for the public."""
    return (
        Project.objects.filter(withdrawn=False)
        .select_related("lead_organisation", "proposal", "closure")
        .order_by(
            Case(*[When(kind=k, then=i) for i, k in enumerate(KIND_ORDER)], default=9),
            "title",
            "reference",  # two projects of one title keep their places from page to page
        )
    )


def funded_page(number: Any, per_page: int) -> Page:
    """One page of ``funded_projects``: the page's projects are chosen by their order alone,
    and only they are joined to their organisation, proposal and closure (PostgreSQL would
    join every project before sorting them)."""
    return page_by_keys(
        funded_projects().select_related(None),
        number,
        per_page,
        lambda keys: funded_projects().filter(pk__in=keys),
    )


def spending_by_kind() -> list[dict]:
    """Per kind of project: how many, the amount approved and spent to date, in SQL."""
    approved = {
        row["kind"]: row
        for row in funded_projects()
        .order_by()
        .values("kind")
        .annotate(count=Count("pk"), approved=MoneySum("approved_amount"))
    }
    spent = dict(
        ProjectSpend.objects.filter(project__in=funded_projects().values("pk"))
        .values("project__kind")
        .annotate(total=MoneySum("amount"))
        .values_list("project__kind", "total")
    )
    return [
        {
            "kind": kind,
            "label": PUBLIC_HEADINGS.get(kind, kind),
            "count": approved[kind]["count"],
            "approved": approved[kind]["approved"],
            "spent": spent.get(kind) or ZERO,
        }
        for kind in sorted(approved, key=lambda k: KIND_ORDER.index(k) if k in KIND_ORDER else 9)
    ]


CHART_HEIGHT = 170


def monthly_chart(period: Period, filters: dict[str, Any]) -> list[dict]:
    """Budget (each quarter's profile spread over its months) and spend, month by month, for
    the projects the filters choose: two grouped queries, however many projects."""
    months = period.months()
    if not months:
        return []
    spent = defaultdict(Decimal, spend_each_month(period, **filters))
    budget: defaultdict[datetime.date, Decimal] = defaultdict(Decimal)
    profile = (
        BudgetProfileLine.objects.filter(
            project__in=projects(**filters), financial_year=period.financial_year
        )
        .order_by()
        .values("quarter")
        .annotate(total=MoneySum("amount"))
        .values_list("quarter", "total")
    )
    for quarter, amount in profile:
        for offset in range(3):
            month = months[(quarter - 1) * 3 + offset] if len(months) == 12 else None
            if month:
                budget[month] += amount / 3
    top = max([*spent.values(), *budget.values(), Decimal(1)])
    bars = []
    for index, month in enumerate(months):
        budget_height = max(int(budget[month] / top * CHART_HEIGHT), 0)
        spent_height = max(int(spent[month] / top * CHART_HEIGHT), 0)
        bars.append(
            {
                "month": month,
                "budget": budget[month],
                "spent": spent[month],
                "x": index * 80 + 8,
                "spent_x": index * 80 + 36,
                "budget_y": CHART_HEIGHT - budget_height,
                "budget_height": budget_height,
                "spent_y": CHART_HEIGHT - spent_height,
                "spent_height": spent_height,
            }
        )
    return bars


def visible_project(user: User, reference: str) -> Project:
    """The project with this reference, if this person may see it; otherwise 404, so nobody
    learns by guessing a URL that a project exists."""
    project = get_object_or_404(
        Project.objects.select_related("lead", "lead_organisation", "fund", "proposal"),
        reference=reference,
    )
    if not can_view_project(user, project):
        raise Http404
    return project


def project_page(project: Project, today: datetime.date) -> dict:
    """A project's page: budget against actual over its life, its profile, milestones,
    reports and the quarters still owed a report."""
    [row] = budget_against_actual(project=project, today=today)
    return {
        "project": project,
        "row": row,
        "profile": profile_against_actual(project),
        "milestones": milestones_of(project),
        "reports": project.reports.select_related("submitted_by"),
        "outstanding": reports_outstanding(project, today),
        "today": today,
    }


def report_of(project: Project, financial_year: str, quarter: int) -> QuerySet[ProgressReport]:
    return (
        ProgressReport.objects.select_related("submitted_by")
        .prefetch_related("milestones_met")
        .filter(project=project, financial_year=financial_year, quarter=quarter)
    )


def milestones_of(project: Project) -> QuerySet[Milestone]:
    return project.milestones.all()
