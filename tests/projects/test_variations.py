"""Variations through the services: asked for, routed by the delegation, decided by the
programme team, and agreed into a new version of the plan that the fund position follows."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance.selectors.meetings import fund_position
from programme import roles
from projects.models import BudgetProfileLine, Project, Variation
from projects.selectors.variations import current_plan, plan_version
from projects.services import (
    variation_decide,
    variation_withdraw,
)
from tests.factories import FundFactory, MeetingFactory, UserFactory, planned_project
from tests.factories import ask_variation as ask
from tests.factories import profile_moved as moved


@pytest.fixture
def project(db):
    return planned_project()


def test_the_plan_as_approved_is_version_1_with_the_proposals_budget_lines(project):
    assert plan_version(project) == 1
    assert current_plan(project)["budget"] == {"it": "40000.00", "staff": "60000.00"}
    assert current_plan(project)["scope"] == "Outreach family support."


def test_the_proposals_budget_lines_are_scaled_to_a_smaller_approval(project):
    Project.objects.filter(pk=project.pk).update(approved_amount=Decimal("50000.00"))
    project.refresh_from_db()
    assert current_plan(project)["budget"] == {"it": "20000.00", "staff": "30000.00"}


def test_a_small_variation_waits_for_the_programme_team(project):
    variation = ask(project, profile=moved(Decimal("5000.00")))
    assert (variation.status, variation.route, variation.meeting) == (
        Variation.Status.REQUESTED,
        Variation.Route.DELEGATED,
        None,
    )
    assert variation.money_moved == Decimal("5000.00")
    assert variation.kinds == ["Spending profile"]


def test_agreeing_a_variation_makes_the_next_version_of_the_plan(project, programme_officer):
    variation = ask(project, profile=moved(Decimal("5000.00")))
    variation_decide(user=programme_officer, variation=variation, agree=True)
    variation.refresh_from_db()
    assert (variation.status, variation.version, variation.decided_by) == (
        Variation.Status.AGREED,
        2,
        programme_officer,
    )
    assert plan_version(project) == 2
    assert current_plan(project)["profile"] == {
        key: str(amount) for key, amount in moved(Decimal("5000.00")).items()
    }


def test_the_fund_position_follows_an_agreed_variation_into_another_year(
    project, programme_officer
):
    FundFactory(financial_year="2030-31", total_budget=Decimal("500000.00"))
    FundFactory(financial_year="2031-32", total_budget=Decimal("500000.00"))
    variation = ask(
        project,
        end_date=datetime.date(2031, 6, 30),
        profile={
            **moved(Decimal("0.00")),
            "2030-31 Q1": Decimal("20000.00"),
            "2031-32 Q1": Decimal("5000.00"),
        },
    )
    variation_decide(user=programme_officer, variation=variation, agree=True)
    assert fund_position("2030-31")["approved"] == Decimal("95000.00")
    assert fund_position("2031-32")["approved"] == Decimal("5000.00")
    project.refresh_from_db()
    assert project.end_date == datetime.date(2031, 6, 30)


def test_a_larger_variation_is_referred_to_the_groups_next_meeting(project, today):
    MeetingFactory(date=today - datetime.timedelta(days=10))
    later = MeetingFactory(date=today + datetime.timedelta(days=70))
    nearest = MeetingFactory(date=today + datetime.timedelta(days=10))
    variation = ask(project, profile=moved(Decimal("10000.01")))
    assert (variation.status, variation.route, variation.meeting) == (
        Variation.Status.REFERRED,
        Variation.Route.GROUP,
        nearest,
    )
    assert "more than the 10% delegated" in variation.route_reason
    assert later != nearest


def test_a_change_of_scope_goes_to_the_group(project):
    variation = ask(project, scope="Outreach family support and a parenting course.")
    assert variation.status == Variation.Status.REFERRED
    assert variation.kinds == ["Scope"]


def test_moving_money_between_budget_lines_is_measured_by_what_moved(project):
    variation = ask(project, budget={"staff": Decimal("52000"), "it": Decimal("48000")})
    assert variation.money_moved == Decimal("8000.00")
    assert variation.changes == [
        ["budget", "IT", "£40,000.00", "£48,000.00"],
        ["budget", "Staff", "£60,000.00", "£52,000.00"],
    ]


def test_a_profile_that_does_not_make_the_approval_is_refused_saying_by_how_much(project):
    profile = moved(Decimal("5000.00"))
    profile["2030-31 Q2"] -= Decimal("0.01")
    with pytest.raises(ValidationError, match="£0.01 less than the £100,000.00 approved"):
        ask(project, profile=profile)


def test_money_profiled_outside_the_projects_dates_is_refused(project):
    profile = moved(Decimal("5000.00"))
    profile["2031-32 Q1"] = profile.pop("2030-31 Q4")
    with pytest.raises(ValidationError, match="2031-32 Q1 is outside the project's dates"):
        ask(project, profile=profile)


def test_a_variation_that_changes_nothing_is_refused(project):
    with pytest.raises(ValidationError, match="Nothing changes"):
        ask(project)


def test_one_variation_waits_at_a_time(project):
    ask(project, profile=moved(Decimal("1000.00")))
    with pytest.raises(ValidationError, match="already waiting for a decision"):
        ask(project, profile=moved(Decimal("2000.00")))


def test_whoever_asked_cannot_decide_it(project, programme_officer):
    variation = ask(project, user=programme_officer, profile=moved(Decimal("1000.00")))
    with pytest.raises(PermissionDenied):
        variation_decide(user=programme_officer, variation=variation, agree=True)


def test_only_the_programme_team_decides(project, finance_officer):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    with pytest.raises(PermissionDenied):
        variation_decide(user=finance_officer, variation=variation, agree=True)


def test_the_team_does_not_decide_a_variation_referred_to_the_group(project, programme_officer):
    variation = ask(project, scope="Something else entirely.")
    with pytest.raises(ValidationError, match="not the programme team's to decide"):
        variation_decide(user=programme_officer, variation=variation, agree=True)


def test_only_the_projects_leads_and_the_team_ask(project, finance_officer):
    for user in (finance_officer, UserFactory(role=roles.PROJECT_LEADS)):
        with pytest.raises(PermissionDenied):
            ask(project, user=user, profile=moved(Decimal("1000.00")))


def test_refusing_needs_the_reason_and_leaves_the_plan_alone(project, programme_officer):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    with pytest.raises(ValidationError, match="Say why the variation is refused"):
        variation_decide(user=programme_officer, variation=variation, agree=False)
    variation_decide(
        user=programme_officer, variation=variation, agree=False, note="Spend is on profile."
    )
    variation.refresh_from_db()
    assert (variation.status, variation.version) == (Variation.Status.REFUSED, None)
    assert plan_version(project) == 1
    assert current_plan(project)["profile"]["2030-31 Q1"] == "25000.00"


def test_a_plan_changed_since_the_variation_was_asked_for_is_not_overwritten(
    project, programme_officer
):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    BudgetProfileLine.objects.filter(project=project, quarter=2).update(amount=Decimal("24000"))
    BudgetProfileLine.objects.filter(project=project, quarter=3).update(amount=Decimal("26000"))
    with pytest.raises(ValidationError, match="plan has changed since"):
        variation_decide(user=programme_officer, variation=variation, agree=True)


def test_the_lead_withdraws_a_variation_until_it_is_decided(project, programme_officer):
    variation = ask(project, profile=moved(Decimal("1000.00")))
    variation_withdraw(user=project.lead, variation=variation)
    variation.refresh_from_db()
    assert variation.status == Variation.Status.WITHDRAWN
    with pytest.raises(ValidationError, match="Only a variation waiting"):
        variation_withdraw(user=project.lead, variation=variation)
    ask(project, profile=moved(Decimal("2000.00")))


def test_a_closed_project_cannot_vary(project):
    Project.objects.filter(pk=project.pk).update(status=Project.Status.CLOSED)
    project.refresh_from_db()
    with pytest.raises(ValidationError, match="is closed"):
        ask(project, profile=moved(Decimal("1000.00")))
