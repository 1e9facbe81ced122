"""The minutes: drafted from the record when a meeting closes, approved at a later meeting and
then locked. Keyword-only, one transaction, permission checked, audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from wagtail.log_actions import log

from governance.models import Minutes
from governance.selectors.minutes import minutes_context
from governance.services.guards import require_runner
from programme.models import Meeting, User


@transaction.atomic
def minutes_draft(*, user: User | None, meeting: Meeting) -> Minutes:
    """Draft the minutes from the record: attendance, declarations, votes and decisions."""
    require_runner(user, meeting)
    minutes = Minutes.objects.select_for_update().filter(meeting=meeting).first()
    if minutes and minutes.locked:
        raise ValidationError("These minutes are approved and locked.")
    text = render_to_string("governance/minutes.txt", minutes_context(meeting))
    minutes, _ = Minutes.objects.update_or_create(meeting=meeting, defaults={"text": text})
    log(meeting, "governance.minutes_draft", user=user)
    return minutes


@transaction.atomic
def minutes_approve(*, user: User, minutes: Minutes, at_meeting: Meeting) -> Minutes:
    """Minutes are approved at a later meeting, and locked."""
    at_meeting = Meeting.objects.get(pk=at_meeting.pk)
    require_runner(user, at_meeting)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.locked:
        raise ValidationError("These minutes are already approved.")
    if at_meeting.date <= minutes.meeting.date or at_meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Minutes are approved at a later meeting, while it is in session.")
    minutes.approved_at_meeting = at_meeting
    minutes.approved_on = at_meeting.date
    minutes.save(update_fields=["approved_at_meeting", "approved_on"])
    meeting = minutes.meeting
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.minutes_approve", user=user, data={"at": at_meeting.date.isoformat()})
    return minutes
