"""The group's meetings in the portal, and a personal calendar feed for members."""

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from governance.permissions import reads_meetings, sees_meetings
from programme.ical import meetings_calendar
from programme.selectors import active_user, all_meetings, past_meetings, upcoming_meetings

FEED_SALT = "governance.meetings-feed"


def feed_token(user):
    return signing.dumps(user.pk, salt=FEED_SALT)


@login_required
def meeting_list(request):
    if not reads_meetings(request.user):
        raise PermissionDenied
    feed = (
        request.build_absolute_uri(reverse("meetings_feed", args=[feed_token(request.user)]))
        if sees_meetings(request.user)
        else None
    )
    return render(
        request,
        "governance/meetings.html",
        {"upcoming": upcoming_meetings(), "past": past_meetings()[:6], "feed_url": feed},
    )


def meetings_feed(request, token):
    """Calendar apps cannot sign in, so each member has a feed address of their own, signed
    with the site's secret; it stops working when they leave the group."""
    try:
        user_pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    user = active_user(user_pk)
    if user is None or not sees_meetings(user):
        raise Http404
    body = meetings_calendar(all_meetings(), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="strategic-group-meetings.ics"'
    return response
