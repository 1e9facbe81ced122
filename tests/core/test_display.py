"""The back office shows values for people: yes/no, pounds and pence, dates in words."""

import datetime
from decimal import Decimal

import pytest

from core.admin.display import for_people
from governance.models import Decision
from programme.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (True, "Yes"),
        (False, "No"),
        (None, "—"),
        (Decimal("48500.00"), "£48,500.00"),
        (Decimal("-12.50"), "-£12.50"),
        (datetime.date(2026, 12, 2), "2 December 2026"),
        ("funded service", "funded service"),
    ],
)
def test_a_value_is_shown_for_people(value, shown):
    assert for_people(value) == shown


def test_the_auditor_reads_a_decision_without_raw_values(client, demo):
    decision = Decision.objects.filter(approved_amount__isnull=False).first()
    client.force_login(User.objects.get(email="auditor@families.example"))
    page = client.get(f"/admin/decisions/inspect/{decision.pk}/").content.decode()
    assert f"{decision.decided_on:%-d %B %Y}" in page
    assert f"£{decision.approved_amount:,.2f}" in page
    for raw in (">True<", ">False<", ">None<", str(decision.approved_amount) + "<"):
        assert raw not in page.replace("\n", "").replace(" ", "")


def test_the_decisions_listing_shows_amounts_in_pounds_and_dates_in_words(client, demo):
    decision = Decision.objects.filter(approved_amount__isnull=False).latest("decided_on")
    client.force_login(User.objects.get(email="auditor@families.example"))
    page = client.get("/admin/decisions/").content.decode()
    assert f"£{decision.approved_amount:,.2f}" in page
    assert f"{decision.decided_on:%-d %B %Y}" in page
