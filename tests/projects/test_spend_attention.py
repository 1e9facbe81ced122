"""Ledger lines that do not fit their project import anyway and wait on finance's "needs
attention" list until someone explains them."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from projects import attention
from projects.attention import needing_attention
from projects.models import Project, SpendLine
from projects.services import spend_import, spend_line_explain
from tests.factories import ProjectFactory
from tests.projects.test_spend_import import csv_bytes


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026005", approved_amount=Decimal("1000.00"))


def line(number, day, amount, cost_centre="FP2026005"):
    return f"T{number},{day},Acme Ltd,Work,{cost_centre},Staff,{amount},0"


def imported(finance_officer, *rows):
    return spend_import(user=finance_officer, data=csv_bytes(*rows), filename="ledger.csv")


def test_a_line_dated_before_the_project_starts_imports_and_needs_attention(
    project, finance_officer
):
    result = imported(finance_officer, line(1, "15/03/2026", "100.00"))
    assert result.added == 1
    flagged = SpendLine.objects.get()
    assert flagged.attention == "Dated before the project starts (1 April 2026)"
    assert list(needing_attention()) == [flagged]


def test_a_line_after_the_project_ends_needs_attention(project, finance_officer):
    imported(finance_officer, line(1, "01/04/2027", "100.00"))
    assert SpendLine.objects.get().attention == "Dated after the project ends (31 March 2027)"


def test_a_line_against_a_closed_project_needs_attention(project, finance_officer):
    Project.objects.filter(pk=project.pk).update(status=Project.Status.CLOSED)
    imported(finance_officer, line(1, "01/05/2026", "100.00"))
    assert SpendLine.objects.get().attention == "Charged to a closed project"


def test_the_line_that_takes_a_project_past_its_approval_is_named(project, finance_officer):
    imported(finance_officer, line(1, "01/05/2026", "900.00"))
    imported(finance_officer, line(2, "01/06/2026", "50.00"), line(3, "01/07/2026", "100.00"))
    flags = dict(SpendLine.objects.values_list("transaction_number", "attention"))
    assert flags == {
        "T1": "",
        "T2": "",
        "T3": "Takes the project £50.00 past its approval of £1,000.00",
    }


def test_lines_that_fit_are_not_flagged(project, finance_officer):
    imported(finance_officer, line(1, "01/05/2026", "100.00"))
    assert not needing_attention().exists()


def test_the_preview_names_the_lines_that_will_need_attention(project, finance_officer, client_for):
    client = client_for(finance_officer)
    response = client.post(
        reverse("spend:import"),
        {"file": _upload(csv_bytes(line(1, "15/03/2026", "100.00"), line(2, "01/05/2026", "1")))},
        follow=True,
    )
    page = response.content.decode()
    assert "1 line will need attention" in page
    assert "Dated before the project starts" in page
    assert not SpendLine.objects.exists()


def _upload(data):
    return SimpleUploadedFile("ledger.csv", data, content_type="text/csv")


def test_finance_explains_a_line_and_it_leaves_the_list(project, finance_officer, client_for):
    imported(finance_officer, line(1, "15/03/2026", "100.00"))
    flagged = SpendLine.objects.get()
    client = client_for(finance_officer)
    assert "T1" in client.get(reverse("spend:attention")).content.decode()
    response = client.post(
        reverse("spend:explain", args=[flagged.pk]),
        {"explanation": "Deposit paid in advance, agreed by the programme team."},
    )
    assert response.status_code == 302
    flagged.refresh_from_db()
    assert flagged.explained_by == finance_officer
    assert not needing_attention().exists()


def test_an_explanation_must_say_something(project, finance_officer, client_for):
    imported(finance_officer, line(1, "15/03/2026", "100.00"))
    flagged = SpendLine.objects.get()
    response = client_for(finance_officer).post(
        reverse("spend:explain", args=[flagged.pk]), {"explanation": "  "}
    )
    assert response.status_code == 400
    assert "Say why this line is right" in response.content.decode()
    assert needing_attention().exists()


def test_only_finance_explains_lines(project, finance_officer, programme_officer, client_for):
    imported(finance_officer, line(1, "15/03/2026", "100.00"))
    flagged = SpendLine.objects.get()
    with pytest.raises(PermissionDenied):
        spend_line_explain(user=programme_officer, line=flagged, explanation="Fine")
    response = client_for(programme_officer).post(
        reverse("spend:explain", args=[flagged.pk]), {"explanation": "Fine"}
    )
    assert response.status_code in {302, 403}
    assert needing_attention().exists()


def test_the_finance_home_page_counts_the_lines(project, finance_officer, client_for):
    imported(finance_officer, line(1, "15/03/2026", "100.00"), line(2, "01/04/2027", "5.00"))
    page = client_for(finance_officer).get("/admin/").content.decode()
    assert "2 ledger lines to explain" in page


def test_attention_follows_the_order_spent_across_pages(project, finance_officer, monkeypatch):
    """Lines are read a page at a time in date order (then transaction, then file line): the
    running spend carries over each page's end, ties on a day included."""
    monkeypatch.setattr(attention, "PAGE", 2)
    imported(
        finance_officer,
        line(5, "03/05/2026", "300.00"),
        line(4, "02/05/2026", "300.00"),
        line(3, "02/05/2026", "300.00"),
        "T3,02/05/2026,Acme Ltd,Travel,FP2026005,Staff,300.00,0",  # the invoice's next line
        line(1, "01/05/2026", "50.00"),
    )
    flagged = {
        (line.transaction_number, line.line_number): line.attention
        for line in SpendLine.objects.all()
    }
    assert flagged == {
        ("T1", 1): "",
        ("T3", 1): "",
        ("T3", 2): "",
        ("T4", 1): "",
        ("T5", 1): "Takes the project £250.00 past its approval of £1,000.00",
    }
