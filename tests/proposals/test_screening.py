import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from proposals import services
from proposals.models import CriterionResult, Proposal, Screening
from proposals.snapshots import compare_snapshots
from tests.factories import complete_proposal
from tests.proposals.conftest import TODAY


@pytest.fixture
def submitted(ready):
    proposal = complete_proposal()
    services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    proposal.refresh_from_db()
    return proposal


def all_met(criteria):
    return dict.fromkeys(criteria, (CriterionResult.Result.MET, ""))


def screen(proposal, user, criteria, recommendation, reasons="", today=TODAY):
    return services.proposal_screen(
        user=user,
        proposal=proposal,
        results=all_met(criteria),
        recommendation=recommendation,
        reasons=reasons,
        today=today,
    )


def test_an_eligible_proposal_goes_on_its_meeting_and_the_lead_is_told(
    submitted, criteria, programme_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        screen(submitted, programme_officer, criteria, Screening.Recommendation.ELIGIBLE)
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.ELIGIBLE
    assert submitted.meeting.date == datetime.date(2030, 3, 6)
    assert "will go to the 6 March 2030 meeting" in mail.outbox[-1].subject


def test_screened_after_the_papers_date_a_proposal_rolls_to_the_next_meeting(
    submitted, criteria, programme_officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        screen(
            submitted,
            programme_officer,
            criteria,
            Screening.Recommendation.ELIGIBLE,
            today=datetime.date(2030, 2, 27),
        )
    submitted.refresh_from_db()
    assert submitted.meeting.date == datetime.date(2030, 5, 8)
    assert "moved to this one" in mail.outbox[-1].body


def test_returning_needs_reasons_and_emails_them_to_the_lead(
    submitted, criteria, programme_officer, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError, match="Say what the lead needs"):
        screen(submitted, programme_officer, criteria, Screening.Recommendation.RETURN)
    with django_capture_on_commit_callbacks(execute=True):
        screen(
            submitted,
            programme_officer,
            criteria,
            Screening.Recommendation.RETURN,
            reasons="Add the evaluation plan.",
        )
    submitted.refresh_from_db()
    assert submitted.status == Proposal.Status.RETURNED
    assert "Add the evaluation plan." in mail.outbox[-1].body


def test_every_active_criterion_needs_a_result(submitted, criteria, programme_officer):
    with pytest.raises(ValidationError, match="Record a result for ‘Value for money’"):
        services.proposal_screen(
            user=programme_officer,
            proposal=submitted,
            results={criteria[0]: (CriterionResult.Result.MET, "")},
            recommendation=Screening.Recommendation.ELIGIBLE,
            today=TODAY,
        )
    assert Screening.objects.count() == 0


@pytest.mark.parametrize("who", ["lead", "member", "finance_officer"])
def test_only_the_programme_team_screens(submitted, criteria, who, request):
    user = submitted.lead if who == "lead" else request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        screen(submitted, user, criteria, Screening.Recommendation.ELIGIBLE)


def test_a_draft_cannot_be_screened(ready, criteria, programme_officer):
    with pytest.raises(ValidationError, match="is draft, so it cannot become eligible"):
        screen(complete_proposal(), programme_officer, criteria, Screening.Recommendation.ELIGIBLE)


def test_a_returned_proposal_is_revised_and_resubmitted_as_version_two(
    submitted, criteria, programme_officer
):
    screen(submitted, programme_officer, criteria, Screening.Recommendation.RETURN, reasons="More")
    services.proposal_update(
        user=submitted.lead,
        proposal=submitted,
        section="about",
        data={"title": "School Family Support Service (revised)"},
    )
    services.budget_line_add(
        user=submitted.lead,
        proposal=submitted,
        financial_year="2030-31",
        cost_type="evaluation",
        description="Independent evaluation",
        amount="4999.99",
    )
    version = services.proposal_submit(user=submitted.lead, proposal=submitted, today=TODAY)
    assert version.number == 2
    first = submitted.versions.get(number=1)
    changes = {c["label"]: c for c in compare_snapshots(first.snapshot, version.snapshot)}
    assert changes["Title"]["after"] == "School Family Support Service (revised)"
    assert changes["Total requested"] == {
        "label": "Total requested",
        "before": "£25,000.00",
        "after": "£29,999.99",
    }
    assert changes["Budget"]["added"] == [
        "2030-31 · Evaluation · Independent evaluation · £4,999.99"
    ]


def test_every_change_is_in_the_audit_log(submitted, criteria, programme_officer):
    screen(submitted, programme_officer, criteria, Screening.Recommendation.ELIGIBLE)
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(submitted.pk)).values_list("action", "user_id")
    )
    assert ("proposals.submit", submitted.lead.pk) in actions
    assert ("proposals.screen", programme_officer.pk) in actions
