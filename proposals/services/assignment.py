"""The programme team's work on many proposals at once (the listing's bulk actions): sharing
out the screening, and placing eligible proposals on the next meeting's agenda."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from programme.models import Meeting, User
from proposals.models import Proposal

SCREEN = "proposals.screen_proposal"


def _locked_in(proposals: Iterable[Proposal], status: str, refusal: str) -> list[Proposal]:
    """The proposals, locked, in reference order; refused, naming them, if any is not in
    ``status``."""
    chosen = list(
        Proposal.objects.select_for_update()
        .filter(pk__in=[proposal.pk for proposal in proposals])
        .order_by("reference")
    )
    others = [proposal.reference for proposal in chosen if proposal.status != status]
    if others:
        raise ValidationError(f"{refusal} ({', '.join(others)}).")
    return chosen


@transaction.atomic
def proposals_assign_screener(
    *, user: User, proposals: Iterable[Proposal], screener: User
) -> list[Proposal]:
    """Make ``screener`` the one to screen each proposal. Only proposals awaiting screening
    can be assigned, and only to someone who may screen; nothing changes if any cannot."""
    if not user.has_perm(SCREEN):
        raise PermissionDenied("Only the programme team assigns screening.")
    if not screener.is_active or not screener.has_perm(SCREEN):
        raise ValidationError({"screener": f"{screener.get_full_name()} cannot screen proposals"})
    waiting = _locked_in(
        proposals, Proposal.Status.SUBMITTED, "Only proposals awaiting screening can be assigned"
    )
    for proposal in waiting:
        proposal.screener = screener
        proposal.save(update_fields=["screener", "updated_at"])
        log(
            proposal,
            "proposals.assign_screener",
            user=user,
            data={"screener": screener.get_full_name()},
        )
    return waiting


@transaction.atomic
def proposals_place_on_next_agenda(
    *, user: User, proposals: Iterable[Proposal], today: datetime.date
) -> tuple[Meeting, list[Proposal]]:
    """Place eligible proposals for the next meeting whose papers have not gone out, as
    screening does (building its agenda adds them). Only eligible proposals can be placed;
    nothing changes if any cannot. Returns the meeting and the proposals moved to it (those
    already there stay)."""
    if not user.has_perm(SCREEN):
        raise PermissionDenied("Only the programme team places proposals on an agenda.")
    meeting = Meeting.objects.taking_papers(today).first()
    if meeting is None:
        raise ValidationError("No meeting ahead is still taking papers: schedule one first.")
    eligible = _locked_in(
        proposals, Proposal.Status.ELIGIBLE, "Only eligible proposals can be placed on an agenda"
    )
    moved = [p for p in eligible if p.meeting_id != meeting.pk]
    for proposal in moved:
        earlier = str(proposal.meeting) if proposal.meeting_id else ""
        proposal.meeting = meeting
        proposal.save(update_fields=["meeting", "updated_at"])
        log(
            proposal,
            "proposals.place_on_agenda",
            user=user,
            data={"meeting": str(meeting), "was": earlier},
        )
    return meeting, moved
