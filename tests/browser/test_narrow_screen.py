"""On a 375-pixel phone screen no page is wider than the screen: wide tables scroll inside
their own box."""

import pytest

from demo.people import DEMO_PASSWORD
from programme.models import Meeting
from projects.models import Project
from proposals.models import Proposal
from tests.browser.conftest import sign_in

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def urls(demo):
    project = Project.objects.filter(proposal__lead__email="lead@families.example").first()
    draft = Proposal.objects.get(lead__email="lead@families.example", status="draft")
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    return {
        "lead@families.example": [
            f"/portal/projects/{project.reference}/",
            f"/portal/proposals/{draft.reference}/budget/",
            f"/portal/proposals/{draft.reference}/check/",
        ],
        "member@families.example": [
            f"/portal/meetings/{meeting.pk}/",
            f"/portal/meetings/{meeting.pk}/papers/",
            "/portal/results/",
        ],
        None: ["/what-is-the-money-spent-on/", "/what-has-it-achieved/", "/decisions/"],
    }


def wider_than_the_screen(page, paths):
    wide = {}
    for path in paths:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide[path] = width
    return wide


@pytest.mark.parametrize("email", ["lead@families.example", "member@families.example", None])
def test_no_page_is_wider_than_a_phone(new_page, urls, email):
    page = new_page(viewport=PHONE)
    if email:
        sign_in(page, email, DEMO_PASSWORD)
    assert wider_than_the_screen(page, urls[email]) == {}
