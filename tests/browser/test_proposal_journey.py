import re

from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD
from programme.models import Criterion
from proposals.models import Proposal
from tests.browser.conftest import sign_in


def save(page):
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()


def test_a_lead_completes_and_submits_a_proposal_and_the_team_finds_it(demo, new_page):
    page = new_page()
    sign_in(page, "lead@families.example", DEMO_PASSWORD)
    page.get_by_role("button", name="Start a new proposal").first.click()
    page.get_by_label("Title").fill("Family group conferencing pilot")
    page.get_by_label("Community involvement").check()
    page.get_by_role("button", name="Start proposal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Family group conferencing pilot")
    reference = page.locator(".govuk-caption-l").inner_text().split(" ")[0]

    page.get_by_role("link", name="About the proposal").click()
    page.get_by_label("Summary").fill("Family group conferences for families at the edge of care.")
    save(page)
    page.get_by_role("link", name="Need and whole-family approach").click()
    page.get_by_label("Need and evidence").fill("120 families a year reach child protection.")
    page.get_by_label("Whole family approach").fill("The whole family makes the plan.")
    save(page)
    page.get_by_role("link", name="Programme priorities").click()
    page.get_by_label("Prevention and early intervention").check()
    save(page)
    page.get_by_role("link", name="Headline outcomes").click()
    page.get_by_label("5. Improved family relationships").fill("60")
    save(page)
    page.get_by_role("link", name="Budget").click()
    # The year delivery runs in (below): a line for another year is refused at submission.
    page.get_by_label("Financial year").select_option("2027-28")
    page.get_by_label("Staff").check()
    page.get_by_label("Description").fill("Two family group conference coordinators")
    page.get_by_label("Amount (£)").fill("£48,250.50")
    page.get_by_role("button", name="Add line").click()
    expect(page.locator("table")).to_contain_text("£48,250.50")
    page.get_by_role("link", name="Return to the task list").click()
    page.get_by_role("link", name="Delivery and sustainability").click()
    page.get_by_label("Delivery start").fill("2027-04-01")
    page.get_by_label("Delivery end").fill("2028-03-31")
    page.get_by_label("Sustainability and exit plan").fill("Mainstreamed into Early Help.")
    save(page)

    page.get_by_role("button", name="Check your answers and submit").click()
    page.get_by_role("button", name="Submit proposal").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Programme criteria: Answer the criterion")
    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/criteria/$"))
    for criterion in Criterion.objects.filter(is_active=True):
        page.get_by_label(criterion.title, exact=True).fill("Yes, as the summary sets out.")
    save(page)

    page.get_by_role("button", name="Check your answers and submit").click()
    expect(page.locator("main")).to_contain_text("£48,250.50")
    page.get_by_role("button", name="Submit proposal").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Proposal submitted")
    expect(page.locator(".govuk-panel__body")).to_contain_text(reference)

    proposal = Proposal.objects.get(reference=reference)
    assert proposal.status == Proposal.Status.SUBMITTED
    team = new_page()
    sign_in(team, "programme@families.example", DEMO_PASSWORD)
    team.goto(f"/admin/proposals/?meeting={proposal.meeting_id}")
    expect(team.locator("table.listing")).to_contain_text(reference)
    team.goto(f"/admin/proposals/?meeting={proposal.meeting_id + 1}")
    expect(team.locator("main")).not_to_contain_text(reference)
