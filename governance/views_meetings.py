"""The group's meetings in the portal, and a personal calendar feed for members."""

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from governance.ical import meetings_calendar
from governance.models import Meeting, User
from governance.roles import GROUP_MEMBERS, PROGRAMME_TEAM

FEED_SALT = "governance.meetings-feed"


def sees_meetings(user):
    return user.is_active and user.groups.filter(name__in=[GROUP_MEMBERS, PROGRAMME_TEAM]).exists()


def feed_token(user):
    return signing.dumps(user.pk, salt=FEED_SALT)


def upcoming_meetings():
    return Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date")


@login_required
def meeting_list(request):
    if not sees_meetings(request.user):
        raise PermissionDenied
    feed = request.build_absolute_uri(reverse("meetings_feed", args=[feed_token(request.user)]))
    past = Meeting.objects.filter(date__lt=timezone.localdate()).order_by("-date")[:6]
    return render(
        request,
        "governance/meetings.html",
        {"upcoming": upcoming_meetings(), "past": past, "feed_url": feed},
    )


def meetings_feed(request, token):
    """Calendar apps cannot sign in, so each member has a feed address of their own, signed
    with the site's secret; it stops working when they leave the group."""
    try:
        user_pk = signing.loads(token, salt=FEED_SALT)
    except signing.BadSignature as error:
        raise Http404 from error
    user = User.objects.filter(pk=user_pk).first()
    if user is None or not sees_meetings(user):
        raise Http404
    body = meetings_calendar(Meeting.objects.order_by("date"), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="strategic-group-meetings.ics"'
    return response
