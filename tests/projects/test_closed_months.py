"""Finance closes a month once the ledger matches the finance system; after that no line
dated in it can be imported, added or changed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.problems import ImportRefused
from projects.models import ClosedMonth, SpendLine
from projects.months import month_summary, month_to_close
from projects.services import month_close, spend_import
from tests.factories import ProjectFactory, SpendLineFactory
from tests.projects.test_spend_import import csv_bytes

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
NOVEMBER = datetime.date(2026, 11, 1)


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026005")


def test_finance_closes_last_month_and_it_is_no_longer_offered(finance_officer):
    assert month_to_close(TODAY) == NOVEMBER
    month_close(user=finance_officer, month=datetime.date(2026, 11, 17), today=TODAY)
    assert ClosedMonth.objects.get().month == NOVEMBER
    assert month_to_close(TODAY) is None


def test_a_month_cannot_be_closed_before_it_ends(finance_officer):
    with pytest.raises(ValidationError, match="once it has ended"):
        month_close(user=finance_officer, month=datetime.date(2026, 12, 1), today=TODAY)


def test_only_finance_closes_a_month(programme_officer):
    with pytest.raises(PermissionDenied):
        month_close(user=programme_officer, month=NOVEMBER, today=TODAY)


def test_an_import_with_a_line_in_a_closed_month_is_refused_by_line(finance_officer, project):
    month_close(user=finance_officer, month=NOVEMBER, today=TODAY)
    data = csv_bytes(
        "T1,30/11/2026,Acme,,FP2026005,Staff,100.00,0",
        "T2,01/12/2026,Acme,,FP2026005,Staff,50.00,0",
    )
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="dec.csv")
    assert refused.value.problems == [(2, "dated in November 2026, a month finance has closed")]
    assert not SpendLine.objects.exists()


def test_a_line_in_a_closed_month_cannot_be_added_by_hand(client_for, finance_officer, project):
    month_close(user=finance_officer, month=NOVEMBER, today=TODAY)
    response = client_for(finance_officer).post(
        "/admin/spend/new/",
        {
            "transaction_number": "M1",
            "date": "2026-11-30",
            "supplier": "Late invoice",
            "cost_centre": "FP2026005",
            "expense_type": "Staff",
            "net_amount": "1.00",
            "irrecoverable_vat": "0",
        },
    )
    assert "November 2026 is closed" in response.content.decode()
    assert not SpendLine.objects.exists()


def test_a_months_summary_counts_its_lines_and_spend(project):
    SpendLineFactory(project=project, date=NOVEMBER, net_amount=Decimal("100.00"))
    SpendLineFactory(project=project, date=datetime.date(2026, 11, 30), net_amount=Decimal("20.50"))
    SpendLineFactory(project=project, date=datetime.date(2026, 12, 1), net_amount=Decimal("999"))
    assert month_summary(NOVEMBER)["spent"] == Decimal("120.50")
    assert month_summary(NOVEMBER)["lines"] == 2


def test_finance_reads_last_months_total_and_closes_it_from_the_page(
    client_for, finance_officer, project, today
):
    last_month = month_to_close(today)
    SpendLineFactory(project=project, date=last_month, net_amount=Decimal("1234.50"))
    client = client_for(finance_officer)
    page = client.get("/admin/spend/close-month/").content.decode()
    assert "£1,234.50" in page
    assert f"Close {last_month:%B %Y}" in page
    assert client.post("/admin/spend/close-month/").status_code == 302
    assert ClosedMonth.objects.get().month == last_month


def test_lines_already_imported_in_a_closed_month_do_not_stop_a_later_import(
    finance_officer, project
):
    november = "T1,30/11/2026,Acme,,FP2026005,Staff,100.00,0"
    spend_import(user=finance_officer, data=csv_bytes(november), filename="nov.csv")
    month_close(user=finance_officer, month=NOVEMBER, today=TODAY)
    data = csv_bytes(november, "T2,01/12/2026,Acme,,FP2026005,Staff,50.00,0")
    result = spend_import(user=finance_officer, data=data, filename="dec.csv")
    assert (result.added, result.already_there) == (1, 1)
