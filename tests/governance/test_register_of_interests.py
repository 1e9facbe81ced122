"""Members keep their own entries on the register of interests in the portal; the programme
team sees the changes; conflicts are flagged from them."""

import pytest
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from programme.models import Interest
from programme.services import interest_end, interest_register
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_a_member_adds_an_interest_in_the_portal(client_for, member):
    charity = OrganisationFactory(name="Venus Centre")
    response = client_for(member).post(
        "/portal/interests/", {"organisation": charity.pk, "description": "Trustee"}
    )
    assert response.status_code == 302
    interest = Interest.objects.get(member=member)
    assert (interest.organisation, interest.description, interest.ended_on) == (
        charity,
        "Trustee",
        None,
    )
    assert ModelLogEntry.objects.filter(action="programme.interest_register").exists()


def test_an_interest_needs_a_description(client_for, member):
    response = client_for(member).post("/portal/interests/", {"description": " "})
    assert response.status_code == 400
    assert "Describe the interest" in response.content.decode()
    assert not Interest.objects.exists()


def test_a_member_ends_their_own_interest_and_it_stays_on_the_register(client_for, member, today):
    interest = interest_register(user=member, description="Trustee")
    response = client_for(member).post(f"/portal/interests/{interest.pk}/end/")
    assert response.status_code == 302
    interest.refresh_from_db()
    assert interest.ended_on == today


def test_a_member_cannot_end_someone_elses_interest(client_for, member, request):
    other = request.getfixturevalue("group")["members"][0]
    interest = interest_register(user=other, description="Trustee")
    assert client_for(member).post(f"/portal/interests/{interest.pk}/end/").status_code == 404
    with pytest.raises(PermissionDenied):
        interest_end(user=member, interest=interest)
    interest.refresh_from_db()
    assert interest.ended_on is None


def test_only_members_keep_a_register_entry(client_for, lead):
    assert client_for(lead).get("/portal/interests/").status_code == 403
    with pytest.raises(PermissionDenied):
        interest_register(user=lead, description="Trustee")


def test_the_programme_team_sees_the_changes_on_its_home_page(
    client_for, member, programme_officer
):
    interest_register(user=member, description="Trustee of the Venus Centre")
    page = client_for(programme_officer).get("/admin/").content.decode()
    assert "1 change in the last 30 days" in page
    assert "Trustee of the Venus Centre" in page
