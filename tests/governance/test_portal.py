import datetime

import pytest
from django.contrib.auth.models import Group

from programme import roles
from tests.factories import MembershipFactory


def test_a_lead_lands_on_their_proposals_panel(client_for, lead):
    page = client_for(lead).get("/portal/").content.decode()
    assert "Your funding proposals" in page
    assert "Strategic group" not in page
    assert "Go to the back office" not in page


def test_a_member_sees_their_seat_on_the_group(client_for, db):
    membership = MembershipFactory(role="chair", organisation__name="Merseyside Police")
    page = client_for(membership.user).get("/portal/").content.decode()
    assert "Chair for Merseyside Police" in page
    assert 'id="member-heading"' in page


def test_the_programme_team_is_pointed_to_the_back_office(client_for, programme_officer):
    page = client_for(programme_officer).get("/portal/").content.decode()
    assert 'id="team-heading"' in page
    assert 'href="/admin/"' in page


def test_a_person_with_two_roles_sees_both_panels(client_for, programme_officer):
    programme_officer.groups.add(Group.objects.get(name=roles.FINANCE))
    page = client_for(programme_officer).get("/portal/").content.decode()
    assert 'id="team-heading"' in page
    assert 'id="finance-heading"' in page


def test_the_portal_has_a_skip_link_and_labelled_navigation(client_for, lead):
    page = client_for(lead).get("/portal/").content.decode()
    assert '<a href="#main-content" class="govuk-skip-link"' in page
    assert 'id="main-content"' in page
    assert '<nav aria-label="Menu"' in page


@pytest.mark.django_db
def test_an_ended_membership_is_not_shown_as_a_seat(client_for):
    membership = MembershipFactory(end_date=datetime.date(2024, 12, 31))
    page = client_for(membership.user).get("/portal/").content.decode()
    assert "Strategic group seat" not in page
