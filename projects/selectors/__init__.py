"""Budget against actual: one place for the figures the dashboard, the workbook and the
exports all show. Sums are SQL; per-row arithmetic is on the summed values. Spend is read
from the ledger's monthly totals (``SpendMonth``), a few rows a project; the ledger itself
only where its lines are listed."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Case, Count, DecimalField, OuterRef, Q, QuerySet, Subquery, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.financial_years import fy_for_date, fy_quarter
from core.money import MoneyOutput, MoneySum, to_money
from programme.models import Fund, User
from projects.models import (
    BudgetProfileLine,
    Milestone,
    ProgressReport,
    Project,
    SpendLine,
    SpendMonth,
)
from projects.periods import ALL_TIME, Period
from projects.permissions import can_view_project
from projects.quarters import profile_against_actual
from projects.reporting import reports_outstanding

ZERO = Decimal("0.00")
UNDERSPEND_BELOW = Decimal("0.90")


def _of_projects(queryset: QuerySet, filters: dict[str, Any]) -> QuerySet:
    """Rows of the projects the filters choose; every row when there are none."""
    return queryset.filter(project__in=projects(**filters)) if filters else queryset


def spend_lines(period: Period = ALL_TIME, **filters: Any) -> QuerySet[SpendLine]:
    lines = _of_projects(SpendLine.objects.all(), filters)
    start, end = period.bounds()
    if start:
        lines = lines.filter(date__range=(start, end))
    return lines


def spend_months(period: Period = ALL_TIME, **filters: Any) -> QuerySet[SpendMonth]:
    """The ledger's monthly totals (net + irrecoverable VAT) in the period: periods are whole
    months, so these sum to exactly what the period's lines do."""
    months = _of_projects(SpendMonth.objects.all(), filters)
    start, end = period.bounds()
    if start:
        months = months.filter(month__range=(start, end))
    return months


def projects(
    fund: Fund | int | None = None,
    kind: str | None = None,
    status: str | None = None,
    project: Project | int | None = None,
) -> QuerySet[Project]:
    queryset = Project.objects.all()
    if fund:
        queryset = queryset.filter(fund=fund)
    if kind:
        queryset = queryset.filter(kind=kind)
    if status:
        queryset = queryset.filter(status=status)
    if project is not None:
        queryset = queryset.filter(pk=getattr(project, "pk", project))
    return queryset


def _sum_subquery(queryset: QuerySet, expression: str) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.filter(project=OuterRef("pk"))
            .order_by()
            .values("project")
            .annotate(total=MoneySum(expression))
            .values("total")[:1],
            output_field=DecimalField(max_digits=14, decimal_places=2),
        ),
        ZERO,
        output_field=MoneyOutput(),
    )


def spent_to_date(project_ids: Any) -> dict[int, Decimal]:
    """{project id: spent so far (net plus irrecoverable VAT)}, from the ledger's monthly
    totals: the same sum budget against actual shows as spent to date."""
    return dict(
        Project.objects.filter(pk__in=project_ids)
        .annotate(spent=_sum_subquery(SpendMonth.objects.all(), "amount"))
        .values_list("pk", "spent")
    )


def spent_and_underspend(project: Project) -> tuple[Decimal, Decimal]:
    """What the project has spent and what it has left of its approval (never below
    nothing): the figures its sign-off records and releases."""
    spent = to_money(spent_to_date([project.pk]).get(project.pk) or 0)
    return spent, max(project.approved_amount - spent, Decimal("0.00"))


@dataclass
class Row:
    project: Project
    budget: Decimal
    spent: Decimal
    future_budget: Decimal
    spent_to_date: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent

    @property
    def variance(self) -> Decimal:
        """Spend less budget: positive is an overspend, negative an underspend."""
        return self.spent - self.budget

    @property
    def committed(self) -> Decimal:
        """Approved but not yet spent, over the project's life."""
        return self.project.approved_amount - self.spent_to_date

    @property
    def percent_spent(self) -> Decimal | None:
        return (self.spent / self.budget * 100).quantize(Decimal("0.1")) if self.budget else None

    @property
    def forecast_outturn(self) -> Decimal:
        return self.spent + self.future_budget

    @property
    def overspent(self) -> bool:
        return self.spent > self.budget

    @property
    def underspending(self) -> bool:
        return self.budget > 0 and self.forecast_outturn < self.budget * UNDERSPEND_BELOW


def budget_against_actual(
    period: Period = ALL_TIME, today: datetime.date | None = None, **filters: Any
) -> list[Row]:
    """One row per project: budget for the period (the profile; the approved amount when no
    year is chosen), spent (net + irrecoverable VAT), and the profile still to come."""
    today = today or timezone.localdate()
    profile = BudgetProfileLine.objects.all()
    if period.financial_year:
        profile = profile.filter(financial_year=period.financial_year)
        if period.quarter:
            profile = profile.filter(quarter=period.quarter)
    this_fy, this_quarter = fy_for_date(today), fy_quarter(today)
    future = profile.filter(financial_year__gt=this_fy) | profile.filter(
        financial_year=this_fy, quarter__gt=this_quarter
    )
    queryset = (
        projects(**filters)
        .select_related("lead_organisation")
        .annotate(
            period_budget=_sum_subquery(profile, "amount"),
            period_spent=_sum_subquery(spend_months(period), "amount"),
            future_budget=_sum_subquery(future, "amount"),
            spent_to_date=_sum_subquery(SpendMonth.objects.all(), "amount"),
        )
        .order_by("reference")
    )
    rows = []
    for project in queryset:
        budget = project.period_budget if period.financial_year else project.approved_amount
        rows.append(
            Row(
                project,
                budget,
                project.period_spent,
                project.future_budget,
                project.spent_to_date,
            )
        )
    return rows


def totals(rows: list[Row]) -> dict[str, Decimal]:
    return {
        "budget": sum((r.budget for r in rows), ZERO),
        "spent": sum((r.spent for r in rows), ZERO),
        "remaining": sum((r.remaining for r in rows), ZERO),
        "variance": sum((r.variance for r in rows), ZERO),
        "forecast_outturn": sum((r.forecast_outturn for r in rows), ZERO),
    }


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
        .annotate(disbursed=_sum_subquery(SpendMonth.objects.all(), "amount"))
        .order_by("reference")
    )


def projects_for_lead(user: User) -> QuerySet[Project]:
    """The projects a person leads or co-leads, with their spend to date."""
    return (
        Project.objects.filter(
            pk__in=Project.objects.filter(Q(lead=user) | Q(proposal__co_leads=user)).values("pk")
        )
        .select_related("lead_organisation")
        .annotate(spent_to_date=_sum_subquery(SpendMonth.objects.all(), "amount"))
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
            Case(*[When(kind=k, then=i) for i, k in enumerate(KIND_ORDER)], default=9), "title"
        )
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
        SpendMonth.objects.filter(project__in=funded_projects().values("pk"))
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
