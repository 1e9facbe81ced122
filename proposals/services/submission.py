"""Submitting, screening and withdrawing a proposal, and what the group's decision does to it.
Keyword-only, one transaction, permission checked, audited."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from programme.models import Criterion, Meeting, User
from proposals import notifications
from proposals.models import CriterionResult, Proposal, ProposalVersion, Screening
from proposals.permissions import is_lead
from proposals.selectors import placement
from proposals.services.guards import locked, require_editor
from proposals.snapshots import build_snapshot
from proposals.workflow import SECTION_NAMES, check_transition, section_problems

Status = Proposal.Status


class SubmissionRefused(ValidationError):
    """Raised with one message per problem, each naming its task-list section."""


@transaction.atomic
def proposal_submit(
    *, user: User, proposal: Proposal, today: datetime.date | None = None
) -> ProposalVersion:
    """Freeze a new version and place the proposal for the next meeting open for submission."""
    proposal = locked(proposal)
    require_editor(user, proposal)
    check_transition(proposal, Status.SUBMITTED)
    problems = section_problems(proposal)
    if problems:
        raise SubmissionRefused(
            [
                f"{SECTION_NAMES[section]}: {message}"
                for section, messages in problems.items()
                for message in messages
            ]
        )
    today = today or timezone.localdate()
    meeting, missed = placement(today)
    if meeting is None:
        raise SubmissionRefused(
            ["No strategic group meeting is open for submissions. Contact the programme team."]
        )
    number = proposal.versions.count() + 1
    version = ProposalVersion.objects.create(
        proposal=proposal,
        number=number,
        submitted_at=timezone.now(),
        submitted_by=user,
        meeting=meeting,
        total_requested=sum((line.amount for line in proposal.budget_lines.all()), 0),
        snapshot=build_snapshot(proposal),
    )
    proposal.status = Status.SUBMITTED
    proposal.meeting = meeting
    proposal.submitted_at = version.submitted_at
    proposal.save(update_fields=["status", "meeting", "submitted_at", "updated_at"])
    log(
        proposal,
        "proposals.submit",
        user=user,
        data={"version": number, "meeting": meeting.date.isoformat()},
    )
    notifications.notify_submitted(proposal, version, rolled_from=missed)
    return version


@transaction.atomic
def proposal_screen(
    *,
    user: User,
    proposal: Proposal,
    results: dict[Criterion, tuple[str, str]],
    recommendation: str,
    reasons: str = "",
    today: datetime.date | None = None,
) -> Screening:
    """Record the programme team's result per criterion and either place the proposal on the
    agenda (rolling it on if its meeting's papers have gone) or return it with reasons."""
    if not user.has_perm("proposals.screen_proposal"):
        raise PermissionDenied("Only the programme team can screen proposals.")
    # The meeting's row first, then the proposal's: the order publishing takes them in. If the
    # papers are being published now, this waits and then sees them published, so a proposal
    # is never left eligible on a meeting whose agenda was built without it.
    Meeting.objects.select_for_update().filter(
        pk=Proposal.objects.filter(pk=proposal.pk).values("meeting_id")[:1]
    ).first()
    proposal = locked(proposal)
    target = (
        Status.ELIGIBLE if recommendation == Screening.Recommendation.ELIGIBLE else Status.RETURNED
    )
    check_transition(proposal, target)
    active = list(Criterion.objects.filter(is_active=True))
    missing = [c.title for c in active if c not in results]
    if missing:
        raise ValidationError({"results": [f"Record a result for ‘{title}’" for title in missing]})
    if target == Status.RETURNED and not reasons.strip():
        raise ValidationError({"reasons": "Say what the lead needs to change or add"})
    version = proposal.versions.latest("number")
    screening = Screening.objects.create(
        version=version, screened_by=user, recommendation=recommendation, reasons=reasons
    )
    CriterionResult.objects.bulk_create(
        CriterionResult(screening=screening, criterion=criterion, result=result, note=note)
        for criterion, (result, note) in results.items()
    )
    proposal.status = target
    # Whoever screens a proposal nobody was assigned becomes its screener (and, if it is
    # approved, its project's lead officer).
    proposal.screener = proposal.screener or user
    rolled_from = None
    if target == Status.ELIGIBLE:
        today = today or timezone.localdate()
        placed = proposal.meeting
        if (
            placed is None
            or placed.papers_date < today
            or placed.status != Meeting.Status.SCHEDULED
        ):
            rolled_from = proposal.meeting
            proposal.meeting = Meeting.objects.taking_papers(today).select_for_update().first()
            if proposal.meeting is None:
                raise ValidationError("There is no later meeting to place this proposal on.")
    proposal.save(update_fields=["status", "meeting", "screener", "updated_at"])
    log(
        proposal,
        "proposals.screen",
        user=user,
        data={"version": version.number, "recommendation": screening.get_recommendation_display()},
    )
    if target == Status.RETURNED:
        notifications.notify_returned(proposal, screening)
    else:
        notifications.notify_eligible(proposal, rolled_from=rolled_from)
    return screening


@transaction.atomic
def proposal_withdraw(*, user: User, proposal: Proposal, reason: str = "") -> Proposal:
    proposal = locked(proposal)
    if not is_lead(user, proposal) and not user.has_perm("proposals.screen_proposal"):
        raise PermissionDenied("Only the proposal's leads or the programme team can withdraw it.")
    check_transition(proposal, Status.WITHDRAWN)
    proposal.status = Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    log(proposal, "proposals.withdraw", user=user, data={"reason": reason})
    return proposal
