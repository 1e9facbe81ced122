"""A meeting's life after its agenda: started on its date, closed once every item is decided
(or the rest deferred in one step), adjourned part-way, or cancelled before it starts.
Keyword-only, one transaction, permission checked, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.models import AgendaItem, Decision
from governance.notifications import notify_cancelled
from governance.selectors.room import undecided_items
from governance.services.decisions import decision_record
from governance.services.guards import locked_meeting, require_runner
from governance.services.minutes import minutes_draft
from governance.voting import quorum_problem
from programme.models import Meeting, User
from proposals.models import Proposal
from proposals.services import proposal_place


@transaction.atomic
def meeting_start(*, user: User, meeting: Meeting, today: datetime.date | None = None) -> Meeting:
    """Open the meeting on its date, once the agenda is out and the attendance shows it is
    quorate: a decision letter says the group decided "at its meeting on" that date."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    today = today or timezone.localdate()
    if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError("Publish the agenda before the meeting starts.")
    if meeting.date != today:
        raise ValidationError(f"The meeting can start only on its date, {meeting.date:%-d %B %Y}.")
    problem = quorum_problem(meeting)
    if problem:
        raise ValidationError(problem)
    meeting.status = Meeting.Status.IN_SESSION
    meeting.save(update_fields=["status"])
    log(meeting, "governance.meeting_start", user=user)
    return meeting


def _defer_all(user: User, items: list[AgendaItem], reason: str) -> None:
    for item in items:
        decision_record(user=user, item=item, outcome=Decision.Outcome.DEFERRED, reasons=reason)


def _end(user: User, meeting: Meeting, status: str, action: str, reason: str = "") -> Meeting:
    meeting.status = status
    meeting.status_reason = reason
    meeting.save(update_fields=["status", "status_reason"])
    log(meeting, action, user=user, data={"reason": reason} if reason else None)
    minutes_draft(user=user, meeting=meeting)
    return meeting


@transaction.atomic
def meeting_close(*, user: User, meeting: Meeting, defer_rest: str = "") -> Meeting:
    """Close the meeting once every proposal on it is decided; or, with ``defer_rest`` (the
    reason, confirmed by the chair), defer every undecided one to the next meeting first."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Only a meeting in session can be closed.")
    if meeting.agenda.filter(vote__state="open").exists():
        raise ValidationError("Close every open vote before closing the meeting.")
    undecided = list(undecided_items(meeting))
    if undecided and not defer_rest.strip():
        raise ValidationError(
            f"Record a decision on every proposal before closing the meeting, or defer the "
            f"rest to the next meeting: {'; '.join(item.title for item in undecided)}."
        )
    _defer_all(user, undecided, defer_rest.strip())
    return _end(user, meeting, Meeting.Status.CLOSED, "governance.meeting_close")


@transaction.atomic
def meeting_adjourn(*, user: User, meeting: Meeting, reason: str) -> Meeting:
    """Stop a meeting in session part-way (it lost its quorum, the room had to be left): every
    proposal not yet decided is deferred to the next meeting with the reason, and the minutes
    are drafted for what was done."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Only a meeting in session can be adjourned.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is adjourned"})
    if meeting.agenda.filter(vote__state="open").exists():
        raise ValidationError("Close the open vote before adjourning the meeting.")
    reason = reason.strip()
    _defer_all(
        user, list(undecided_items(meeting)), f"Not reached: the meeting was adjourned ({reason})."
    )
    return _end(user, meeting, Meeting.Status.ADJOURNED, "governance.meeting_adjourn", reason)


@transaction.atomic
def meeting_cancel(*, user: User, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a meeting that has not started. The proposals placed on it move to the next
    scheduled meeting, and the group is told if the papers had gone out."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.AGENDA_PUBLISHED):
        raise ValidationError("Only a meeting that has not started can be cancelled.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is cancelled"})
    placed = list(meeting.proposals.filter(status=Proposal.Status.ELIGIBLE))
    later = (
        Meeting.objects.select_for_update()
        .filter(date__gt=meeting.date, status=Meeting.Status.SCHEDULED)
        .order_by("date")
        .first()
    )
    papers_out = meeting.status == Meeting.Status.AGENDA_PUBLISHED
    for proposal in placed:
        if later is None:
            raise ValidationError(
                "Schedule the next meeting first: the proposals placed on this one move to it."
            )
        proposal_place(proposal=proposal, meeting=later)
    meeting.status = Meeting.Status.CANCELLED
    meeting.status_reason = reason.strip()
    meeting.save(update_fields=["status", "status_reason"])
    log(
        meeting,
        "governance.meeting_cancel",
        user=user,
        data={"reason": meeting.status_reason, "moved": [p.reference for p in placed]},
    )
    notify_cancelled(meeting, later, placed, papers_out)
    return meeting
