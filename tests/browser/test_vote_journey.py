import re

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD
from governance import services
from governance.models import Attendance
from programme.models import Meeting, Membership, User
from tests.browser.conftest import sign_in


@pytest.fixture
def meeting_in_session(demo):
    """The demo's meeting of the day, in session, with the whole group present."""
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    officer = User.objects.get(email="programme@families.example")
    for membership in Membership.objects.current(meeting.date).voting().select_related("user"):
        services.attendance_record(
            user=officer,
            meeting=meeting,
            person=membership.user,
            capacity=Attendance.Capacity.MEMBER,
        )
    second = User.objects.get(email="a.nolan@families.example")
    second.set_password(DEMO_PASSWORD)
    second.save()
    return meeting, meeting.agenda.get(proposal__lead__email="lead@families.example")


def vote(page, choice):
    ballot = page.locator("form", has=page.get_by_role("button", name="Cast your vote"))
    ballot.get_by_role("radio", name=choice, exact=True).check()
    ballot.get_by_role("button", name="Cast your vote").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Vote recorded")


def test_the_chair_runs_a_vote_members_vote_and_the_lead_sees_the_decision(
    meeting_in_session, new_page
):
    meeting, item = meeting_in_session
    item_url = f"/portal/meetings/{meeting.pk}/items/{item.pk}/"

    reader = new_page()
    sign_in(reader, "member@families.example", DEMO_PASSWORD)
    reader.goto("/portal/meetings/")
    reader.get_by_role("link", name=re.compile(meeting.date.strftime("%-d %B %Y"))).first.click()
    reader.get_by_role("link", name=re.compile("papers", re.I)).first.click()
    expect(reader.locator("main")).to_contain_text(item.proposal.title)

    chair = new_page()
    sign_in(chair, "chair@families.example", DEMO_PASSWORD)
    chair.goto(item_url)
    chair.get_by_role("button", name="Open the vote").click()
    expect(chair.locator("main")).to_contain_text("Vote open")

    for email, choice in [("member@families.example", "For"), ("a.nolan@families.example", "For")]:
        member = new_page()
        sign_in(member, email, DEMO_PASSWORD)
        member.goto(item_url)
        vote(member, choice)

    chair.reload()
    expect(chair.locator("table")).to_contain_text("Voted")
    expect(chair.locator("table")).not_to_contain_text("For")
    chair.get_by_role("button", name="Close the vote").click()
    expect(chair.locator("main")).to_contain_text("For 2, against 0, abstain 0")
    chair.get_by_role("radio", name="Approved", exact=True).check()
    chair.get_by_label("Amount approved (£)").fill("20000")
    chair.get_by_role("button", name="Record the decision").click()
    expect(chair.locator(".app-decision")).to_contain_text("£20,000.00")

    lead = new_page()
    sign_in(lead, "lead@families.example", DEMO_PASSWORD)
    lead.goto(f"/portal/proposals/{item.proposal.reference}/")
    expect(lead.locator(".app-decision")).to_contain_text("Approved")
    expect(lead.locator(".app-decision")).to_contain_text("£20,000.00")
    lead.get_by_role("link", name="Your decision letter").click()
    expect(lead.get_by_role("heading", level=1)).to_have_text(re.compile("approved$"))
