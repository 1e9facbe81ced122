"""A window's sum over the results calendar, read with every other window's in one query,
equals the calendar's counts dated in it."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluations.day_counts import sum_months, window_sums
from evaluations.models import DayCount, MonthCount
from tests.evaluations.test_project_counts import TODAY, export
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
Event = DayCount.Event
START = datetime.date(2023, 1, 1)


@pytest.fixture
def calendar():
    rng = random.Random(3)
    DayCount.objects.bulk_create(
        DayCount(event=event, outcome=outcome, day=START + datetime.timedelta(days=offset),
                 count=rng.randint(1, 9))
        for offset in range(0, 900, 3)
        for event in (Event.STARTED, Event.NEED_ACHIEVED)
        for outcome in ((0,) if event == Event.STARTED else (1, 2))
    )  # fmt: skip
    sum_months()


def summed(event, first, last, outcome=None):
    rows = DayCount.objects.filter(event=event, day__lte=last)
    if first:
        rows = rows.filter(day__gte=first)
    if outcome is not None:
        rows = rows.filter(outcome=outcome)
    return sum(rows.values_list("count", flat=True))


def windows(rng):
    for _ in range(30):
        first = START + datetime.timedelta(days=rng.randint(-10, 950))
        last = first + datetime.timedelta(days=rng.randint(-5, 400))
        yield (None if rng.random() < 0.2 else first), last


def test_each_window_sums_the_counts_dated_in_it(calendar):
    rng = random.Random(11)
    wanted = {
        f"{event}-{index}": (event, first, last)
        for index, (first, last) in enumerate(windows(rng))
        for event in (Event.STARTED, Event.NEED_ACHIEVED)
    }
    sums = window_sums(wanted)
    assert sums == {key: summed(*window) for key, window in wanted.items()}
    assert any(sums.values())


def test_a_window_ending_before_it_begins_counts_nothing(calendar):
    day = START + datetime.timedelta(days=30)
    wanted = {"none": (Event.STARTED, day, day - datetime.timedelta(days=1))}
    assert window_sums(wanted) == {"none": 0}


def test_sums_by_outcome_area(calendar):
    rng = random.Random(5)
    wanted = {index: (Event.NEED_ACHIEVED, *window) for index, window in enumerate(windows(rng))}
    by_area = window_sums(wanted, by="outcome")
    assert set(by_area) == {1, 2}
    for area, sums in by_area.items():
        assert sums == {key: summed(*window, outcome=area) for key, window in wanted.items()}


def test_every_window_comes_from_one_query(calendar):
    rng = random.Random(9)
    wanted = {index: (Event.STARTED, *window) for index, window in enumerate(windows(rng))}
    with CaptureQueriesContext(connection) as queries:
        window_sums(wanted)
    assert len(queries) == 1


def test_an_event_is_read_from_the_first_day_its_windows_begin(calendar):
    """Needs achieved in a year are read from the year's first day, not from every year
    before it; an event with an all-time window is read from its beginning."""
    first = START + datetime.timedelta(days=400)
    last = first + datetime.timedelta(days=90)
    wanted = {
        "achieved": (Event.NEED_ACHIEVED, first, last),
        "started": (Event.STARTED, None, last),
    }
    with CaptureQueriesContext(connection) as queries:
        sums = window_sums(wanted)
    (query,) = queries.captured_queries
    # The achieved rows' lower bound alone, in the months' part and the days' part.
    assert query["sql"].count(first.isoformat()) == 2
    assert sums == {key: summed(*window) for key, window in wanted.items()}


def test_whole_months_are_read_from_the_sums_by_month(calendar):
    """A window of whole months reads no day; one ending inside a month reads that month's
    days and the months before it."""
    months = {"year": (Event.STARTED, datetime.date(2023, 4, 1), datetime.date(2024, 3, 31))}
    with CaptureQueriesContext(connection) as queries:
        sums = window_sums(months)
    assert sums == {"year": summed(*months["year"])}
    (query,) = queries.captured_queries
    assert "evaluations_daycount" not in query["sql"]
    inside = {"part": (Event.STARTED, datetime.date(2023, 4, 1), datetime.date(2024, 3, 17))}
    assert window_sums(inside) == {"part": summed(*inside["part"])}


def test_the_import_keeps_the_sums_by_month_with_the_days(import_families):
    projects = [ProjectFactory(start_date=datetime.date(2022, 4, 1)) for _ in range(2)]
    import_families(export(1, projects), today=TODAY)
    import_families(export(2, projects), today=TODAY)  # moves some days down, some up
    kept = set(MonthCount.objects.values_list("event", "outcome", "day", "count"))
    sum_months()
    assert set(MonthCount.objects.values_list("event", "outcome", "day", "count")) == kept
    assert kept
