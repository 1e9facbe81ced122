"""Each project has a lead officer in the programme team (at first whoever screened it), and
the projects listing's quick views find an officer's own projects and those needing a look."""

import datetime

import pytest
from django.forms import modelform_factory

from projects.models import Project
from tests.factories import ProjectFactory
from tests.projects.test_projects import approve

pytestmark = pytest.mark.django_db
LISTING = "/admin/projects/"


def test_the_officer_who_screened_a_proposal_leads_its_project(meeting_setup, programme_officer):
    approve(meeting_setup, "20000.00")

    assert Project.objects.get().lead_officer == programme_officer


def test_mine_shows_only_the_projects_i_look_after(client_for, programme_officer):
    mine = ProjectFactory(lead_officer=programme_officer)
    theirs = ProjectFactory()

    page = client_for(programme_officer).get(LISTING, {"show": "mine"}).content.decode()

    assert mine.reference in page and theirs.reference not in page


def test_overrunning_shows_open_projects_past_their_end(client_for, programme_officer):
    past = datetime.date(2020, 3, 31)
    late = ProjectFactory(start_date=datetime.date(2019, 4, 1), end_date=past)
    ProjectFactory(
        start_date=datetime.date(2019, 4, 1), end_date=past, status=Project.Status.COMPLETED
    )
    current = ProjectFactory(end_date=datetime.date(2999, 3, 31))

    response = client_for(programme_officer).get(LISTING, {"show": "overrunning"})

    shown = [project.reference for project in response.context["object_list"]]
    assert shown == [late.reference]
    assert current.reference not in shown


def test_only_the_programme_team_can_be_lead_officers(programme_officer, finance_officer):
    form = modelform_factory(Project, fields=["lead_officer"])()
    choices = form.fields["lead_officer"].queryset

    assert programme_officer in choices and finance_officer not in choices
