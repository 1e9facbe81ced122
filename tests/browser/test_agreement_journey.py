"""After approval: the programme team issues the agreement from the back office, the lead
accepts it and requests the first payment with a progress report, the team approves it."""

from decimal import Decimal

from playwright.sync_api import expect

from programme import roles
from projects.models import ScheduledPayment
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, ProgressReportFactory, ProjectFactory, UserFactory


def test_an_agreement_is_issued_accepted_and_its_first_payment_approved(new_page):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="officer@families.example")
    project = ProjectFactory(
        title="School Family Support Service", approved_amount=Decimal("30000.00")
    )
    project.profile.create(financial_year="2026-27", quarter=1, amount=Decimal("10000.00"))
    project.profile.create(financial_year="2026-27", quarter=2, amount=Decimal("20000.00"))
    ProgressReportFactory(project=project)
    project.lead.set_password(PASSWORD)
    project.lead.save()

    team = new_page()
    sign_in(team, officer.email, PASSWORD)
    team.goto(f"/admin/projects/{project.pk}/agreement/")
    team.get_by_label("The organisation's bank details have been checked").check()
    team.get_by_role("button", name="Issue the agreement").click()
    expect(team.locator("main")).to_contain_text("Issued: waiting for the lead to accept it")

    lead = new_page()
    sign_in(lead, project.lead.email, PASSWORD)
    lead.goto(f"/portal/projects/{project.reference}/")
    lead.get_by_role("link", name="Grant agreement").click()
    lead.get_by_role("button", name="Accept the agreement").click()
    expect(lead.locator("main")).to_contain_text("Accepted")
    lead.get_by_role("link", name="Request payment 1").click()
    lead.get_by_label("Q1 2026-27").check()
    lead.get_by_role("button", name="Request the payment").click()
    expect(lead.locator("main")).to_contain_text("Requested")

    team.reload()
    team.get_by_role("button", name="Approve payment 1").click()
    expect(team.locator("main")).to_contain_text("Approved")
    payment = ScheduledPayment.objects.get(agreement__project=project, number=1)
    assert (payment.status, payment.amount) == ("approved", Decimal("10000.00"))
