"""A meeting's start and close: keyword-only, one transaction, permission checked, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.services.guards import locked_meeting, require_runner
from governance.services.minutes import minutes_draft
from governance.voting import quorum_problem
from programme.models import Meeting, User


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


@transaction.atomic
def meeting_close(*, user: User, meeting: Meeting) -> Meeting:
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Only a meeting in session can be closed.")
    if meeting.agenda.filter(vote__state="open").exists():
        raise ValidationError("Close every open vote before closing the meeting.")
    undecided = [
        item.title
        for item in meeting.agenda.filter(proposal__isnull=False, decisions__isnull=True)
        if item.is_decision_item
    ]
    if undecided:
        raise ValidationError(
            f"Record a decision on every proposal before closing the meeting (defer any the "
            f"group did not reach): {'; '.join(undecided)}."
        )
    meeting.status = Meeting.Status.CLOSED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.meeting_close", user=user)
    minutes_draft(user=user, meeting=meeting)
    return meeting
