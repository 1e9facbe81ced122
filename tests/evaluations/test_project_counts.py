"""Each project's calendar, kept by the family import, holds what its families count, and
value for money by project read from it equals the families counted one by one."""

import datetime
import random

import pytest

from evaluations import project_counts
from evaluations.models import FamilySupport, ProjectDayCount
from evaluations.selectors.results import counting_window
from evaluations.selectors.value import value_for_money
from tests.evaluations.random_dates import day, ddmmyyyy
from tests.factories import ProjectFactory, family_rows_csv

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def export(seed, projects):
    """80 families, each supported by none, one or two of the projects. Each case's plan is
    the same whatever the seed; its needs, outcomes and projects differ."""
    rng = random.Random(seed)
    rows = []
    for number in range(80):
        plans = random.Random(number)
        plan = day(plans, datetime.date(2023, 1, 1), TODAY)
        closed = min(plan + datetime.timedelta(days=plans.randint(0, 400)), TODAY)
        closed = closed if plans.random() < 0.7 else None
        supported = ";".join(p.reference for p in rng.sample(projects, rng.randint(0, 2)))
        for outcome in rng.sample(range(1, 11), rng.randint(1, 4)):
            achieved = day(rng, plan, closed or TODAY) if rng.random() < 0.8 else None
            sustained = rng.choice(["yes", "yes", "no"]) if closed and achieved else ""
            rows.append(
                [f"CASE-{number}", ddmmyyyy(plan), ddmmyyyy(closed), "", outcome,
                 ddmmyyyy(plan), ddmmyyyy(achieved), sustained, supported]
            )  # fmt: skip
    return family_rows_csv(rows)


@pytest.fixture
def projects():
    return [
        ProjectFactory(start_date=datetime.date(2022, 4, 1), end_date=datetime.date(2027, 3, 31))
        for _ in range(3)
    ]


def calendar():
    return set(ProjectDayCount.objects.values_list("project_id", "event", "day", "count"))


def test_the_import_keeps_each_projects_calendar(import_families, projects):
    import_families(export(1, projects), today=TODAY)
    kept = calendar()
    project_counts.refresh()
    assert kept == calendar()
    assert kept


def test_a_newer_export_moves_the_calendars_by_what_changed(import_families, projects):
    import_families(export(1, projects), today=TODAY)
    result = import_families(export(2, projects), today=TODAY)
    assert result.updated
    kept = calendar()
    project_counts.refresh()
    assert kept == calendar()


def counted_by_hand(window):
    """{project: (supported, successful, needs achieved once supported)} from the rows."""
    start, end = window
    found = {}
    for support in FamilySupport.objects.select_related("family").prefetch_related("family__needs"):
        family = support.family
        opened = support.start <= end and (
            start is None or support.end is None or support.end >= start
        )
        won = bool(
            family.all_needs_sustained
            and family.sustain_until
            and (start is None or family.sustain_until >= start)
            and family.sustain_until <= end
        )
        achieved = sum(
            1
            for need in family.needs.all()
            if need.achieved_on
            and need.achieved_on >= support.start
            and (start is None or need.achieved_on >= start)
            and need.achieved_on <= end
        )
        s, w, a = found.get(support.project_id, (0, 0, 0))
        found[support.project_id] = (s + opened, w + won, a + achieved)
    return {project: counts for project, counts in found.items() if any(counts)}


@pytest.mark.parametrize("year", [None, "2023-24", "2024-25", "2025-26", "2026-27"])
def test_value_by_project_counts_what_the_families_count(import_families, projects, year):
    import_families(export(1, projects), today=TODAY)
    import_families(export(2, projects), today=TODAY)
    rows = value_for_money(year, by="project", as_of=TODAY)
    read = {
        row.key: (row.families_supported, row.successful, row.outcomes_achieved)
        for row in rows
        if row.families_supported or row.successful or row.outcomes_achieved
    }
    assert read == counted_by_hand(counting_window(year, TODAY))
    assert read
