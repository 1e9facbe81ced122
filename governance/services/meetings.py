"""A meeting's life after its agenda: started on its date (or another day, with the reason),
closed once every item is decided (or the rest deferred in one step), adjourned part-way, or
cancelled before it starts.
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
def meeting_start(
    *, user: User, meeting: Meeting, reason: str = "", today: datetime.date | None = None
) -> Meeting:
    """Open the meeting once the agenda is out and the attendance shows it is quorate, on its
    date: a decision letter says the group decided "at its meeting on" that date. Held on
    another day (brought forward, or put back after a postponement), it needs the reason, and
    the meeting's date becomes the day it is held, with the planned date kept beside it."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    today = today or timezone.localdate()
    if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError("Publish the agenda before the meeting starts.")
    if meeting.date != today:
        _move_to(meeting, today, reason.strip())
    problem = quorum_problem(meeting)
    if problem:
        raise ValidationError(problem)
    meeting.status = Meeting.Status.IN_SESSION
    meeting.save(update_fields=["status", "date", "planned_date", "date_reason"])
    log(
        meeting,
        "governance.meeting_start",
        user=user,
        data={"planned": meeting.planned_date.isoformat(), "reason": meeting.date_reason}
        if meeting.planned_date
        else None,
    )
    return meeting


def _move_to(meeting: Meeting, day: datetime.date, reason: str) -> None:
    """Hold the meeting on ``day`` instead of its planned date, for a stated reason, between
    its papers date and the neighbouring meetings."""
    if not reason:
        raise ValidationError(
            {
                "reason": f"The meeting is planned for {meeting.date:%-d %B %Y}. "
                "Say why it is held today instead"
            }
        )
    if day <= meeting.papers_date:
        raise ValidationError(
            f"Members have until {meeting.papers_date:%-d %B %Y} to receive the papers; "
            "the meeting can be held only after that."
        )
    others = Meeting.objects.exclude(pk=meeting.pk).exclude(status=Meeting.Status.CANCELLED)
    before = others.filter(date__lt=meeting.date).order_by("-date").first()
    after = others.filter(date__gt=meeting.date).order_by("date").first()
    taken = Meeting.objects.exclude(pk=meeting.pk).filter(date=day).exists()
    if taken or (before and day <= before.date) or (after and day >= after.date):
        raise ValidationError(
            "A meeting can be held on another day only between the meetings before and after "
            "it; move the next meeting first, or cancel this one."
        )
    meeting.planned_date = meeting.planned_date or meeting.date
    meeting.date = day
    meeting.date_reason = reason


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
