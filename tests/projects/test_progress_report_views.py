import datetime

import pytest

from projects.models import Milestone, ProgressReport, Project
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(lead, today):
    return ProjectFactory(
        proposal__lead=lead,
        start_date=today - datetime.timedelta(days=200),
        end_date=today + datetime.timedelta(days=400),
        status=Project.Status.ACTIVE,
    )


def first_due(client, project):
    page = client.get(f"/portal/projects/{project.reference}/").content.decode()
    start = page.index(f"/portal/projects/{project.reference}/reports/")
    return page[start : page.index('"', start)]


def test_a_lead_sees_their_projects_with_spend_and_reports_to_write(client_for, lead, project):
    page = client_for(lead).get("/portal/projects/").content.decode()
    assert project.title in page
    assert "to write" in page


def test_a_lead_writes_a_report_from_the_project_page(client_for, lead, project):
    client = client_for(lead)
    Milestone.objects.create(project=project, title="Launch", due_date=project.start_date)
    url = first_due(client, project)
    milestone = project.milestones.get()
    response = client.post(
        url,
        {
            "narrative": "Launched with twelve families.",
            "rag": "green",
            "families_supported": "12",
            "milestones_met": [milestone.pk],
            "risks": "",
        },
    )
    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert report.families_supported == 12
    assert list(report.milestones_met.all()) == [milestone]


def test_a_report_without_a_narrative_is_refused_with_an_error_summary(client_for, lead, project):
    client = client_for(lead)
    response = client.post(first_due(client, project), {"rag": "green", "families_supported": 1})
    assert "There is a problem" in response.content.decode()
    assert ProgressReport.objects.count() == 0


def test_another_lead_cannot_see_or_report_on_the_project(client_for, project):
    stranger = client_for(UserFactory(role="Project leads"))
    assert stranger.get(f"/portal/projects/{project.reference}/").status_code == 404
    url = f"/portal/projects/{project.reference}/reports/2026-27/q1/write/"
    assert stranger.post(url, {"narrative": "x"}).status_code == 404


def test_a_group_member_may_read_a_project_but_not_report(client_for, member, project):
    client = client_for(member)
    assert client.get(f"/portal/projects/{project.reference}/").status_code == 200
    url = f"/portal/projects/{project.reference}/reports/2026-27/q1/write/"
    assert client.get(url).status_code == 403


def test_the_programme_team_sees_overdue_reports_in_the_back_office(
    client_for, programme_officer, project
):
    page = client_for(programme_officer).get("/admin/progress_reports/overdue/").content.decode()
    assert project.reference in page


def test_leads_cannot_open_the_overdue_list(client_for, lead):
    assert client_for(lead).get("/admin/progress_reports/overdue/").status_code == 403
