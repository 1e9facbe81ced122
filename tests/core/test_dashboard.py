"""Each role's back-office home starts with its work, and each figure on it is the one the
rest of the product shows."""

import pytest

from core.financial_years import fy_for_date, fy_quarter
from core.money import pounds
from programme.models import Meeting, User
from projects.periods import Period
from projects.selectors.budget import budget_against_actual, totals
from proposals.models import Proposal

pytestmark = pytest.mark.django_db


def home(client, role):
    client.force_login(User.objects.get(email=f"{role}@families.example"))
    return client.get("/admin/").content.decode()


def test_the_programme_team_starts_with_proposals_to_screen_and_the_next_meeting(client, demo):
    page = home(client, "programme")
    waiting = Proposal.objects.filter(status=Proposal.Status.SUBMITTED)
    assert f"{waiting.count()} submitted proposals to screen" in page
    assert all(proposal.reference in page for proposal in waiting)
    assert "Next meeting" in page
    assert "Open the meeting room" in page
    assert "Overdue progress reports" in page


def test_finance_starts_with_this_quarters_spend_against_its_profile(client, demo, today):
    page = home(client, "finance")
    quarter = totals(budget_against_actual(Period(fy_for_date(today), fy_quarter(today)), today))
    assert f"{pounds(quarter['spent'])} spent against {pounds(quarter['budget'])} profiled" in page
    assert "Proposals to screen" not in page


def test_the_auditor_starts_with_recent_changes_and_no_work_queues(client, demo):
    page = home(client, "auditor")
    assert "Recent changes" in page
    assert "Proposals to screen" not in page
    assert "Spend this quarter" not in page
    assert "Family outcomes" not in page


def test_a_meetings_back_office_page_and_its_meeting_room_link_to_each_other(client, demo):
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    client.force_login(User.objects.get(email="programme@families.example"))
    back_office = client.get(f"/admin/meetings/edit/{meeting.pk}/").content.decode()
    room = client.get(f"/portal/meetings/{meeting.pk}/").content.decode()
    assert f'href="/portal/meetings/{meeting.pk}/"' in back_office
    assert f'href="/admin/meetings/edit/{meeting.pk}/"' in room
