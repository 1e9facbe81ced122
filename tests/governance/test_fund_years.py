"""An approval commits each financial year's share to that year's fund; the papers show the
position of every year the agenda asks money from, and a year with no allocation says so."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from governance import services
from governance.selectors.meetings import fund_position, fund_positions
from governance.selectors.room import meeting_room
from programme.models import Fund
from projects.models import Project
from projects.services import budget_profile_set
from tests.factories import SpendLineFactory
from tests.governance.conftest import set_up_meeting
from tests.governance.test_decisions import carried, decide

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_years(group, programme_officer):
    """The meeting in session, its proposal delivering over two years, £25,000 in each."""
    return set_up_meeting(group, programme_officer, second_year=True)


def test_an_approval_commits_each_years_share_to_that_year(two_years):
    carried(two_years)
    decide(two_years, outcome="approved", approved_amount="40000.00")
    committed = [fund_position(year)["approved"] for year in ("2029-30", "2030-31", "2031-32")]
    assert committed == [Decimal("0.00"), Decimal("20000.00"), Decimal("20000.00")]


def test_re_profiling_moves_what_each_year_commits(two_years, programme_officer):
    carried(two_years)
    decide(two_years, outcome="approved", approved_amount="40000.00")
    project = Project.objects.get(proposal=two_years["proposal"])
    cells = {(line.financial_year, line.quarter): line.amount for line in project.profile.all()}
    cells[("2030-31", 4)] -= Decimal("4000.00")
    cells[("2031-32", 1)] += Decimal("4000.00")
    budget_profile_set(user=programme_officer, project=project, cells=cells, reason="Late start")
    assert fund_position("2030-31")["approved"] == Decimal("16000.00")
    assert fund_position("2031-32")["approved"] == Decimal("24000.00")


def test_a_year_without_an_allocation_has_no_budget_and_says_so(two_years):
    position = fund_position("2031-32")
    assert (position["budget"], position["remaining"]) == (None, None)
    funds = meeting_room(two_years["meeting"], two_years["chair"])["funds"]
    assert [f["financial_year"] for f in funds] == ["2029-30", "2030-31", "2031-32"]
    assert funds[2]["pending"] == Decimal("25000.00")


def test_a_years_share_over_what_is_left_in_that_year_needs_an_override(two_years):
    Fund.objects.filter(financial_year="2030-31").update(total_budget=Decimal("5000.00"))
    carried(two_years)
    with pytest.raises(ValidationError, match="£25,000.00 for 2030-31 is more than the £5,000.00"):
        decide(two_years, outcome="approved", approved_amount="50000.00")
    assert fund_position("2030-31")["approved"] == Decimal("0.00")


def test_a_correction_moves_the_commitments_with_it(two_years, programme_officer):
    carried(two_years)
    original = decide(two_years, outcome="approved", approved_amount="50000.00")
    services.decision_correct(
        user=programme_officer,
        decision=original,
        outcome="approved",
        approved_amount="30000.00",
        reasons="Agreed a smaller second year",
    )
    assert fund_position("2030-31")["approved"] + fund_position("2031-32")["approved"] == (
        Decimal("30000.00")
    )


def test_an_ended_year_is_judged_by_what_was_spent_in_it(two_years):
    carried(two_years)
    decide(two_years, outcome="approved", approved_amount="40000.00")
    project = Project.objects.get(proposal=two_years["proposal"])
    SpendLineFactory(project=project, date=datetime.date(2030, 6, 1), net_amount=Decimal("12000"))
    [during] = fund_positions("2030-31", {}, today=datetime.date(2030, 12, 1))
    [after] = fund_positions("2030-31", {}, today=datetime.date(2031, 5, 1))
    assert (during["ended"], during["spent"], during["remaining"]) == (
        False,
        Decimal("12000.00"),
        Decimal("80000.00"),
    )
    assert (after["ended"], after["remaining"]) == (True, Decimal("88000.00"))
