"""Value for money: the selectors' figures equal hand-written SQL over the same data."""

import datetime
import json
import random
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import connection

from core.money import to_money
from evaluations import project_counts
from evaluations.models import Family, FamilyNeed, FamilySupport
from evaluations.selectors.results import year_summary
from evaluations.selectors.value import value_for_money
from programme.models import Outcome
from tests.evaluations.random_dates import day
from tests.factories import ProjectFactory, SpendLineFactory, family_rows_csv

pytestmark = pytest.mark.django_db
AS_OF = datetime.date(2026, 11, 23)
YEAR, START, END = "2025-26", datetime.date(2025, 4, 1), datetime.date(2026, 3, 31)


@pytest.fixture
def programme(import_families):
    """Three projects, a year of spend and 120 families with random needs and outcomes.
    Dates keep to the 1st-28th so SQL's month arithmetic matches the rules exactly."""
    rng = random.Random(11)
    projects = [
        ProjectFactory(
            kind=kind, start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2027, 3, 31)
        )
        for kind in ["funded_service", "funded_service", "community"]
    ]
    for _ in range(90):
        SpendLineFactory(
            project=rng.choice(projects),
            date=day(rng, datetime.date(2024, 4, 1), datetime.date(2026, 10, 28)),
            net_amount=Decimal(rng.randint(-2000, 90000)) / 100,
            irrecoverable_vat=Decimal(rng.choice([0, 0, 1999])) / 100,
        )
    rows = []
    for number in range(120):
        plan = day(rng, datetime.date(2024, 4, 1), datetime.date(2026, 3, 28))
        plan = plan.replace(day=min(plan.day, 28))
        closed = None
        if rng.random() < 0.8:
            closed = plan + datetime.timedelta(days=rng.randint(60, 300))
            closed = closed.replace(day=min(closed.day, 28))
            closed = min(closed, AS_OF)
        supported = rng.sample(projects, rng.randint(0, 2))
        for outcome in rng.sample(range(1, 11), rng.randint(2, 6)):
            achieved = None
            if rng.random() < 0.85:
                achieved = min(plan + datetime.timedelta(days=rng.randint(10, 200)), AS_OF)
            sustained = ""
            if closed and achieved:
                sustained = "yes" if rng.random() < 0.85 else "no"
            rows.append(
                [
                    f"CASE-{number}",
                    plan.strftime("%d/%m/%Y"),
                    closed.strftime("%d/%m/%Y") if closed else "",
                    "",
                    outcome,
                    plan.strftime("%d/%m/%Y"),
                    achieved.strftime("%d/%m/%Y") if achieved else "",
                    sustained,
                    ";".join(p.reference for p in supported),
                ]
            )
    import_families(family_rows_csv(rows), today=AS_OF)
    return projects


def six_months_after(column):
    if connection.vendor == "sqlite":
        return f"date({column}, '+6 months')"
    return f"({column} + interval '6 months')::date"


def successful_families_sql():
    """Successful family outcomes worked out from the raw needs, not the stored flags."""
    return f"""
        SELECT f.id FROM evaluations_family f
        WHERE f.case_closed IS NOT NULL
          AND {six_months_after("f.case_closed")} BETWEEN %(start)s AND %(end)s
          AND (SELECT COUNT(DISTINCT n.outcome_id) FROM evaluations_familyneed n
               WHERE n.family_id = f.id AND n.identified_on <= f.case_closed) >= 3
          AND NOT EXISTS (
               SELECT 1 FROM evaluations_familyneed n WHERE n.family_id = f.id
               AND (n.achieved_on IS NULL OR n.sustained IS NULL OR n.sustained = %(no)s
                    OR n.identified_on > f.case_closed))
    """


def hand_written(start, end):
    params = {"start": start, "end": end, "no": False}
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT project_id, SUM(net_amount + irrecoverable_vat) FROM projects_spendline
               WHERE date BETWEEN %(start)s AND %(end)s GROUP BY project_id""",
            params,
        )
        spend = {pk: to_money(Decimal(str(total))) for pk, total in cursor.fetchall()}
        cursor.execute(
            """SELECT project_id, COUNT(DISTINCT family_id) FROM evaluations_familysupport
               WHERE start <= %(end)s AND ("end" IS NULL OR "end" >= %(start)s)
               GROUP BY project_id""",
            params,
        )
        supported = dict(cursor.fetchall())
        cursor.execute(
            f"""SELECT s.project_id, COUNT(DISTINCT s.family_id)
                FROM evaluations_familysupport s
                WHERE s.family_id IN ({successful_families_sql()}) GROUP BY s.project_id""",
            params,
        )
        successful = dict(cursor.fetchall())
        cursor.execute(
            """SELECT s.project_id, COUNT(DISTINCT n.id) FROM evaluations_familyneed n
               JOIN evaluations_familysupport s ON s.family_id = n.family_id
               WHERE n.achieved_on BETWEEN %(start)s AND %(end)s
                 AND n.achieved_on >= s.start GROUP BY s.project_id""",
            params,
        )
        achieved = dict(cursor.fetchall())
    return spend, supported, successful, achieved


def test_value_for_money_by_project_equals_hand_written_sql(programme):
    spend, supported, successful, achieved = hand_written(START, END)
    rows = {row.key: row for row in value_for_money(YEAR, by="project", as_of=AS_OF)}
    assert sum(successful.values()) > 0 and sum(achieved.values()) > 0
    for project in programme:
        row = rows[project.pk]
        assert row.spend == spend.get(project.pk, Decimal("0.00"))
        assert row.families_supported == supported.get(project.pk, 0)
        assert row.successful == successful.get(project.pk, 0)
        assert row.outcomes_achieved == achieved.get(project.pk, 0)
        if row.successful:
            assert row.per_successful == to_money(row.spend / row.successful)


def test_value_for_money_by_kind_counts_a_family_once_per_kind(programme):
    rows = {row.key: row for row in value_for_money(YEAR, by="kind", as_of=AS_OF)}
    params = {"start": START, "end": END}
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT p.kind, COUNT(DISTINCT s.family_id) FROM evaluations_familysupport s
               JOIN projects_project p ON p.id = s.project_id
               WHERE s.start <= %(end)s AND (s."end" IS NULL OR s."end" >= %(start)s)
               GROUP BY p.kind""",
            params,
        )
        expected = dict(cursor.fetchall())
    assert {kind: row.families_supported for kind, row in rows.items()} == expected


def test_value_for_money_by_kind_counts_each_successful_family_and_need_once(programme):
    rows = {row.key: row for row in value_for_money(YEAR, by="kind", as_of=AS_OF)}
    params = {"start": START, "end": END, "no": False}
    with connection.cursor() as cursor:
        cursor.execute(
            f"""SELECT p.kind, COUNT(DISTINCT s.family_id) FROM evaluations_familysupport s
                JOIN projects_project p ON p.id = s.project_id
                WHERE s.family_id IN ({successful_families_sql()}) GROUP BY p.kind""",
            params,
        )
        successful = dict(cursor.fetchall())
        cursor.execute(
            """SELECT p.kind, COUNT(DISTINCT n.id) FROM evaluations_familyneed n
               JOIN evaluations_familysupport s ON s.family_id = n.family_id
               JOIN projects_project p ON p.id = s.project_id
               WHERE n.achieved_on BETWEEN %(start)s AND %(end)s AND n.achieved_on >= s.start
               GROUP BY p.kind""",
            params,
        )
        achieved = dict(cursor.fetchall())
    assert {kind: row.successful for kind, row in rows.items() if row.successful} == successful
    assert {kind: row.outcomes_achieved for kind, row in rows.items()} == achieved
    assert sum(successful.values()) > 0


FUNDED = "EXISTS (SELECT 1 FROM evaluations_familysupport s WHERE s.family_id = {})"
# Supported by funded projects in the year: from the first support's start to the last one's end.
FUNDED_IN_YEAR = """f.id IN (SELECT family_id FROM evaluations_familysupport GROUP BY family_id
    HAVING MIN(start) <= %(end)s AND (COUNT(*) > COUNT("end") OR MAX("end") >= %(start)s))"""


def test_the_year_summary_equals_hand_written_sql(programme):
    params = {"start": START, "end": END, "no": False}
    open_in_year = "plan_start <= %(end)s AND (case_closed IS NULL OR case_closed >= %(start)s)"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM evaluations_family WHERE {open_in_year}", params)
        supported = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM evaluations_family f WHERE {FUNDED_IN_YEAR}", params)
        funded = cursor.fetchone()[0]
        cursor.execute(f"SELECT COUNT(*) FROM ({successful_families_sql()}) s", params)
        successful = cursor.fetchone()[0]
        cursor.execute(
            f"SELECT COUNT(*) FROM ({successful_families_sql()}) w WHERE {FUNDED.format('w.id')}",
            params,
        )
        funded_successful = cursor.fetchone()[0]
        cursor.execute(
            """SELECT COUNT(*) FROM evaluations_familyneed n
               WHERE n.achieved_on BETWEEN %(start)s AND %(end)s
               AND n.achieved_on >= (SELECT MIN(s.start) FROM evaluations_familysupport s
                                     WHERE s.family_id = n.family_id)""",
            params,
        )
        funded_achieved = cursor.fetchone()[0]
        cursor.execute(
            """SELECT SUM(net_amount + irrecoverable_vat) FROM projects_spendline
               WHERE date BETWEEN %(start)s AND %(end)s""",
            params,
        )
        spend = to_money(Decimal(str(cursor.fetchone()[0])))
    summary = year_summary(YEAR, AS_OF)
    assert 0 < funded < supported and 0 < funded_successful < successful
    assert summary["families_supported"] == supported
    assert summary["successful_family_outcomes"] == successful
    assert summary["spend"] == spend
    assert summary["spend_per_family_supported"] == to_money(spend / funded)
    assert summary["spend_per_successful_family_outcome"] == to_money(spend / funded_successful)
    assert summary["spend_per_outcome_achieved"] == to_money(spend / funded_achieved)


def test_outcome_report_json_gives_the_year_from_the_same_selectors(programme, capsys):
    call_command("outcome_report", "--year", YEAR, "--json", "--as-of", AS_OF.isoformat())
    report = json.loads(capsys.readouterr().out)
    summary = year_summary(YEAR, AS_OF)
    assert report["families_supported"] == summary["families_supported"]
    assert report["families_eligible"] == summary["families_eligible"]
    assert report["successful_family_outcomes"] == summary["successful_family_outcomes"]
    assert Decimal(report["spend"]) == summary["spend"]
    assert (
        Decimal(report["spend_per_successful_family_outcome"])
        == (summary["spend_per_successful_family_outcome"])
    )
    assert [row["number"] for row in report["by_outcome"]] == list(range(1, 11))


@pytest.mark.django_db
def test_a_project_is_credited_only_with_needs_achieved_once_its_support_began():
    first, second = ProjectFactory(), ProjectFactory()
    family = Family.objects.create(case_hash="a" * 64, plan_start=datetime.date(2026, 4, 1))
    FamilySupport.objects.create(family=family, project=first, start=datetime.date(2026, 4, 1))
    FamilySupport.objects.create(family=family, project=second, start=datetime.date(2026, 9, 1))
    for achieved in (datetime.date(2026, 6, 1), datetime.date(2026, 10, 1)):
        FamilyNeed.objects.create(
            family=family,
            outcome=Outcome.objects.get(number=achieved.month // 4),
            identified_on=datetime.date(2026, 4, 1),
            achieved_on=achieved,
        )
    project_counts.refresh()  # written here without the import, which keeps the calendars
    rows = value_for_money("2026-27", as_of=datetime.date(2027, 3, 31))
    assert {row.key: row.outcomes_achieved for row in rows} == {first.pk: 2, second.pk: 1}
