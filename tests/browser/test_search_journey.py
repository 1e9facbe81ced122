"""The programme team searches from Wagtail's sidebar: one box finds proposals, projects,
organisations and spend, ranked; then places an eligible proposal on the next agenda from the
listing's bulk-action footer."""

import datetime

from playwright.sync_api import expect

from programme import roles
from programme.models import Meeting
from proposals.models import Proposal
from tests.browser.conftest import sign_in
from tests.factories import (
    PASSWORD,
    BudgetLineFactory,
    MeetingFactory,
    OrganisationFactory,
    ProposalFactory,
    UserFactory,
)


def test_the_sidebar_search_finds_across_the_programme_by_relevance(new_page):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="officer@families.example")
    OrganisationFactory(name="Parenting Hub Trust")
    in_line = ProposalFactory(title="Community hub refurbishment", status="submitted")
    BudgetLineFactory(proposal=in_line, description="Parenting support sessions")
    in_title = ProposalFactory(title="Parenting support for fathers", status="submitted")

    page = new_page()
    sign_in(page, officer.email, PASSWORD)
    page.goto("/admin/")
    page.locator("#menu-search-q").fill('"parenting support"')
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Proposals")).to_be_visible()
    rows = page.locator("section", has=page.get_by_role("heading", name="Proposals")).locator(
        "td.title"
    )
    expect(rows).to_have_text([str(in_title), str(in_line)])
    page.get_by_role("link", name="Open these in proposals").click()
    expect(page.locator("#listing-results")).to_contain_text(in_title.reference)


def test_an_eligible_proposal_is_placed_on_the_next_open_agenda(new_page):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="officer@families.example")
    today = datetime.date.today()
    published = MeetingFactory(
        date=today + datetime.timedelta(days=10), status=Meeting.Status.AGENDA_PUBLISHED
    )
    open_meeting = MeetingFactory(date=today + datetime.timedelta(days=70))
    proposal = ProposalFactory(status=Proposal.Status.ELIGIBLE, meeting=None)

    page = new_page()
    sign_in(page, officer.email, PASSWORD)
    page.goto("/admin/proposals/")
    page.get_by_role("checkbox", name="Select all").first.check()
    page.get_by_role(
        "link", name="Place the selected eligible proposals on the next meeting's agenda"
    ).click()
    expect(page.locator("main")).to_contain_text(str(open_meeting))
    page.get_by_role("button", name="Place on the agenda").click()

    expect(page.locator(".messages")).to_contain_text(f"1 proposal placed for {open_meeting}")
    proposal.refresh_from_db()
    assert proposal.meeting == open_meeting != published
