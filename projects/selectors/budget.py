"""Budget against actual: one place for the figures the dashboard, the workbook, the finance
panel and a project's page show. Sums are SQL; per-row arithmetic is on the summed values.
Spend is read from the ledger's monthly totals (``SpendMonth``), a few rows a project."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.paginator import Page
from django.db.models import QuerySet
from django.utils import timezone

from core.financial_years import fy_for_date, fy_quarter
from core.money import MoneySum, to_money
from core.paging import page_by_keys
from projects.models import BudgetProfileLine, Project, SpendMonth
from projects.periods import ALL_TIME, Period
from projects.selectors.ledger import ZERO, of_projects, projects, spend_months, sum_subquery

UNDERSPEND_BELOW = Decimal("0.90")


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


def _profile(period: Period) -> QuerySet[BudgetProfileLine]:
    """The budget profile's lines in the period (all of them when no year is chosen)."""
    profile = BudgetProfileLine.objects.all()
    if period.financial_year:
        profile = profile.filter(financial_year=period.financial_year)
        if period.quarter:
            profile = profile.filter(quarter=period.quarter)
    return profile


def _still_to_come(period: Period, today: datetime.date) -> QuerySet[BudgetProfileLine]:
    """The period's profile in quarters after this one."""
    profile = _profile(period)
    this_fy, this_quarter = fy_for_date(today), fy_quarter(today)
    return profile.filter(financial_year__gt=this_fy) | profile.filter(
        financial_year=this_fy, quarter__gt=this_quarter
    )


def _with_figures(
    period: Period, today: datetime.date | None, filters: dict[str, Any]
) -> QuerySet[Project]:
    """The projects the filters choose, by reference, each with its sums as subqueries (run
    for the rows fetched only: a page's fifty, not every project). A row's project carries
    what the rows show and work from (reference, title, cost centre, approved amount): the
    dashboard and the workbook build hundreds, and a whole project takes three times as
    long to read."""
    today = today or timezone.localdate()
    return (
        projects(**filters)
        .only("reference", "title", "cost_centre", "approved_amount")
        .annotate(
            period_budget=sum_subquery(_profile(period), "amount"),
            period_spent=sum_subquery(spend_months(period), "amount"),
            future_budget=sum_subquery(_still_to_come(period, today), "amount"),
            spent_to_date=sum_subquery(SpendMonth.objects.all(), "amount"),
        )
        .order_by("reference")
    )


def _row(project: Any, period: Period) -> Row:
    budget = project.period_budget if period.financial_year else project.approved_amount
    return Row(
        project, budget, project.period_spent, project.future_budget, project.spent_to_date
    )


def budget_against_actual(
    period: Period = ALL_TIME, today: datetime.date | None = None, **filters: Any
) -> list[Row]:
    """One row per project: budget for the period (the profile; the approved amount when no
    year is chosen), spent (net + irrecoverable VAT), and the profile still to come."""
    return [_row(project, period) for project in _with_figures(period, today, filters)]


def budget_page(
    period: Period,
    number: Any,
    per_page: int,
    today: datetime.date | None = None,
    **filters: Any,
) -> Page:
    """One page of ``budget_against_actual``'s rows: the projects are counted, and only the
    page's are summed (PostgreSQL would work out the sums of the rows an OFFSET skips too)."""
    return page_by_keys(
        projects(**filters).order_by("reference"),
        number,
        per_page,
        lambda keys: (
            _row(project, period)
            for project in _with_figures(period, today, filters).filter(pk__in=keys)
        ),
    )


def totals(rows: list[Row]) -> dict[str, Decimal]:
    return {
        "budget": sum((r.budget for r in rows), ZERO),
        "spent": sum((r.spent for r in rows), ZERO),
        "remaining": sum((r.remaining for r in rows), ZERO),
        "variance": sum((r.variance for r in rows), ZERO),
        "forecast_outturn": sum((r.forecast_outturn for r in rows), ZERO),
    }


def budget_totals(
    period: Period = ALL_TIME, today: datetime.date | None = None, **filters: Any
) -> dict[str, Decimal]:
    """``totals`` of every row of ``budget_against_actual``, each figure one SUM over the
    profile or the monthly totals (three queries, whatever the number of projects)."""
    today = today or timezone.localdate()
    if period.financial_year:
        budget = of_projects(_profile(period), filters).aggregate(n=MoneySum("amount"))["n"]
    else:
        budget = projects(**filters).aggregate(n=MoneySum("approved_amount"))["n"]
    spent = spend_months(period, **filters).aggregate(n=MoneySum("amount"))["n"]
    future = of_projects(_still_to_come(period, today), filters).aggregate(n=MoneySum("amount"))
    budget, spent = to_money(budget or 0), to_money(spent or 0)
    return {
        "budget": budget,
        "spent": spent,
        "remaining": budget - spent,
        "variance": spent - budget,
        "forecast_outturn": spent + to_money(future["n"] or 0),
    }
