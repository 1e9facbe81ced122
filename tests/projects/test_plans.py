import datetime
from decimal import Decimal

import pytest

from projects.models import BudgetProfileLine, Milestone, ProgressReport
from projects.services import milestones_set
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project():
    return ProjectFactory(approved_amount=Decimal("40000.00"))


def profile_data(**amounts):
    data = {f"2026-27_q{q}": "" for q in range(1, 5)}
    data.update(amounts)
    return data


def test_the_team_sets_a_profile_that_sums_to_the_approved_amount(
    client_for, programme_officer, project
):
    url = f"/admin/projects/{project.pk}/profile/"
    response = client_for(programme_officer).post(
        url, profile_data(**{"2026-27_q1": "£10,000", "2026-27_q2": "30000.00"})
    )
    assert response.status_code == 302
    cells = dict(project.profile.values_list("quarter", "amount"))
    assert cells == {1: Decimal("10000.00"), 2: Decimal("30000.00")}


def test_a_profile_that_does_not_add_up_is_refused_saying_by_how_much(
    client_for, programme_officer, project
):
    before = list(BudgetProfileLine.objects.values_list("pk", flat=True))
    response = client_for(programme_officer).post(
        f"/admin/projects/{project.pk}/profile/", profile_data(**{"2026-27_q1": "39000"})
    )
    assert "£1,000.00 less than" in response.content.decode()
    assert list(BudgetProfileLine.objects.values_list("pk", flat=True)) == before


def test_finance_cannot_change_a_profile_or_milestones(client_for, finance_officer, project):
    """Wagtail answers a back-office user without permission with a redirect to the
    dashboard and a message."""
    client = client_for(finance_officer)
    before = list(project.profile.values_list("amount", flat=True))
    response = client.post(
        f"/admin/projects/{project.pk}/profile/", profile_data(**{"2026-27_q1": "40000"})
    )
    assert response.status_code == 302
    assert response.url == "/admin/"
    assert list(project.profile.values_list("amount", flat=True)) == before
    response = client.get(f"/admin/projects/{project.pk}/milestones/")
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_team_adds_and_removes_milestones(client_for, programme_officer, project):
    old = Milestone.objects.create(project=project, title="Old", due_date=datetime.date(2026, 6, 1))
    data = {
        "milestones-TOTAL_FORMS": "2",
        "milestones-INITIAL_FORMS": "1",
        "milestones-0-id": str(old.pk),
        "milestones-0-title": "Old",
        "milestones-0-due_date": "2026-06-01",
        "milestones-0-DELETE": "on",
        "milestones-1-title": "Service launched",
        "milestones-1-due_date": "2026-09-30",
    }
    response = client_for(programme_officer).post(f"/admin/projects/{project.pk}/milestones/", data)
    assert response.status_code == 302
    assert list(project.milestones.values_list("title", flat=True)) == ["Service launched"]


def test_a_milestone_a_report_recorded_is_kept(programme_officer, lead, project):
    milestone = Milestone.objects.create(
        project=project, title="Launch", due_date=datetime.date(2026, 6, 1)
    )
    report = ProgressReport.objects.create(
        project=project,
        financial_year="2026-27",
        quarter=1,
        narrative="x",
        rag="green",
        families_supported=1,
        submitted_by=lead,
    )
    report.milestones_met.add(milestone)
    with pytest.raises(Exception, match="recorded as met"):
        milestones_set(user=programme_officer, project=project, milestones=[])
    assert project.milestones.count() == 1


def test_the_project_edit_page_links_to_its_plan(client_for, programme_officer, project):
    page = client_for(programme_officer).get(f"/admin/projects/edit/{project.pk}/")
    html = page.content.decode()
    assert f"/admin/projects/{project.pk}/profile/" in html
    assert f"/admin/projects/{project.pk}/milestones/" in html


def test_a_variation_needs_a_reason_and_is_listed_with_what_moved(
    client_for, programme_officer, project
):
    client = client_for(programme_officer)
    url = f"/admin/projects/{project.pk}/profile/"
    client.post(url, profile_data(**{"2026-27_q1": "40000"}, reason="First profile"))
    moved = profile_data(**{"2026-27_q1": "36000", "2026-27_q2": "4000"})
    refused = client.post(url, moved).content.decode()
    assert "Say why the profile changes: it is recorded." in refused
    assert client.post(url, {**moved, "reason": "Started a quarter late"}).status_code == 302
    page = client.get(url).content.decode()
    assert "Started a quarter late" in page
    assert "2026-27 Q2: £0.00 to £4,000.00" in page


def test_a_re_profile_beyond_the_teams_delegation_is_referred_to_the_group(
    client_for, programme_officer, project
):
    client = client_for(programme_officer)
    url = f"/admin/projects/{project.pk}/profile/"
    client.post(url, profile_data(**{"2026-27_q1": "40000"}, reason="First profile"))
    moved = profile_data(**{"2026-27_q1": "20000", "2026-27_q2": "20000"}, reason="Late start")
    page = client.post(url, moved, follow=True).content.decode()
    assert "more than the 10% delegated" in page
    assert "the profile changes if the group agrees" in page
    assert list(project.profile.values_list("quarter", "amount")) == [(1, Decimal("40000.00"))]
