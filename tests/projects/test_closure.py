"""A project's end: the final report, the programme team's sign-off, the underspend back in
the fund year, a read-only record and the public page's final figures."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import Site

from governance.selectors.meetings import fund_positions
from projects import services
from projects.models import Project, ScheduledPayment
from public.models import SpendingPage
from tests.factories import (
    FundFactory,
    ProgressReportFactory,
    ProjectFactory,
    SpendLineFactory,
    issue_agreement,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def project():
    project = ProjectFactory(approved_amount=Decimal("40000.00"))
    project.profile.create(financial_year="2026-27", quarter=1, amount=Decimal("15000.00"))
    project.profile.create(financial_year="2026-27", quarter=2, amount=Decimal("25000.00"))
    SpendLineFactory(project=project, date=datetime.date(2026, 5, 1), net_amount=Decimal("9000.00"))
    SpendLineFactory(
        project=project, date=datetime.date(2026, 8, 1), net_amount=Decimal("16000.00")
    )
    return project


def report(project, user=None):
    return services.closure_report_submit(
        user=user or project.lead,
        project=project,
        delivered="A family worker in every school in the area.",
        families_supported=48,
        results="40 of the 50 families we aimed for achieved their school attendance outcome.",
        lessons="Start recruitment before the school year.",
    )


def test_closing_releases_the_underspend_to_its_fund_year(project, programme_officer):
    FundFactory(financial_year="2026-27", total_budget=Decimal("100000.00"))
    (before,) = fund_positions("2026-27", {}, today=TODAY)
    report(project)
    closure = services.project_close(user=programme_officer, project=project)
    (after,) = fund_positions("2026-27", {}, today=TODAY)
    assert (closure.spent, closure.underspend) == (Decimal("25000.00"), Decimal("15000.00"))
    assert before["approved"] == Decimal("40000.00")
    assert after["approved"] == Decimal("25000.00")
    assert after["remaining"] - before["remaining"] == closure.underspend
    project.refresh_from_db()
    assert project.status == Project.Status.CLOSED


def test_signing_off_needs_the_final_report(project, programme_officer):
    with pytest.raises(ValidationError, match="final report"):
        services.project_close(user=programme_officer, project=project)


def test_a_payment_still_open_stops_the_sign_off(project, programme_officer):
    agreement = issue_agreement(project, programme_officer)
    services.payment_request(
        user=project.lead,
        payment=agreement.payments.get(number=1),
        report=ProgressReportFactory(project=project),
    )
    report(project)
    with pytest.raises(ValidationError, match="Payment 1 is requested and not yet paid"):
        services.project_close(user=programme_officer, project=project)


def test_payments_never_requested_are_cancelled(project, programme_officer):
    issue_agreement(project, programme_officer)
    report(project)
    services.project_close(user=programme_officer, project=project)
    statuses = set(ScheduledPayment.objects.values_list("status", flat=True))
    assert statuses == {ScheduledPayment.Status.CANCELLED}


def test_only_the_programme_team_signs_off(project, finance_officer):
    report(project)
    for user in (finance_officer, project.lead):
        with pytest.raises(PermissionDenied):
            services.project_close(user=user, project=project)


def test_a_closed_project_is_read_only(project, programme_officer):
    report(project)
    services.project_close(user=programme_officer, project=project)
    with pytest.raises(ValidationError, match="is closed"):
        report(project)
    with pytest.raises(ValidationError, match="is closed"):
        services.milestones_set(user=programme_officer, project=project, milestones=[])
    with pytest.raises(ValidationError, match="is closed"):
        services.budget_profile_set(
            user=programme_officer,
            project=project,
            cells={("2026-27", 1): Decimal("40000.00")},
            reason="Moving money",
        )


def test_the_public_page_shows_it_completed_with_its_final_figures(
    client, project, programme_officer
):
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(instance=SpendingPage(title="What is the money spent on?", slug="spend"))
    report(project)
    services.project_close(user=programme_officer, project=project)
    html = client.get(page.url).content.decode()
    assert "Completed</strong> £25,000.00 spent · 48 families supported" in html


def test_the_lead_sends_the_final_report_from_the_portal(client_for, project):
    response = client_for(project.lead).post(
        f"/portal/projects/{project.reference}/final-report/",
        {
            "delivered": "Family workers",
            "families_supported": "48",
            "results": "Most achieved",
            "lessons": "Recruit early",
        },
    )
    assert response.status_code == 302
    assert project.closure.families_supported == 48


def test_the_team_signs_off_from_the_back_office(client_for, project, programme_officer):
    report(project)
    client_for(programme_officer).post(f"/admin/projects/{project.pk}/closure/")
    project.refresh_from_db()
    assert project.status == Project.Status.CLOSED
