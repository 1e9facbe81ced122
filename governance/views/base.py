"""What every meeting-room view does first, and how it shows a service's refusal."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from core.forms import add_service_errors
from governance.permissions import reads_meetings
from governance.selectors.room import item_in
from programme.selectors import meeting_by_pk


def found(thing):
    """What a selector found for the URL, or 404."""
    if thing is None:
        raise Http404
    return thing


def meeting_for(request, pk):
    if not reads_meetings(request.user):
        raise PermissionDenied
    return found(meeting_by_pk(pk))


def item_for(request, pk, item_pk):
    if not reads_meetings(request.user):
        raise PermissionDenied
    return found(item_in(pk, item_pk).first())


def attempt(request, form, action, success, **kwargs):
    """Call a service with a valid form's answers; True when the view is done and redirects.
    A problem with the answers goes on the form (False), beside the field it names, so the page
    is shown again with the GOV.UK error summary and the answers kept; a refusal to this
    person is a message."""
    try:
        action(user=request.user, **kwargs)
    except ValidationError as error:
        add_service_errors(form, error)
        return False
    except PermissionDenied as error:
        messages.error(request, str(error) or "You cannot do that.")
        return True
    messages.success(request, success)
    return True


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
