"""What the figures are read from: the projects the filters choose, the ledger's lines and
its monthly totals (``SpendMonth``, a few rows a project; ``ProgrammeMonth``, one a month
over every project) in a period, and a per-project sum as a subquery."""

from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from core.money import MoneyOutput, MoneySum
from programme.models import Fund
from projects.models import ProgrammeMonth, Project, SpendLine, SpendMonth
from projects.periods import ALL_TIME, Period

ZERO = Decimal("0.00")


def of_projects(queryset: QuerySet, filters: dict[str, Any]) -> QuerySet:
    """Rows of the projects the filters choose; every row when there are none."""
    return queryset.filter(project__in=projects(**filters)) if filters else queryset


def spend_lines(period: Period = ALL_TIME, **filters: Any) -> QuerySet[SpendLine]:
    lines = of_projects(SpendLine.objects.all(), filters)
    start, end = period.bounds()
    if start:
        lines = lines.filter(date__range=(start, end))
    return lines


def spend_months(period: Period = ALL_TIME, **filters: Any) -> QuerySet[SpendMonth]:
    """The ledger's monthly totals (net + irrecoverable VAT) in the period: periods are whole
    months, so these sum to exactly what the period's lines do."""
    months = of_projects(SpendMonth.objects.all(), filters)
    start, end = period.bounds()
    if start:
        months = months.filter(month__range=(start, end))
    return months


def programme_months(period: Period = ALL_TIME) -> QuerySet[ProgrammeMonth]:
    """The ledger's totals by month over every project (a row a month) in the period: what
    the programme's spend in a period is read from."""
    start, end = period.bounds()
    months = ProgrammeMonth.objects.all()
    return months.filter(month__range=(start, end)) if start else months


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


def sum_subquery(queryset: QuerySet, expression: str) -> Coalesce:
    """Each outer project's sum of ``expression`` over its rows of ``queryset`` (0 for none)."""
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
