"""Checks every change to the group's business makes first."""

from django.core.exceptions import PermissionDenied

from governance.permissions import runs_meetings
from programme.models import Meeting, User


def require_runner(user: User | None, meeting: Meeting | None) -> None:
    if user is not None and not runs_meetings(user, meeting):
        raise PermissionDenied("Only the chair, the vice-chair or the programme team can do that.")


def locked_meeting(meeting: Meeting) -> Meeting:
    return Meeting.objects.select_for_update().get(pk=meeting.pk)
