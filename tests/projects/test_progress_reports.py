import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Milestone, ProgressReport, Project
from projects.reporting import overdue_reports, quarters_reported_on, reports_outstanding
from projects.services import progress_report_submit
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


@pytest.fixture
def project(lead):
    return ProjectFactory(
        proposal__lead=lead,
        start_date=datetime.date(2026, 5, 10),
        end_date=datetime.date(2027, 6, 30),
        status=Project.Status.ACTIVE,
    )


def submit(user, project, year="2026-27", quarter=1, **extra):
    values = {
        "narrative": "Recruited two family workers; first referrals in June.",
        "rag": Project.Rag.AMBER,
        "families_supported": 14,
        **extra,
    }
    return progress_report_submit(
        user=user, project=project, financial_year=year, quarter=quarter, today=TODAY, **values
    )


def test_a_report_is_owed_for_each_quarter_that_has_ended_since_the_start(project):
    owed = [(d.financial_year, d.quarter) for d in quarters_reported_on(project, TODAY)]
    assert owed == [("2026-27", 1), ("2026-27", 2)]


def test_a_report_is_due_twenty_days_after_its_quarter_ends(project):
    first = quarters_reported_on(project, TODAY)[0]
    assert first.due_date == datetime.date(2026, 7, 20)


def test_no_report_is_owed_after_the_project_ends():
    project = ProjectFactory(
        start_date=datetime.date(2025, 4, 1), end_date=datetime.date(2025, 9, 30)
    )
    owed = [(d.financial_year, d.quarter) for d in quarters_reported_on(project, TODAY)]
    assert owed == [("2025-26", 1), ("2025-26", 2)]


def test_the_lead_files_a_report_which_sets_the_projects_rating(project, lead):
    report = submit(lead, project)
    project.refresh_from_db()
    assert project.rag == Project.Rag.AMBER
    assert report.families_supported == 14
    assert report.submitted_by == lead


def test_a_milestone_reported_met_is_marked_met_that_day(project, lead):
    milestone = Milestone.objects.create(
        project=project, title="Workers recruited", due_date=datetime.date(2026, 6, 30)
    )
    submit(lead, project, milestones_met=[milestone])
    milestone.refresh_from_db()
    assert milestone.met_on == TODAY


def test_a_quarter_is_reported_on_once(project, lead):
    submit(lead, project)
    with pytest.raises(ValidationError, match="already been filed"):
        submit(lead, project)
    assert ProgressReport.objects.count() == 1


def test_a_quarter_that_has_not_ended_cannot_be_reported_on(project, lead):
    with pytest.raises(ValidationError, match="has not ended"):
        submit(lead, project, quarter=3)


def test_another_lead_cannot_report_on_the_project(project):
    stranger = UserFactory(role="Project leads")
    with pytest.raises(PermissionDenied):
        submit(stranger, project)


def test_the_programme_team_may_enter_a_report_for_the_lead(project, programme_officer):
    assert submit(programme_officer, project).submitted_by == programme_officer


def test_overdue_reports_lists_quarters_past_their_due_date_without_a_report(project, lead):
    submit(lead, project)
    overdue = overdue_reports(datetime.date(2026, 11, 23))
    assert [(d.project, d.label) for d in overdue] == [(project, "Q2 2026-27")]


def test_a_closed_project_owes_no_reports(project):
    project.status = Project.Status.CLOSED
    project.save()
    assert list(overdue_reports(TODAY)) == []


def test_the_overdue_list_takes_the_same_queries_for_many_projects():
    ProjectFactory(status=Project.Status.ACTIVE)
    with CaptureQueriesContext(connection) as few:
        list(overdue_reports(TODAY))
    for _ in range(10):
        ProjectFactory(status=Project.Status.ACTIVE)
    with CaptureQueriesContext(connection) as many:
        list(overdue_reports(TODAY))
    assert len(many) == len(few)


def test_moving_a_projects_end_changes_the_reports_it_owes(project):
    day = datetime.date(2026, 11, 23)
    assert [slot.label for slot in overdue_reports(day)] == ["Q1 2026-27", "Q2 2026-27"]

    project.end_date = datetime.date(2026, 6, 30)
    project.save()

    assert [slot.label for slot in overdue_reports(day)] == ["Q1 2026-27"]
    assert not project.report_slots.filter(quarter_end__gt=project.end_date).exists()


def test_the_overdue_list_agrees_with_each_projects_outstanding_quarters(project, lead):
    submit(lead, project)
    day = datetime.date(2027, 9, 1)

    listed = [(slot.project, slot.label) for slot in overdue_reports(day)]

    assert listed == [
        (project, due.label) for due in reports_outstanding(project, day) if due.overdue(day)
    ]
