"""Each role reaches what it should and nothing else."""

import pytest
from django.urls import reverse

from governance import services
from tests.factories import UserFactory

PORTAL_URLS = ["/portal/"]
ADMIN_URLS = [
    "/admin/",
    "/admin/organisations/",
    "/admin/organisations/new/",
    "/admin/memberships/",
    "/admin/priorities/",
    "/admin/criteria/",
    "/admin/funds/",
    "/admin/funds/new/",
    "/admin/outcomes/",
    "/admin/decisions/",
    "/admin/interests/",
    "/admin/meetings/",
    "/admin/proposals/",
    "/admin/pages/",
    "/admin/documents/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", PORTAL_URLS)
def test_anonymous_visitors_are_sent_to_sign_in_from_the_portal(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")


@pytest.mark.django_db
@pytest.mark.parametrize("url", ADMIN_URLS)
def test_anonymous_visitors_are_sent_to_sign_in_from_the_admin(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_project_lead_gets_403_from_the_admin(client_for, lead, url):
    response = client_for(lead).get(url)
    assert response.status_code == 403
    assert b"Go to the partner portal" in response.content


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_a_group_member_gets_403_from_the_admin(client_for, member, url):
    assert client_for(member).get(url).status_code == 403


@pytest.mark.parametrize("url", ADMIN_URLS)
def test_the_programme_team_reaches_every_set_up_listing(client_for, programme_officer, url):
    assert client_for(programme_officer).get(url).status_code == 200


@pytest.mark.parametrize("url", ["/admin/", "/admin/funds/", "/admin/funds/new/"])
def test_finance_manages_funds(client_for, finance_officer, url):
    assert client_for(finance_officer).get(url).status_code == 200


@pytest.mark.parametrize("url", ["/admin/memberships/", "/admin/organisations/new/"])
def test_finance_cannot_manage_the_group(client_for, finance_officer, url):
    response = client_for(finance_officer).get(url)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_a_user_with_no_role_reaches_the_portal_but_not_the_admin(client_for):
    client = client_for(UserFactory())
    assert client.get("/portal/").status_code == 200
    assert client.get("/admin/").status_code == 403


def test_decisions_cannot_be_edited_in_the_admin(client_for, programme_officer, meeting_setup):
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    for member in meeting_setup["members"]:
        services.vote_cast(user=member, vote=vote, choice="for")
    services.vote_close(user=meeting_setup["chair"], vote=vote)
    decision = services.decision_record(
        user=meeting_setup["chair"],
        item=meeting_setup["item"],
        outcome="approved",
        approved_amount="1000",
    )
    client = client_for(programme_officer)
    assert client.get(f"/admin/decisions/inspect/{decision.pk}/").status_code == 200
    assert client.get(f"/admin/decisions/edit/{decision.pk}/").status_code in (302, 403)
