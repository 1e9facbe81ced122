"""The families a lead reports are counts of families too: exact for the project's leads and
the programme team, through the disclosure rule for members, finance and auditors, on the
portal pages, in the back office's listings and inspect views, and in their exports."""

import datetime

import pytest

from evaluations.models import ProjectResult
from programme import roles
from programme.models import Outcome
from projects.models import ProgressReport
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(lead):
    project = ProjectFactory(lead=lead, start_date=datetime.date(2026, 4, 1))
    return ProgressReport.objects.create(
        project=project,
        financial_year="2026-27",
        quarter=1,
        narrative="Groups started",
        rag="green",
        families_supported=3,
        submitted_by=lead,
    )


@pytest.fixture
def result(report):
    return ProjectResult.objects.create(
        project=report.project,
        financial_year="2026-27",
        quarter=1,
        outcome=Outcome.objects.get(number=1),
        families_supported=30,
        families_achieved=27,
        families_sustained=12,
        entered_by=report.project.lead,
    )


def page(client, report):
    url = f"/portal/projects/{report.project.reference}/reports/2026-27/q1/"
    return client.get(url).content.decode()


def test_a_member_reads_a_small_reported_count_suppressed(client_for, member, report):
    html = page(client_for(member), report)
    assert "&lt;10" in html


@pytest.mark.parametrize("who", ["lead", "programme_officer"])
def test_the_lead_and_the_programme_team_read_it_exact(client_for, report, who, request):
    html = page(client_for(request.getfixturevalue(who)), report)
    assert "&lt;10" not in html


def test_the_project_page_lists_reports_with_counts_suppressed_for_a_member(
    client_for, member, report
):
    html = client_for(member).get(f"/portal/projects/{report.project.reference}/").content
    assert b"&lt;10 families" in html


def test_reported_results_that_differ_by_a_few_are_suppressed_on_the_project_page(
    client_for, member, result
):
    html = client_for(member).get(f"/portal/projects/{result.project.reference}/").content
    text = html.decode()
    # 30 supported and 27 achieved would show that 3 did not achieve it.
    assert "[c]" in text or "&lt;10" in text
    assert ">27<" not in text.replace(" ", "")


@pytest.mark.parametrize("role", [roles.FINANCE, roles.AUDITORS])
def test_finance_and_auditors_read_suppressed_counts_in_the_back_office(client, report, role):
    client.force_login(UserFactory(role=role))
    listing = client.get("/admin/progress_reports/").content.decode()
    assert "&lt;10" in listing
    export = client.get("/admin/progress_reports/?export=csv")
    body = b"".join(export.streaming_content).decode()
    assert "<10" in body
    inspect = client.get(f"/admin/progress_reports/inspect/{report.pk}/").content.decode()
    assert "&lt;10" in inspect


def test_the_programme_team_reads_exact_counts_in_the_back_office(
    client, report, programme_officer
):
    client.force_login(programme_officer)
    body = b"".join(client.get("/admin/progress_reports/?export=csv").streaming_content)
    assert b"<10" not in body


def test_project_results_are_suppressed_as_a_chain_for_finance(client, result, finance_officer):
    client.force_login(finance_officer)
    body = b"".join(client.get("/admin/project_results/?export=csv").streaming_content).decode()
    row = body.splitlines()[1]
    assert "27" not in row.split(",")
