"""The agreement's pages: the programme team issues it from the back office, the lead
accepts it and requests payments in the portal, the team approves them."""

import datetime
from decimal import Decimal

import pytest

from projects.models import GrantAgreement, ScheduledPayment
from tests.factories import ProgressReportFactory, ProjectFactory, issue_agreement

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    project = ProjectFactory(approved_amount=Decimal("30000.00"))
    project.profile.create(financial_year="2026-27", quarter=1, amount=Decimal("10000.00"))
    project.profile.create(financial_year="2026-27", quarter=2, amount=Decimal("20000.00"))
    return project


def schedule_data(*rows, kind="grant", checked=True):
    data = {
        "kind": kind,
        "payments-TOTAL_FORMS": str(len(rows)),
        "payments-INITIAL_FORMS": "0",
        "payments-MIN_NUM_FORMS": "0",
        "payments-MAX_NUM_FORMS": "1000",
    }
    if checked:
        data["bank_details_checked"] = "on"
    for index, (due, amount) in enumerate(rows):
        data[f"payments-{index}-due_on"] = due
        data[f"payments-{index}-amount"] = amount
    return data


def test_the_issue_form_offers_the_profile_as_the_schedule(client_for, programme_officer, project):
    html = client_for(programme_officer).get(f"/admin/projects/{project.pk}/agreement/")
    page = html.content.decode()
    assert 'value="2026-04-01"' in page and 'value="2026-07-01"' in page
    assert 'value="20000.00"' in page


def test_the_team_issues_the_agreement_from_the_back_office(client_for, programme_officer, project):
    response = client_for(programme_officer).post(
        f"/admin/projects/{project.pk}/agreement/",
        schedule_data(("2026-04-01", "10000.00"), ("2026-07-01", "20000.00")),
    )
    assert response.status_code == 302
    agreement = GrantAgreement.objects.get(project=project)
    assert agreement.payments.count() == 2


def test_a_schedule_that_does_not_add_up_is_shown_again_with_the_reason(
    client_for, programme_officer, project
):
    response = client_for(programme_officer).post(
        f"/admin/projects/{project.pk}/agreement/", schedule_data(("2026-04-01", "100.00"))
    )
    assert response.status_code == 200
    assert "Make them equal" in response.content.decode()
    assert not GrantAgreement.objects.exists()


def test_the_lead_accepts_then_requests_a_payment_with_a_report(
    client_for, programme_officer, project
):
    issue_agreement(project, programme_officer, accept=False)
    client = client_for(project.lead)
    page = client.get(f"/portal/projects/{project.reference}/agreement/").content.decode()
    assert "No money can be paid until you accept" in page
    client.post(f"/portal/projects/{project.reference}/agreement/accept/")
    report = ProgressReportFactory(project=project)
    response = client.post(
        f"/portal/projects/{project.reference}/payments/1/request/", {"report": report.pk}
    )
    assert response.status_code == 302
    payment = ScheduledPayment.objects.get(agreement__project=project, number=1)
    assert (payment.status, payment.report) == (ScheduledPayment.Status.REQUESTED, report)


def test_a_request_without_a_report_names_the_field(client_for, programme_officer, project):
    issue_agreement(project, programme_officer)
    ProgressReportFactory(project=project)
    response = client_for(project.lead).post(
        f"/portal/projects/{project.reference}/payments/1/request/"
    )
    assert "Choose the progress report the payment rests on" in response.content.decode()


def test_the_team_approves_a_requested_payment(client_for, programme_officer, project):
    agreement = issue_agreement(project, programme_officer)
    payment = agreement.payments.get(number=1)
    payment.status = ScheduledPayment.Status.REQUESTED
    payment.requested_by = project.lead
    payment.requested_at = datetime.datetime(2026, 7, 1, tzinfo=datetime.UTC)
    payment.save()
    client_for(programme_officer).post(
        f"/admin/projects/{project.pk}/payments/{payment.pk}/approve/"
    )
    payment.refresh_from_db()
    assert payment.status == ScheduledPayment.Status.APPROVED


def test_the_project_page_shows_the_payments_so_far(client_for, programme_officer, project):
    issue_agreement(project, programme_officer)
    page = client_for(project.lead).get(f"/portal/projects/{project.reference}/").content.decode()
    assert "scheduled £30,000.00, requested £0.00" in page
