"""Variations on their pages: the lead asks in the portal and follows it to a decision; the
programme team decides it in the back office."""

from decimal import Decimal

import pytest
from django.urls import reverse

from programme import roles
from projects.models import Variation
from tests.factories import UserFactory, planned_project
from tests.factories import ask_variation as ask
from tests.factories import profile_moved as moved

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return planned_project()


def form_data(project, **changes):
    data = {
        "start_date": "2030-04-01",
        "end_date": "2031-03-31",
        "scope": "Outreach family support.",
        "reasons": "The worker started late.",
        "budget_staff": "60000.00",
        "budget_it": "40000.00",
        **{f"profile_2030-31_Q{q}": "25000.00" for q in range(1, 5)},
    }
    data.update(changes)
    return data


def test_the_form_starts_from_the_plan_in_force(client_for, project):
    page = client_for(project.lead).get(reverse("projects:variation_new", args=[project.reference]))
    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="profile_2030-31_Q1" value="25000.00"' in html
    assert 'name="budget_staff" value="60000.00"' in html
    assert 'name="profile_2031-32_Q1"' in html  # a year more, for an extension


def test_the_lead_asks_for_a_variation_and_sees_where_it_went(client_for, project):
    client = client_for(project.lead)
    response = client.post(
        reverse("projects:variation_new", args=[project.reference]),
        form_data(project, **{"profile_2030-31_Q1": "20000.00", "profile_2030-31_Q4": "30000.00"}),
    )
    variation = Variation.objects.get()
    assert response["Location"] == reverse(
        "projects:variation", args=[project.reference, variation.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Waiting for the programme team" in page
    assert "£25,000.00" in page and "£30,000.00" in page


def test_a_profile_that_does_not_add_up_is_shown_again_with_the_reason(client_for, project):
    response = client_for(project.lead).post(
        reverse("projects:variation_new", args=[project.reference]),
        form_data(project, **{"profile_2030-31_Q1": "20000.00"}),
    )
    assert response.status_code == 200
    assert "£5,000.00 less than the £100,000.00 approved" in response.content.decode()
    assert not Variation.objects.exists()


def test_another_lead_cannot_ask(client_for, project):
    other = UserFactory(role=roles.PROJECT_LEADS)
    response = client_for(other).post(
        reverse("projects:variation_new", args=[project.reference]), form_data(project)
    )
    assert response.status_code == 404
    assert not Variation.objects.exists()


def test_the_project_page_lists_its_variations(client_for, project):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    html = (
        client_for(project.lead)
        .get(reverse("projects:detail", args=[project.reference]))
        .content.decode()
    )
    assert reverse("projects:variation", args=[project.reference, variation.pk]) in html
    assert "The plan in force is version 1" in html


def test_the_lead_withdraws_it_from_its_page(client_for, project):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    client_for(project.lead).post(
        reverse("projects:variation_withdraw", args=[project.reference, variation.pk])
    )
    variation.refresh_from_db()
    assert variation.status == Variation.Status.WITHDRAWN


def test_the_team_agrees_a_variation_in_the_back_office(client_for, programme_officer, project):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    response = client_for(programme_officer).post(
        f"/admin/variations/{variation.pk}/decide/", {"agree": "yes", "note": ""}
    )
    assert response.status_code == 302
    variation.refresh_from_db()
    assert (variation.status, variation.version) == (Variation.Status.AGREED, 2)


def test_refusing_in_the_back_office_needs_a_note(client_for, programme_officer, project):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    response = client_for(programme_officer).post(
        f"/admin/variations/{variation.pk}/decide/", {"agree": "no", "note": ""}
    )
    assert "Say why the variation is refused" in response.content.decode()
    variation.refresh_from_db()
    assert variation.status == Variation.Status.REQUESTED


def test_the_variations_listing_filters_by_status(client_for, programme_officer, project):
    ask(project, profile=moved(Decimal("1000.00")))
    client = client_for(programme_officer)
    assert project.reference in client.get("/admin/variations/?status=requested").content.decode()
    assert project.reference not in client.get("/admin/variations/?status=agreed").content.decode()


def test_while_a_variation_waits_the_form_leads_to_it(client_for, project):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    client = client_for(project.lead)
    response = client.get(reverse("projects:variation_new", args=[project.reference]))
    assert response["Location"] == reverse(
        "projects:variation", args=[project.reference, variation.pk]
    )
    page = client.get(reverse("projects:detail", args=[project.reference])).content.decode()
    assert reverse("projects:variation_new", args=[project.reference]) not in page
