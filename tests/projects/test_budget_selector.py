"""Budget against actual's page and totals: the page sums only its own projects, the totals
are SQL sums, and both agree with every project's row."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import BudgetProfileLine
from projects.periods import ALL_TIME, Period
from projects.selectors.budget import budget_against_actual, budget_page, budget_totals, totals
from tests.factories import FundFactory, ProjectFactory
from tests.projects.test_workbook import add_line

TODAY = datetime.date(2026, 8, 15)  # 2026-27 Q2


@pytest.fixture
def spread(db):
    """Three projects with profiles over two years and spend in both, one in another fund."""
    fund = FundFactory()
    made = []
    for n, amount in enumerate(["12000.00", "8000.40", "4000.08"]):
        project = ProjectFactory(approved_amount=Decimal(amount), fund=fund if n == 2 else None)
        quarter_amount = Decimal(amount) / 8
        for year in ("2026-27", "2027-28"):
            for quarter in (1, 2, 3, 4):
                BudgetProfileLine.objects.create(
                    project=project, financial_year=year, quarter=quarter, amount=quarter_amount
                )
        add_line(project, f"{n}a", "1000.11", vat="20.02", day=datetime.date(2026, 5, 3))
        add_line(project, f"{n}b", "333.33", day=datetime.date(2026, 11, 30))
        add_line(project, f"{n}c", "-50.00", day=datetime.date(2027, 6, 1))
        made.append(project)
    return fund, made


@pytest.mark.parametrize(
    "period",
    [ALL_TIME, Period("2026-27"), Period("2026-27", 2), Period("2027-28"), Period("2025-26")],
    ids=str,
)
def test_the_totals_are_the_sums_of_every_projects_row(spread, period):
    assert budget_totals(period, TODAY) == totals(budget_against_actual(period, TODAY))


def test_the_totals_keep_to_the_filters(spread):
    fund, _made = spread
    period = Period("2026-27")
    chosen = budget_totals(period, TODAY, fund=fund)
    assert chosen == totals(budget_against_actual(period, TODAY, fund=fund))
    assert chosen["budget"] == Decimal("2000.04")  # the fund's project: four quarters of 500.01
    assert chosen["spent"] == Decimal("1353.46")


def test_a_page_holds_the_rows_of_its_projects_only(spread):
    period = Period("2026-27")
    every = budget_against_actual(period, TODAY)
    page = budget_page(period, 2, 2, TODAY)
    assert page.paginator.count == 3
    assert [
        (row.project, row.budget, row.spent, row.future_budget, row.spent_to_date)
        for row in page.object_list
    ] == [
        (row.project, row.budget, row.spent, row.future_budget, row.spent_to_date)
        for row in every[2:]
    ]


def test_a_page_costs_the_same_queries_whatever_the_number_of_projects(spread):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            list(budget_page(Period("2026-27"), 1, 2, TODAY).object_list)
        return len(captured)

    before = queries()
    ProjectFactory.create_batch(4)
    assert queries() == before == 2


def test_a_row_shows_its_project_without_another_query(spread):
    """The rows read only the project fields the dashboard, the workbook and the rows' own
    figures use: reading them asks the database nothing more."""
    rows = budget_against_actual(Period("2026-27"), today=TODAY)
    with CaptureQueriesContext(connection) as queries:
        shown = [
            (r.project.pk, r.project.reference, r.project.title, r.project.cost_centre, r.committed)
            for r in rows
        ]
    assert len(queries) == 0
    assert len(shown) == 3
