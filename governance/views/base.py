"""What every meeting-room view does first, and how it shows a service's refusal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404

from governance.permissions import sees_meetings
from governance.selectors.room import item_in
from programme.models import Meeting


def meeting_for(request, pk):
    if not sees_meetings(request.user):
        raise PermissionDenied
    return get_object_or_404(Meeting, pk=pk)


def item_for(request, pk, item_pk):
    if not sees_meetings(request.user):
        raise PermissionDenied
    return get_object_or_404(item_in(pk, item_pk))


def run(request, action, success, **kwargs):
    """Call a service; show its refusal as a message rather than an error page."""
    try:
        action(user=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    except PermissionDenied as error:
        messages.error(request, str(error) or "You cannot do that.")
        return False
    messages.success(request, success)
    return True
