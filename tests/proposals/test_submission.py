import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from programme.models import Organisation
from proposals import services
from proposals.models import ImmutableError, Proposal, ProposalVersion
from proposals.workflow import InvalidTransition
from tests.factories import (
    BudgetLineFactory,
    OrganisationFactory,
    ProposalFactory,
    UserFactory,
    complete_proposal,
)
from tests.proposals.conftest import TODAY


def submit(proposal, today=TODAY, user=None):
    return services.proposal_submit(user=user or proposal.lead, proposal=proposal, today=today)


def test_submitting_freezes_version_one_and_places_it_for_the_next_meeting(
    ready, django_capture_on_commit_callbacks
):
    proposal = complete_proposal()
    with django_capture_on_commit_callbacks(execute=True):
        version = submit(proposal)
    proposal.refresh_from_db()
    assert version.number == 1
    assert proposal.status == Proposal.Status.SUBMITTED
    assert proposal.meeting == ready[0]
    assert version.meeting == ready[0]
    assert version.snapshot["title"] == proposal.title
    assert len(mail.outbox) == 1
    assert "6 March 2030" in mail.outbox[0].subject


def test_after_the_deadline_a_submission_rolls_to_the_following_meeting_and_the_lead_is_told(
    ready, django_capture_on_commit_callbacks
):
    proposal = complete_proposal()
    with django_capture_on_commit_callbacks(execute=True):
        version = submit(proposal, today=datetime.date(2030, 2, 14))
    assert version.meeting == ready[1]
    assert "deadline for the 6 March 2030 meeting had passed" in mail.outbox[0].body


def test_a_submission_on_the_deadline_day_is_in_time(ready):
    version = submit(complete_proposal(), today=datetime.date(2030, 2, 13))
    assert version.meeting == ready[0]


def test_submission_is_refused_naming_every_missing_piece(ready):
    proposal = ProposalFactory()
    with pytest.raises(services.SubmissionRefused) as refused:
        submit(proposal)
    messages = refused.value.messages
    assert "About the proposal: Enter a summary of the proposal" in messages
    assert "Budget: Add at least one budget line" in messages
    assert (
        "Headline outcomes: Target at least one headline outcome "
        "with an expected number of families" in messages
    )
    assert "Programme criteria: Answer the criterion ‘Value for money’" in messages
    assert ProposalVersion.objects.count() == 0
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DRAFT


def test_an_unanswered_criterion_alone_refuses_submission(ready):
    proposal = complete_proposal()
    proposal.answers.first().delete()
    with pytest.raises(services.SubmissionRefused) as refused:
        submit(proposal)
    assert len(refused.value.messages) == 1


def test_submission_is_refused_when_no_meeting_is_open(criteria):
    with pytest.raises(services.SubmissionRefused, match="No strategic group meeting is open"):
        submit(complete_proposal())


def test_another_lead_cannot_submit_someone_elses_proposal(ready, lead):
    with pytest.raises(PermissionDenied):
        submit(complete_proposal(), user=lead)


def test_a_submitted_version_never_changes(ready):
    proposal = complete_proposal()
    version = submit(proposal)
    before = dict(version.snapshot)
    proposal.title = "Changed after submission"
    proposal.save()
    version.refresh_from_db()
    assert version.snapshot == before
    version.snapshot["title"] = "Tampered"
    with pytest.raises(ImmutableError):
        version.save()
    with pytest.raises(ImmutableError):
        version.delete()


def test_a_submitted_proposal_cannot_be_edited_by_its_lead(ready):
    proposal = complete_proposal()
    submit(proposal)
    with pytest.raises(PermissionDenied, match="submitted and cannot be changed"):
        services.proposal_update(
            user=proposal.lead, proposal=proposal, section="about", data={"title": "New"}
        )


def test_submitting_twice_is_an_illegal_transition_with_a_clear_message(ready):
    proposal = complete_proposal()
    submit(proposal)
    proposal.refresh_from_db()
    proposal.status = Proposal.Status.DECIDED
    proposal.save()
    with pytest.raises((InvalidTransition, PermissionDenied)) as error:
        submit(proposal)
    assert "decided" in str(error.value)


def test_the_total_requested_is_exact_to_the_penny(ready):
    proposal = ProposalFactory()
    for amount in ["0.10", "0.20", "1234567.89", "0.01"]:
        BudgetLineFactory(proposal=proposal, amount=Decimal(amount))
    total = Proposal.objects.with_total().get(pk=proposal.pk).total_requested
    assert total == Decimal("1234568.20")
    assert str(total) == "1234568.20"


def test_the_version_records_the_total_as_the_sum_of_its_lines(ready):
    proposal = complete_proposal()
    BudgetLineFactory(proposal=proposal, amount=Decimal("0.10"))
    BudgetLineFactory(proposal=proposal, amount=Decimal("0.20"))
    version = submit(proposal)
    assert version.total_requested == Decimal("25000.30")
    assert version.snapshot["total_requested"] == "25000.30"


def test_references_are_readable_and_sequential_within_a_year(db, lead):
    organisation = lead.organisation
    first = services.proposal_create(
        user=lead,
        kind="it",
        title="A",
        lead_organisation=organisation,
        today=datetime.date(2025, 5, 1),
    )
    second = services.proposal_create(
        user=lead,
        kind="it",
        title="B",
        lead_organisation=organisation,
        today=datetime.date(2025, 6, 1),
    )
    next_year = services.proposal_create(
        user=lead,
        kind="it",
        title="C",
        lead_organisation=organisation,
        today=datetime.date(2026, 1, 2),
    )
    assert (first.reference, second.reference, next_year.reference) == (
        "FP-2025-001",
        "FP-2025-002",
        "FP-2026-001",
    )


def test_only_project_leads_can_start_a_proposal(db, member):
    with pytest.raises(PermissionDenied):
        services.proposal_create(
            user=member, kind="it", title="A", lead_organisation=Organisation.objects.first()
        )


def test_a_lead_can_withdraw_but_not_revive_a_proposal(ready):
    proposal = complete_proposal()
    services.proposal_withdraw(user=proposal.lead, proposal=proposal, reason="Funded elsewhere")
    with pytest.raises((InvalidTransition, PermissionDenied)):
        submit(proposal)


def test_a_lead_cannot_name_an_organisation_that_is_not_theirs(db, lead):
    stranger = OrganisationFactory(name="Merseyside Police")
    with pytest.raises(ValidationError, match="Select your own organisation"):
        services.proposal_create(user=lead, kind="it", title="A", lead_organisation=stranger)
    assert not Proposal.objects.exists()


def test_a_lead_cannot_move_a_proposal_to_an_organisation_that_is_not_theirs(client_for, lead):
    proposal = services.proposal_create(
        user=lead, kind="it", title="A", lead_organisation=lead.organisation
    )
    stranger = OrganisationFactory(name="Merseyside Police")
    response = client_for(lead).post(
        f"/portal/proposals/{proposal.reference}/about/",
        {"title": "A", "kind": "it", "lead_organisation": stranger.pk, "summary": "x"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.lead_organisation == lead.organisation


def test_a_co_leads_organisation_may_lead(db, lead):
    proposal = services.proposal_create(
        user=lead, kind="it", title="A", lead_organisation=lead.organisation
    )
    co_lead = UserFactory()
    proposal.co_leads.add(co_lead)
    services.proposal_update(
        user=lead,
        proposal=proposal,
        section="about",
        data={"lead_organisation": co_lead.organisation},
    )
    proposal.refresh_from_db()
    assert proposal.lead_organisation == co_lead.organisation


def test_a_budget_line_outside_the_delivery_dates_is_named_and_refused(ready):
    proposal = complete_proposal()
    proposal.budget_lines.update(description="Family worker", financial_year="2029-30")
    with pytest.raises(ValidationError) as refused:
        services.proposal_submit(user=proposal.lead, proposal=proposal, today=TODAY)
    message = " ".join(refused.value.messages)
    assert "The budget line ‘Family worker’ is for 2029-30" in message
    assert "delivery runs from April 2030 to March 2031" in message
    assert Proposal.objects.get(pk=proposal.pk).status == Proposal.Status.DRAFT
