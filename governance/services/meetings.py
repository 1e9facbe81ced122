import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from governance.conduct import quorum_problem, runs_meetings
from governance.models import Meeting
from governance.scheduling import meeting_dates


def require(user, permission, message):
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(message)


def require_runner(user, meeting):
    if user is not None and not runs_meetings(user, meeting):
        raise PermissionDenied("Only the chair, the vice-chair or the programme team can do that.")


def locked_meeting(meeting):
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


@transaction.atomic
def meetings_schedule(*, user, financial_year):
    """Create the year's bi-monthly meetings that do not exist yet; returns the new ones."""
    require(user, "governance.add_meeting", "Only the programme team can schedule meetings.")
    start_time = datetime.time.fromisoformat(settings.MEETING_START_TIME)
    created = []
    for day in meeting_dates(financial_year):
        meeting, is_new = Meeting.objects.get_or_create(
            date=day, defaults={"start_time": start_time, "location": settings.MEETING_LOCATION}
        )
        if is_new:
            log(meeting, "wagtail.create", user=user)
            created.append(meeting)
    return created


@transaction.atomic
def meeting_start(*, user, meeting):
    """Open the meeting once the agenda is out and the attendance shows it is quorate."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError("Publish the agenda before the meeting starts.")
    problem = quorum_problem(meeting)
    if problem:
        raise ValidationError(problem)
    meeting.status = Meeting.Status.IN_SESSION
    meeting.save(update_fields=["status"])
    log(meeting, "governance.meeting_start", user=user)
    return meeting


@transaction.atomic
def meeting_close(*, user, meeting):
    from governance.services.decisions import minutes_draft

    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Only a meeting in session can be closed.")
    if meeting.agenda.filter(vote__state="open").exists():
        raise ValidationError("Close every open vote before closing the meeting.")
    meeting.status = Meeting.Status.CLOSED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.meeting_close", user=user)
    minutes_draft(user=user, meeting=meeting)
    return meeting
