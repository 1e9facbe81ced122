"""A project's page shows its budget profile against what the ledger shows it spent, quarter by
quarter, and the totals are the sums of the rows."""

import datetime
from decimal import Decimal

import pytest

from projects.models import BudgetProfileLine
from projects.quarters import profile_against_actual
from tests.factories import ProjectFactory, SpendLineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    project = ProjectFactory(approved_amount=Decimal("40000.00"))
    for quarter in range(1, 5):
        BudgetProfileLine.objects.create(
            project=project, financial_year="2026-27", quarter=quarter, amount=Decimal("10000.00")
        )
    SpendLineFactory(project=project, date=datetime.date(2026, 5, 3), net_amount=Decimal("6000"))
    SpendLineFactory(project=project, date=datetime.date(2026, 6, 9), net_amount=Decimal("3000"))
    SpendLineFactory(
        project=project, date=datetime.date(2026, 8, 1), net_amount=Decimal("12500.50")
    )
    return project


def test_each_quarter_sets_spend_against_its_profile(project):
    rows, total = profile_against_actual(project)
    assert [(r.quarter, r.profile, r.spent, r.difference) for r in rows] == [
        (1, Decimal("10000.00"), Decimal("9000.00"), Decimal("-1000.00")),
        (2, Decimal("10000.00"), Decimal("12500.50"), Decimal("2500.50")),
        (3, Decimal("10000.00"), Decimal("0.00"), Decimal("-10000.00")),
        (4, Decimal("10000.00"), Decimal("0.00"), Decimal("-10000.00")),
    ]
    assert total.profile == sum(r.profile for r in rows) == project.approved_amount
    assert total.spent == sum(r.spent for r in rows) == Decimal("21500.50")


def test_spend_in_a_quarter_with_no_profile_still_shows(project):
    SpendLineFactory(project=project, date=datetime.date(2027, 4, 2), net_amount=Decimal("50"))
    rows, _total = profile_against_actual(project)
    assert (rows[-1].financial_year, rows[-1].quarter, rows[-1].profile, rows[-1].spent) == (
        "2027-28",
        1,
        Decimal("0.00"),
        Decimal("50.00"),
    )


def test_the_project_page_shows_the_table_with_its_totals(client_for, project):
    page = client_for(project.lead).get(f"/portal/projects/{project.reference}/").content.decode()
    assert "Budget profile against spend, by quarter" in page
    assert "£21,500.50" in page
    assert "-£18,499.50" in page
