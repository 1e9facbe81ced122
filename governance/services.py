"""Every change to the group's records: keyword-only, one transaction, permission checked,
audited. ``user=None`` is the system itself (a management command run by an operator)."""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log

from governance.models import Meeting
from governance.scheduling import meeting_dates


def require(user, permission, message):
    if user is not None and not user.has_perm(permission):
        raise PermissionDenied(message)


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
