"""The programme team ticks two proposals awaiting screening in the back-office listing,
assigns them to a colleague from the bulk-action footer, and the colleague finds them under
"Mine to screen"."""

from playwright.sync_api import expect

from programme import roles
from proposals.models import Proposal
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, ProposalFactory, UserFactory


def test_two_proposals_are_assigned_to_a_colleague_to_screen(new_page):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="officer@families.example")
    colleague = UserFactory(
        role=roles.PROGRAMME_TEAM, email="priya@families.example", first_name="Priya",
        last_name="Shah",
    )  # fmt: skip
    first, second = ProposalFactory.create_batch(2, status=Proposal.Status.SUBMITTED)

    team = new_page()
    sign_in(team, officer.email, PASSWORD)
    team.goto("/admin/proposals/?show=awaiting_screening")
    team.get_by_role("checkbox", name="Select all").first.check()
    team.get_by_role("link", name="Assign a screener to the selected proposals").click()
    expect(team.locator("main")).to_contain_text("Who is to screen these 2 proposals?")
    team.get_by_label("Screener").select_option(label="Priya Shah")
    team.get_by_role("button", name="Assign").click()
    expect(team.locator(".messages")).to_contain_text("2 proposals assigned to Priya Shah")

    theirs = new_page()
    sign_in(theirs, colleague.email, PASSWORD)
    theirs.goto("/admin/proposals/")
    theirs.get_by_role("link", name="Mine to screen").click()
    expect(theirs.locator("main")).to_contain_text(first.reference)
    expect(theirs.locator("main")).to_contain_text(second.reference)
