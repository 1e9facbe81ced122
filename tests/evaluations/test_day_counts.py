"""The results calendar gives every window the figures counted from the families themselves."""

import datetime
import io
import random

import pytest
from django.core.management import call_command
from django.db.models import Count, Exists, F, OuterRef, Q, Subquery

from core.problems import ImportRefused
from evaluations import day_counts
from evaluations.models import DayCount, Family, FamilyNeed, FamilySupport
from evaluations.selectors.presenting import gather, year_figures
from evaluations.selectors.results import (
    by_outcome,
    counting_window,
    family_counts,
    needs_by_outcome_and_year,
    open_in,
    successful,
    within,
)
from tests.evaluations.random_dates import day, ddmmyyyy
from tests.factories import ProjectFactory, family_rows_csv

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)
YEARS = ["2022-23", "2023-24", "2024-25", "2025-26", "2026-27"]
AS_OF = [TODAY, datetime.date(2026, 4, 1), datetime.date(2025, 12, 31), datetime.date(2024, 6, 15)]


@pytest.fixture
def families(import_families):
    """150 families with needs identified during their plans and achieved, sustained or not,
    closing any day (month ends too); about half supported by a funded project."""
    rng = random.Random(7)
    project = ProjectFactory(start_date=datetime.date(2021, 4, 1), end_date=TODAY)
    rows = []
    for number in range(150):
        supported = project.reference if rng.random() < 0.5 else ""
        plan = day(rng, datetime.date(2022, 1, 1), TODAY)
        closed = None
        if rng.random() < 0.75:
            closed = min(plan + datetime.timedelta(days=rng.randint(0, 400)), TODAY)
        for outcome in rng.sample(range(1, 11), rng.randint(1, 5)):
            identified = day(rng, plan, closed or TODAY)
            achieved = day(rng, identified, closed or TODAY) if rng.random() < 0.8 else None
            sustained = rng.choice(["yes", "yes", "no"]) if closed and achieved else ""
            rows.append(
                [f"CASE-{number}", ddmmyyyy(plan), ddmmyyyy(closed), "", outcome,
                 ddmmyyyy(identified), ddmmyyyy(achieved), sustained, supported]
            )  # fmt: skip
    import_families(family_rows_csv(rows), today=TODAY)


def counted_from_families(window):
    supports = FamilySupport.objects.filter(family=OuterRef("pk"))
    counts = Family.objects.alias(
        has_support=Exists(supports),
        first_support=Subquery(supports.order_by("start").values("start")[:1]),
        last_support=Subquery(supports.order_by("-end").values("end")[:1]),
    ).aggregate(
        supported=Count("pk", filter=open_in(window)),
        eligible=Count("pk", filter=open_in(window) & Q(eligible=True)),
        successful=Count("pk", filter=successful(window)),
        funded=Count("pk", filter=open_in(window, "first_support", "last_support")),
        funded_successful=Count("pk", filter=successful(window) & Q(has_support=True)),
    )
    achieved = FamilyNeed.objects.filter(within("achieved_on", window))
    counts["achieved"] = achieved.count()
    # A need counts for the funded projects once achieved on or after the first support began.
    counts["funded_achieved"] = achieved.filter(
        achieved_on__gte=F("family__supports__start")
    ).count()
    return counts


def needs_from_families(window):
    _start, end = window
    return {
        row["outcome__number"]: row
        for row in FamilyNeed.objects.alias(
            funded=Exists(
                FamilySupport.objects.filter(
                    family=OuterRef("family"), start__lte=OuterRef("achieved_on")
                )
            )
        )
        .values("outcome__number")
        .annotate(
            with_need=Count(
                "pk",
                filter=open_in(window, "family__plan_start", "family__case_closed")
                & Q(identified_on__lte=end),
            ),
            # Before the annotation named sustained, which would hide the field.
            funded_sustained=Count(
                "pk",
                filter=Q(sustained=True, achieved_on__isnull=False, funded=True)
                & within("family__sustain_until", window),
            ),
            achieved=Count("pk", filter=within("achieved_on", window)),
            sustained=Count(
                "pk",
                filter=Q(sustained=True, achieved_on__isnull=False)
                & within("family__sustain_until", window),
            ),
        )
    }


def windows():
    return [
        counting_window(year, as_of)
        for as_of in AS_OF
        for year in [None, *YEARS]
        if year is None or counting_window(year, as_of)[0] <= as_of
    ]


def test_family_counts_equal_the_families_counted_one_by_one(families):
    every = windows()
    assert family_counts(every) == [counted_from_families(window) for window in every]
    assert sum(count["successful"] for count in family_counts(every)) > 0
    assert sum(count["funded_successful"] for count in family_counts(every)) > 0


def test_needs_by_outcome_equal_the_needs_counted_one_by_one(families):
    for as_of in AS_OF:
        for year in [None, *YEARS]:
            if year and counting_window(year, as_of)[0] > as_of:
                continue
            expected = needs_from_families(counting_window(year, as_of))
            for row in by_outcome(year, as_of):
                need = expected.get(row["number"], {})
                keys = ["families_with_need", "achieved", "sustained", "funded_sustained"]
                assert [row[key] for key in keys] == [
                    need.get("with_need", 0),
                    need.get("achieved", 0),
                    need.get("sustained", 0),
                    need.get("funded_sustained", 0),
                ], (year, as_of, row["number"])


def test_needs_by_outcome_and_year_equal_the_needs_counted_one_by_one(families):
    counted = needs_by_outcome_and_year(YEARS, TODAY)
    for year in YEARS:
        expected = needs_from_families(counting_window(year, TODAY))
        for number in range(1, 11):
            need = expected.get(number, {})
            assert counted.achieved[(number, year)] == need.get("achieved", 0)
            assert counted.sustained[(number, year)] == need.get("sustained", 0)
            assert counted.funded_sustained[(number, year)] == need.get("funded_sustained", 0)
            assert counted.need[(number, year)] == need.get("with_need", 0)


@pytest.mark.parametrize("as_of", AS_OF)
def test_a_years_outcome_table_from_the_figures_equals_one_counted_for_it(families, as_of):
    """The results page takes the year's needs from the figures it has already read."""
    figures = gather(as_of)
    for year in figures.years:
        _counts, _outcomes, raw = year_figures(figures, year, suppressed=False)
        assert raw == by_outcome(year, as_of), (year, as_of)


def test_a_year_that_has_not_begun_counts_nothing(families):
    (counts,) = family_counts([counting_window("2027-28", TODAY)])
    assert set(counts.values()) == {0}


def test_reimporting_changed_families_recounts_them(families, import_families):
    rows = [["CASE-0", "01/04/2026", "02/04/2026", "", 3, "01/04/2026", "02/04/2026", "", ""]]
    import_families(family_rows_csv(rows), today=TODAY)
    every = windows()
    assert family_counts(every) == [counted_from_families(window) for window in every]


def test_the_command_rebuilds_the_calendar(families):
    expected = family_counts(windows())
    DayCount.objects.all().delete()
    out = io.StringIO()
    call_command("refresh_results_calendar", stdout=out)
    assert family_counts(windows()) == expected
    assert "150 families" in out.getvalue()


def test_a_need_identified_after_its_case_closed_is_refused(import_families):
    rows = [["CASE-1", "01/04/2025", "30/09/2025", "", 1, "01/10/2025", "", "", ""]]
    with pytest.raises(ImportRefused) as refused:
        import_families(family_rows_csv(rows), today=TODAY)
    assert refused.value.problems == [(2, "the need was identified after the case closed")]


def test_an_import_moves_the_calendar_to_what_a_rebuild_gives(families, import_families):
    rows = [
        ["CASE-1", "01/04/2026", "02/04/2026", "", 3, "01/04/2026", "02/04/2026", "yes", ""],
        ["CASE-2", "03/03/2023", "", "", 4, "04/03/2023", "", "", ""],
        ["CASE-NEW", "05/05/2025", "06/06/2025", "", 5, "05/05/2025", "", "", ""],
    ]
    import_families(family_rows_csv(rows), today=TODAY)
    moved = sorted(DayCount.objects.values_list("event", "outcome", "day", "count"))
    day_counts.refresh()
    assert moved == sorted(DayCount.objects.values_list("event", "outcome", "day", "count"))
