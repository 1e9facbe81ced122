"""The secretary amends the last meeting's draft minutes, the group approves them at today's
meeting, and the public reads them."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD
from programme.models import Meeting
from tests.browser.conftest import accessibility_problems, sign_in

NOTE = "Members asked for the first report to show take-up by ward."


@pytest.fixture
def meetings(demo):
    return Meeting.objects.get(status=Meeting.Status.CLOSED), Meeting.objects.get(
        status=Meeting.Status.IN_SESSION
    )


def test_draft_minutes_are_amended_approved_and_published(meetings, new_page):
    last, today = meetings
    item = last.agenda.filter(proposal__isnull=False).first()
    secretary = new_page()
    sign_in(secretary, "programme@families.example", DEMO_PASSWORD)
    secretary.goto(f"/portal/meetings/{last.pk}/")
    secretary.get_by_role("link", name="Amend the draft minutes").click()
    assert accessibility_problems(secretary) == []
    secretary.get_by_label(f"What the group discussed: {item.title}").fill(NOTE)
    secretary.get_by_role("button", name="Save the draft minutes").click()
    expect(secretary.locator(".app-minutes-record")).to_contain_text(NOTE)

    chair = new_page()
    sign_in(chair, "chair@families.example", DEMO_PASSWORD)
    chair.goto(f"/portal/meetings/{today.pk}/")
    chair.get_by_role("button", name=f"Approve the minutes of {last.date:%-d %B %Y}").click()
    expect(chair.locator(".govuk-notification-banner--success")).to_contain_text("approved")

    secretary.goto(f"/portal/meetings/{last.pk}/")
    expect(secretary.get_by_role("link", name="Amend the draft minutes")).to_have_count(0)

    public = new_page()
    public.goto(f"/decisions/{last.pk}/")
    expect(public.locator(".app-minutes-record")).to_contain_text(NOTE)
    expect(public.locator("main")).not_to_contain_text("Recorded votes")
    assert secretary.failed_requests == [] and public.failed_requests == []
