"""Value for money by project, a page at a time: the page lists and counts only its own
projects, its rows are those of the whole list, and the supports carried into a year keep a
project listed with nothing else dated in it."""

import datetime
import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations import project_counts
from evaluations.models import Family, FamilySupport, ProjectDayCount
from evaluations.selectors.value import value_for_money, value_projects
from evaluations.selectors.value_shown import value_page, value_rows
from tests.evaluations.test_project_counts import TODAY, export
from tests.factories import ProjectFactory, SpendLineFactory

pytestmark = pytest.mark.django_db
Event = ProjectDayCount.Event


def running(count):
    return [
        ProjectFactory(start_date=datetime.date(2022, 4, 1), end_date=datetime.date(2027, 3, 31))
        for _ in range(count)
    ]


def supported(project, start, end, case="a"):
    family = Family.objects.create(case_hash=case * 64, plan_start=start)
    FamilySupport.objects.create(family=family, project=project, start=start, end=end)


@pytest.mark.parametrize("year", ["2023-24", "2024-25", "2026-27"])
def test_the_pages_together_are_every_row(import_families, year):
    projects = running(5)
    import_families(export(1, projects), today=TODAY)
    SpendLineFactory(project=projects[0], date=datetime.date(2024, 6, 1))
    every = value_rows(year, "project", TODAY, suppressed=False)
    paged = []
    for number in (1, 2, 3):
        paged += value_page(year, "project", TODAY, False, number, per_page=2).object_list
    assert paged == every
    assert len(every) >= 3


def test_a_support_spanning_the_year_keeps_its_project_listed():
    project, idle = running(2)
    supported(project, datetime.date(2023, 5, 1), datetime.date(2025, 6, 30))
    project_counts.refresh()
    rows = value_for_money("2024-25", as_of=TODAY)
    assert [(row.key, row.families_supported) for row in rows] == [(project.pk, 1)]
    assert list(value_projects("2024-25", TODAY)) == [project]


def test_a_support_is_carried_into_each_year_it_spans_and_no_other():
    (project,) = running(1)
    supported(project, datetime.date(2023, 5, 1), datetime.date(2025, 4, 1))
    project_counts.refresh()
    carried = ProjectDayCount.objects.filter(event=Event.CARRIED)
    assert sorted(carried.values_list("day", "count")) == [
        (datetime.date(2024, 4, 1), 1),
        (datetime.date(2025, 4, 1), 1),
    ]


def test_a_support_begun_on_1_april_is_begun_in_its_year_not_carried_into_it():
    (project,) = running(1)
    supported(project, datetime.date(2024, 4, 1), datetime.date(2024, 9, 30))
    project_counts.refresh()
    assert not ProjectDayCount.objects.filter(event=Event.CARRIED).exists()
    (row,) = value_for_money("2024-25", as_of=TODAY)
    assert row.families_supported == 1


def test_the_migration_carries_what_the_families_carry(import_families):
    projects = running(3)
    import_families(export(1, projects), today=TODAY)
    carried = ProjectDayCount.objects.filter(event=Event.CARRIED)
    kept = set(carried.values_list("project_id", "day", "count"))
    carried.delete()
    migration = importlib.import_module("evaluations.migrations.0010_carried_supports")
    migration.carry_open_supports(apps, connection.schema_editor())
    assert set(carried.values_list("project_id", "day", "count")) == kept
    assert kept


def test_a_page_takes_the_same_queries_for_more_projects(import_families):
    projects = running(2)
    import_families(export(1, projects), today=TODAY)
    with CaptureQueriesContext(connection) as few:
        value_page("2024-25", "project", TODAY, True, 1, per_page=2)
    more = running(6)
    import_families(export(2, projects + more), today=TODAY)
    with CaptureQueriesContext(connection) as many:
        page = value_page("2024-25", "project", TODAY, True, 1, per_page=2)
    assert len(many) == len(few)
    assert page.paginator.count > 2
