"""Changes to the programme's calendar: keyword-only, one transaction, permission checked,
audited. ``user=None`` is the system itself (a command run by an operator)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log

from programme.models import Meeting, User
from programme.scheduling import meeting_dates


@transaction.atomic
def meetings_schedule(*, user: User | None, financial_year: str) -> list[Meeting]:
    """Create the year's bi-monthly meetings that do not exist yet; returns the new ones."""
    if user is not None and not user.has_perm("programme.add_meeting"):
        raise PermissionDenied("Only the programme team can schedule meetings.")
    created = []
    for day in meeting_dates(financial_year):
        meeting, is_new = Meeting.objects.get_or_create(
            date=day, defaults={"location": settings.MEETING_LOCATION}
        )
        if is_new:
            log(meeting, "wagtail.create", user=user)
            created.append(meeting)
    return created
