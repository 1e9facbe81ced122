"""A variation within the programme team's delegation and one beyond it: the lead asks for
both in the portal; the team agrees the first in the back office; the second goes to the
group's next meeting."""

from decimal import Decimal

from playwright.sync_api import expect

from programme import roles
from projects.models import Variation
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, MeetingFactory, UserFactory, planned_project


def ask(lead, project, q1, q4, reason):
    lead.goto(f"/portal/projects/{project.reference}/")
    lead.get_by_role("link", name="Ask for a variation").click()
    lead.get_by_label("2030-31 Q1 (£)").fill(q1)
    lead.get_by_label("2030-31 Q4 (£)").fill(q4)
    lead.get_by_label("Why does the project need to change?").fill(reason)
    lead.get_by_role("button", name="Send the variation").click()


def test_a_small_variation_is_agreed_by_the_team_and_a_large_one_goes_to_the_group(new_page):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="officer@families.example")
    project = planned_project()
    meeting = MeetingFactory()
    project.lead.set_password(PASSWORD)
    project.lead.save()

    lead = new_page()
    sign_in(lead, project.lead.email, PASSWORD)
    ask(lead, project, "20000.00", "30000.00", "The worker started late.")
    expect(lead.locator("main")).to_contain_text("Waiting for the programme team")

    team = new_page()
    sign_in(team, officer.email, PASSWORD)
    small = Variation.objects.get()
    team.goto(f"/admin/variations/{small.pk}/decide/")
    team.get_by_label("Agree the variation").check()
    team.get_by_role("button", name="Record the decision").click()
    expect(team.locator("main")).to_contain_text("Agreed: version 2 of the plan.")

    ask(lead, project, "5000.00", "45000.00", "Schools start in the spring term.")
    expect(lead.locator("main")).to_contain_text("Referred to the group")
    expect(lead.locator("main")).to_contain_text(f"{meeting.date:%-d %B %Y}")
    large = Variation.objects.get(status=Variation.Status.REFERRED)
    assert (large.meeting, large.money_moved) == (meeting, Decimal("15000.00"))
