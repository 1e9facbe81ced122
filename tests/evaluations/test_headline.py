"""The headline: successful family outcomes in a year against the aim the programme team
sets, quarter by quarter, through the disclosure rule."""

import datetime

import pytest

from evaluations.selectors.headline import headline
from evaluations.selectors.presenting import gather
from programme.models import HeadlineTarget
from tests.factories import family_rows_csv, need_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)


def successes(count, closed):
    """``count`` eligible families, every need achieved and sustained, closed on ``closed``
    (so counted six months later)."""
    rows = []
    for number in range(count):
        rows += need_rows(f"C-{closed}-{number}", "01/01/2025", closed, [1, 2, 3],
                          achieved="01/02/2025", sustained="yes")  # fmt: skip
    return rows


@pytest.fixture
def year(import_families):
    # Counted in Q1 (closed in December: six months end in June), Q2 (closed in February:
    # August), Q3 (closed in April: October); Q4 has not begun on 23 November 2026.
    rows = successes(30, "15/12/2025") + successes(12, "15/02/2026") + successes(4, "15/04/2026")
    import_families(family_rows_csv(rows), today=TODAY)
    HeadlineTarget.objects.create(financial_year="2026-27", successful_families=100)


def test_the_year_and_its_quarters_add_up_against_the_target(year):
    result = headline(gather(TODAY), "2026-27", suppressed=False)
    assert result.successful.value == 46
    assert [q.successful.value for q in result.quarters[:3]] == [30, 12, 4]
    assert result.quarters[3].successful is None
    assert [q.complete for q in result.quarters] == [True, True, False, False]
    assert result.percent_of_target == 46


def test_a_small_quarter_is_hidden_and_another_with_it(year):
    result = headline(gather(TODAY), "2026-27")
    labels = [str(q.successful) for q in result.quarters[:3]]
    assert labels == ["30", "[c]", "<10"]
    assert str(result.successful) == "46"


def test_the_results_page_shows_the_headline_against_its_aim(
    client_for, year, member, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12), tick=False)
    page = client_for(member).get("/portal/results/?year=2026-27").content.decode()
    assert "46</strong> families achieved and sustained all their outcomes" in page
    assert "against an aim of 100 (46%)" in page


def test_a_year_without_an_aim_says_so(client_for, year, member, time_machine):
    time_machine.move_to(datetime.datetime(2026, 11, 23, 12), tick=False)
    HeadlineTarget.objects.all().delete()
    page = client_for(member).get("/portal/results/?year=2026-27").content.decode()
    assert "No aim has been set for 2026-27." in page
