import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from governance import services
from governance.models import AgendaItem, Decision
from governance.selectors.meetings import conditions_due, fund_position
from programme.models import Fund, Meeting, Membership
from proposals.models import CriterionResult, Proposal
from tests.factories import CriterionFactory, FundFactory, MeetingFactory, PriorityFactory
from tests.governance.conftest import eligible_proposal


def carried(setup, choice="for"):
    vote = services.vote_open(user=setup["chair"], item=setup["item"])
    for member in setup["members"]:
        services.vote_cast(user=member, vote=vote, choice=choice)
    return services.vote_close(user=setup["chair"], vote=vote)


def decide(setup, **kwargs):
    return services.decision_record(user=setup["chair"], item=setup["item"], **kwargs)


def test_an_approval_decides_the_proposal_and_tells_the_lead(
    meeting_setup, django_capture_on_commit_callbacks
):
    carried(meeting_setup)
    with django_capture_on_commit_callbacks(execute=True):
        decision = decide(meeting_setup, outcome="approved", approved_amount="20000.00")
    proposal = Proposal.objects.get(pk=meeting_setup["proposal"].pk)
    assert proposal.status == Proposal.Status.DECIDED
    assert decision.approved_amount == Decimal("20000.00")
    assert "Approved: £20,000.00" in mail.outbox[-1].body
    # The project delivers in 2030-31, so that is the year whose fund the approval commits.
    assert fund_position("2030-31")["approved"] == Decimal("20000.00")
    assert fund_position("2029-30")["approved"] == Decimal("0.00")


def test_no_decision_before_the_vote_closes(meeting_setup):
    with pytest.raises(ValidationError, match="once the vote"):
        decide(meeting_setup, outcome="approved", approved_amount="1000")


def test_a_lost_vote_cannot_become_an_approval(meeting_setup):
    carried(meeting_setup, choice="against")
    with pytest.raises(ValidationError, match="vote was lost"):
        decide(meeting_setup, outcome="approved", approved_amount="1000")
    with pytest.raises(ValidationError, match="reasons"):
        decide(meeting_setup, outcome="rejected")
    assert (
        decide(meeting_setup, outcome="rejected", reasons="Duplicates MASH").outcome == "rejected"
    )


def test_the_amount_approved_cannot_exceed_the_request(meeting_setup):
    carried(meeting_setup)
    with pytest.raises(ValidationError, match="more than the £25,000.00 requested"):
        decide(meeting_setup, outcome="approved", approved_amount="25000.01")


def test_exceeding_the_funds_remaining_budget_needs_an_override(meeting_setup):
    Fund.objects.update(total_budget=Decimal("10000.00"))
    carried(meeting_setup)
    with pytest.raises(
        ValidationError, match="£25,000.00 for 2030-31 is more than the £10,000.00 left"
    ):
        decide(meeting_setup, outcome="approved", approved_amount="25000.00")
    decision = decide(
        meeting_setup,
        outcome="approved",
        approved_amount="25000.00",
        override_reason="Underspend from Q3 is being returned to the fund.",
    )
    assert decision.override_reason
    assert fund_position("2030-31")["remaining"] == Decimal("-15000.00")


def test_a_proposal_that_failed_a_criterion_needs_an_override(meeting_setup):
    screening = meeting_setup["item"].version.screenings.get()
    CriterionResult.objects.filter(screening=screening).update(result="not_met")
    carried(meeting_setup)
    with pytest.raises(ValidationError, match="failed a criterion at screening"):
        decide(meeting_setup, outcome="approved", approved_amount="1000")


def test_a_decision_cannot_be_edited_or_deleted(meeting_setup):
    carried(meeting_setup)
    decision = decide(meeting_setup, outcome="approved", approved_amount="1000")
    decision.approved_amount = Decimal("9999")
    with pytest.raises(ValueError, match="final"):
        decision.save()
    with pytest.raises(ValueError, match="final"):
        decision.delete()
    assert Decision.objects.get().approved_amount == Decimal("1000.00")
    with pytest.raises(ValidationError, match="already has a decision"):
        decide(meeting_setup, outcome="approved", approved_amount="2000")


def test_approval_with_conditions_needs_a_condition(meeting_setup):
    carried(meeting_setup)
    with pytest.raises(ValidationError, match="at least one condition"):
        decide(meeting_setup, outcome="approved_with_conditions", approved_amount="1000")

    decision = decide(
        meeting_setup,
        outcome="approved_with_conditions",
        approved_amount="1000",
        conditions=[
            {
                "text": "Share the evaluation plan",
                "owner": meeting_setup["chair"],
                "due_date": datetime.date(2030, 4, 30),
                "review_date": datetime.date(2030, 5, 1),
            }
        ],
    )
    assert decision.conditions.get().text == "Share the evaluation plan"


def test_a_deferred_proposal_carries_forward_to_the_next_meeting(meeting_setup, programme_officer):
    carried(meeting_setup)
    decide(meeting_setup, outcome="deferred", reasons="Await the MASH review")
    proposal = Proposal.objects.get(pk=meeting_setup["proposal"].pk)
    assert proposal.status == Proposal.Status.ELIGIBLE
    following = Meeting.objects.get(date="2030-05-08")
    assert proposal.meeting == following
    services.agenda_build(user=programme_officer, meeting=following)
    item = following.agenda.get(proposal=proposal)
    assert item.carried_from == meeting_setup["item"]


def test_a_correction_is_a_new_decision_naming_the_old_one(meeting_setup, programme_officer):
    carried(meeting_setup)
    original = decide(meeting_setup, outcome="approved", approved_amount="20000")
    correction = services.decision_correct(
        user=programme_officer,
        decision=original,
        outcome="approved",
        approved_amount="18000",
        reasons="The minutes recorded the wrong figure.",
    )
    assert correction.corrects == original
    assert Decision.objects.count() == 2
    assert fund_position("2030-31")["approved"] == Decimal("18000.00")
    with pytest.raises(ValidationError, match="already been corrected"):
        services.decision_correct(
            user=programme_officer, decision=original, outcome="rejected", reasons="Again"
        )


def test_chairs_action_decides_between_meetings_and_is_noted_next_time(
    meeting_setup, programme_officer, time_machine
):
    time_machine.move_to(datetime.datetime(2030, 3, 20, 12), tick=False)
    urgent = eligible_proposal(programme_officer)
    decision = services.chairs_action_record(
        user=meeting_setup["chair"],
        proposal=urgent,
        outcome="approved",
        approved_amount="5000",
        decided_on=datetime.date(2030, 3, 20),
        reasons="A family hub closes on 1 April without it.",
        alternatives="Waiting for May's meeting; funding from reserves.",
        interests="None declared.",
    )
    assert decision.is_chairs_action
    following = Meeting.objects.get(date="2030-05-08")
    services.agenda_build(user=programme_officer, meeting=following)
    noted = following.agenda.get(
        section=AgendaItem.Section.CHAIRS_ACTIONS, title__contains=urgent.reference
    )
    assert "approved" in noted.title


def test_only_the_chair_takes_chairs_action(meeting_setup, programme_officer):
    with pytest.raises(PermissionDenied):
        services.chairs_action_record(
            user=meeting_setup["members"][0],
            proposal=meeting_setup["proposal"],
            outcome="approved",
            approved_amount="1",
            decided_on=datetime.date(2030, 3, 20),
            reasons="x",
            alternatives="y",
            interests="",
        )


def test_an_unmet_condition_stays_on_the_log_until_marked_met(meeting_setup, client_for):
    carried(meeting_setup)
    decision = decide(
        meeting_setup,
        outcome="approved_with_conditions",
        approved_amount="1000",
        conditions=[
            {
                "text": "Agree the data sharing agreement",
                "owner": meeting_setup["chair"],
                "due_date": datetime.date(2030, 4, 1),
                "review_date": datetime.date(2030, 5, 1),
            }
        ],
    )
    following = Meeting.objects.get(date="2030-05-08")
    assert [c.text for c in conditions_due(following)] == ["Agree the data sharing agreement"]
    condition = decision.conditions.get()
    client_for(meeting_setup["chair"]).post(
        f"/portal/meetings/{following.pk}/conditions/{condition.pk}/met/"
    )
    assert list(conditions_due(following)) == []


def test_publishing_emails_every_member_and_freezes_the_papers(
    group, programme_officer, django_capture_on_commit_callbacks
):
    CriterionFactory()
    PriorityFactory()
    FundFactory(financial_year="2030-31", total_budget=Decimal("100000.00"))
    meeting = MeetingFactory(date=datetime.date(2030, 3, 6))
    proposal = eligible_proposal(programme_officer)
    with django_capture_on_commit_callbacks(execute=True):
        pack = services.agenda_publish(user=programme_officer, meeting=meeting)
    members = set(Membership.objects.current(meeting.date).values_list("user__email", flat=True))
    assert {message.to[0] for message in mail.outbox[-len(members) :]} == members
    assert f"/portal/meetings/{meeting.pk}/" in mail.outbox[-1].body
    meeting_year, delivery_year = pack.content["fund_positions"]
    assert (meeting_year["financial_year"], meeting_year["budget"]) == ("2029-30", None)
    assert delivery_year["remaining_after"] == "75000.00"
    frozen = dict(pack.content)
    Proposal.objects.filter(pk=proposal.pk).update(title="Renamed after publication")
    pack.refresh_from_db()
    assert pack.content == frozen
    with pytest.raises(ValueError, match="never change"):
        pack.save()
    with pytest.raises(ValidationError, match="no longer be changed"):
        services.agenda_build(user=programme_officer, meeting=meeting)
