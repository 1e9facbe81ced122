import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.money import pounds
from core.profiles import profile_from_budget, split_evenly
from governance import services
from programme.models import Outcome
from projects.models import Project, Variation
from projects.services import budget_profile_set
from proposals.models import OutcomeTarget


def approve(setup, amount):
    vote = services.vote_open(user=setup["chair"], item=setup["item"])
    for member in setup["members"]:
        services.vote_cast(user=member, vote=vote, choice="for")
    services.vote_close(user=setup["chair"], vote=vote)
    return services.decision_record(
        user=setup["chair"], item=setup["item"], outcome="approved", approved_amount=amount
    )


def test_an_approval_creates_one_project_with_a_profile_summing_to_the_amount(meeting_setup):
    approve(meeting_setup, "20000.01")
    project = Project.objects.get()
    assert project.approved_amount == Decimal("20000.01")
    assert project.cost_centre == "FP" + project.reference.replace("FP-", "").replace("-", "")
    assert sum(line.amount for line in project.profile.all()) == Decimal("20000.01")
    assert project.profile.count() == 4


def test_an_approval_gives_the_new_project_its_proposals_outcome_targets(meeting_setup):
    proposal = meeting_setup["item"].proposal
    OutcomeTarget.objects.update_or_create(
        proposal=proposal,
        outcome=Outcome.objects.get(number=1),
        defaults={"expected_families": 120},
    )
    approve(meeting_setup, "20000.00")
    project = Project.objects.get()
    targets = {(t.outcome_id, t.expected_families) for t in project.outcome_targets.all()}
    assert (Outcome.objects.get(number=1).pk, 120) in targets
    assert targets == {(t.outcome_id, t.expected_families) for t in proposal.outcome_targets.all()}


def test_a_rejection_creates_no_project(meeting_setup):
    vote = services.vote_open(user=meeting_setup["chair"], item=meeting_setup["item"])
    services.vote_cast(user=meeting_setup["members"][0], vote=vote, choice="against")
    services.vote_close(user=meeting_setup["chair"], vote=vote)
    services.decision_record(
        user=meeting_setup["chair"],
        item=meeting_setup["item"],
        outcome="rejected",
        reasons="Duplicates an existing service",
    )
    assert not Project.objects.exists()


def test_a_corrected_amount_rescales_the_profile(meeting_setup, programme_officer):
    decision = approve(meeting_setup, "20000")
    services.decision_correct(
        user=programme_officer,
        decision=decision,
        outcome="approved",
        approved_amount="15000.03",
        reasons="Minuted in error",
    )
    project = Project.objects.get()
    assert project.approved_amount == Decimal("15000.03")
    assert sum(line.amount for line in project.profile.all()) == Decimal("15000.03")


def test_a_profile_must_sum_to_the_approved_amount(meeting_setup, programme_officer, settings):
    settings.VARIATION_DELEGATED_PERCENT = 100
    settings.VARIATION_DELEGATED_AMOUNT = "20000.00"
    approve(meeting_setup, "20000")
    project = Project.objects.get()
    with pytest.raises(ValidationError, match="£100.00 less than the £20,000.00 approved"):
        budget_profile_set(
            user=programme_officer,
            project=project,
            cells={("2030-31", 1): "10000", ("2030-31", 2): "9900"},
        )
    budget_profile_set(
        user=programme_officer,
        project=project,
        cells={("2030-31", 1): "12500", ("2031-32", 3): "7500"},
        reason="Recruitment slipped",
    )
    assert [(p.financial_year, p.quarter, p.amount) for p in project.profile.all()] == [
        ("2030-31", 1, Decimal("12500.00")),
        ("2031-32", 3, Decimal("7500.00")),
    ]


def test_re_profiling_is_a_variation_recorded_with_what_moved(meeting_setup, programme_officer):
    approve(meeting_setup, "20000")
    project = Project.objects.get()
    cells = {(line.financial_year, line.quarter): line.amount for line in project.profile.all()}
    first, second = sorted(cells)[:2]
    before = (cells[first], cells[second])
    cells[first] -= Decimal("1000.00")
    cells[second] += Decimal("1000.00")
    with pytest.raises(ValidationError, match="Say why the profile changes"):
        budget_profile_set(user=programme_officer, project=project, cells=cells)
    budget_profile_set(
        user=programme_officer, project=project, cells=cells, reason="Worker started late"
    )
    variation = project.variations.get()
    assert (variation.requested_by, variation.decided_by) == (programme_officer,) * 2
    assert (variation.reasons, variation.status, variation.version) == (
        "Worker started late",
        Variation.Status.AGREED,
        2,
    )
    assert [change[1:] for change in variation.changes] == [
        [f"{first[0]} Q{first[1]}", pounds(before[0]), pounds(before[0] - 1000)],
        [f"{second[0]} Q{second[1]}", pounds(before[1]), pounds(before[1] + 1000)],
    ]


def test_a_team_re_profile_beyond_its_delegation_goes_to_the_group(
    meeting_setup, programme_officer
):
    approve(meeting_setup, "20000")
    project = Project.objects.get()
    cells = {(line.financial_year, line.quarter): line.amount for line in project.profile.all()}
    before = dict(cells)
    largest = max(cells, key=cells.get)
    other = next(key for key in cells if key != largest)
    cells[largest] -= Decimal("2000.01")
    cells[other] += Decimal("2000.01")
    variation = budget_profile_set(
        user=programme_officer, project=project, cells=cells, reason="Late"
    )
    assert (variation.status, variation.meeting.date) == (
        Variation.Status.REFERRED,
        datetime.date(2030, 5, 8),
    )
    assert "more than the 10% delegated" in variation.route_reason
    assert {(line.financial_year, line.quarter): line.amount for line in project.profile.all()} == (
        before
    )


def test_saving_an_unchanged_profile_records_no_variation(meeting_setup, programme_officer):
    approve(meeting_setup, "20000")
    project = Project.objects.get()
    cells = {(line.financial_year, line.quarter): line.amount for line in project.profile.all()}
    budget_profile_set(user=programme_officer, project=project, cells=cells)
    assert not project.variations.exists()


def test_only_the_programme_team_changes_a_profile(meeting_setup, finance_officer):
    approve(meeting_setup, "20000")
    with pytest.raises(PermissionDenied):
        budget_profile_set(
            user=finance_officer, project=Project.objects.get(), cells={("2030-31", 1): "20000"}
        )


def test_money_is_split_exactly_to_the_penny():
    assert split_evenly(Decimal("100.00"), 3) == [
        Decimal("33.33"),
        Decimal("33.33"),
        Decimal("33.34"),
    ]
    profile = profile_from_budget(
        [("2025-26", Decimal("1000.00")), ("2026-27", Decimal("500.00"))],
        Decimal("1000.00"),
        datetime.date(2025, 4, 1),
        datetime.date(2027, 3, 31),
    )
    assert sum(profile.values()) == Decimal("1000.00")
    assert len(profile) == 8


def test_the_profile_follows_the_months_the_project_delivers_in():
    """FP-2026-005 delivers March 2027 to February 2028: nothing is profiled before March."""
    profile = profile_from_budget(
        [("2026-27", Decimal("5000.00")), ("2027-28", Decimal("45000.00"))],
        Decimal("50000.00"),
        datetime.date(2027, 3, 1),
        datetime.date(2028, 2, 29),
    )
    assert profile == {
        ("2026-27", 4): Decimal("5000.00"),
        ("2027-28", 1): Decimal("12272.70"),
        ("2027-28", 2): Decimal("12272.70"),
        ("2027-28", 3): Decimal("12272.70"),
        ("2027-28", 4): Decimal("8181.90"),
    }


def test_the_programme_team_lists_and_finance_reads_projects(
    client_for, meeting_setup, programme_officer, finance_officer
):
    approve(meeting_setup, "20000")
    cost_centre = Project.objects.get().cost_centre
    assert cost_centre in client_for(programme_officer).get("/admin/projects/").content.decode()
    assert client_for(finance_officer).get("/admin/projects/").status_code == 200
