"""axe-core on every portal and public page, signed in as each role: no serious or critical
WCAG 2.2 AA problems, no script or style refused by the Content Security Policy, and no asset
(stylesheet, script, font, image) missing."""

import pytest

from demo.people import DEMO_PASSWORD
from programme.models import Meeting
from proposals.models import Proposal
from tests.browser.conftest import accessibility_problems, sign_in


@pytest.fixture
def demo_pages(demo):
    """The demo, and the addresses of its pages that need an object."""
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    draft = Proposal.objects.get(lead__email="lead@families.example", status="draft")
    return {
        "meeting": f"/portal/meetings/{meeting.pk}/",
        "item": f"/portal/meetings/{meeting.pk}/items/{meeting.agenda.first().pk}/",
        "draft": f"/portal/proposals/{draft.reference}/",
    }


PUBLIC = [
    "/",
    "/decisions/",
    "/what-is-the-money-spent-on/",
    "/what-has-it-achieved/",
    "/have-your-say/",
    "/accounts/login/",
    "/accounts/password-reset/",
]
PAGES = {
    "lead@families.example": [
        "/portal/",
        "/portal/proposals/",
        "/portal/proposals/new/",
        "{draft}",
        "{draft}about/",
        "{draft}need/",
        "{draft}priorities/",
        "{draft}delivery/",
        "{draft}outcomes/",
        "{draft}budget/",
        "{draft}criteria/",
        "{draft}attachments/",
        "{draft}co-leads/",
        "{draft}check/",
        "/portal/projects/",
    ],
    "member@families.example": [
        "/portal/",
        "/portal/meetings/",
        "{meeting}",
        "{meeting}papers/",
        "{item}",
        "/portal/results/",
    ],
    "chair@families.example": ["/portal/", "/portal/chairs-action/", "{meeting}attendance/"],
    "programme@families.example": ["/portal/", "/portal/results/", "/portal/projects/"],
}


def _check(page, paths, urls):
    problems = {}
    for path in paths:
        page.goto(path.format(**urls))
        found = accessibility_problems(page)
        if found:
            problems[path] = found
    return problems


def test_public_pages_have_no_serious_accessibility_problems(demo_pages, new_page):
    page = new_page()
    assert _check(page, PUBLIC, demo_pages) == {}
    assert page.csp_violations == []
    assert page.failed_requests == []


@pytest.mark.parametrize("email", sorted(PAGES))
def test_portal_pages_have_no_serious_accessibility_problems(demo_pages, new_page, email):
    page = new_page()
    sign_in(page, email, DEMO_PASSWORD)
    assert _check(page, PAGES[email], demo_pages) == {}
    assert page.csp_violations == []
    assert page.failed_requests == []


def test_the_check_finds_a_problem_when_there_is_one(demo_pages, new_page):
    page = new_page()
    page.goto("/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=x>')")
    assert any(
        problem.startswith("image-alt (critical)") for problem in accessibility_problems(page)
    )
