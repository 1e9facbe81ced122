"""Reads of the programme's reference data that more than one page, export or app needs."""

import datetime

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from core.security import normalise_email
from programme.models import (
    Criterion,
    Meeting,
    Membership,
    Outcome,
    Priority,
    SignedInSession,
    User,
)


def priorities_for_public() -> tuple[list[Priority], list[Priority]]:
    """The programme's core priorities and the group's additional priority issues."""
    priorities = list(Priority.objects.all())
    return (
        [p for p in priorities if not p.is_additional],
        [p for p in priorities if p.is_additional],
    )


def current_memberships(
    user: User | None = None, on: datetime.date | None = None
) -> QuerySet[Membership]:
    memberships = Membership.objects.current(on).select_related("user", "organisation")
    if user is not None:
        memberships = memberships.filter(user=user)
    return memberships


def voting_memberships(on: datetime.date) -> QuerySet[Membership]:
    """The seats that hold a vote on a day: current members, not advisers."""
    return Membership.objects.current(on).voting().select_related("user", "organisation")


def meeting_for_submission(on: datetime.date) -> Meeting | None:
    """The next meeting whose submission deadline has not passed on the given day."""
    return Meeting.objects.open_for_submission(on).first()


def missed_meeting(on: datetime.date) -> Meeting | None:
    """The next meeting still to be held whose submission deadline passed before the day."""
    return (
        Meeting.objects.filter(
            status=Meeting.Status.SCHEDULED, date__gte=on, submission_deadline__lt=on
        )
        .order_by("date")
        .first()
    )


def upcoming_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(date__gte=timezone.localdate()).order_by("date")


def past_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(date__lt=timezone.localdate()).order_by("-date")


def all_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.order_by("date")


def active_user(pk: int) -> User | None:
    return User.objects.filter(pk=pk, is_active=True).first()


def user_by_email(email: str) -> User | None:
    """The active account with this email address, in any case."""
    return User.objects.filter(email=normalise_email(email), is_active=True).first()


def headline_outcomes() -> QuerySet[Outcome]:
    return Outcome.objects.order_by("number")


def active_criteria() -> QuerySet[Criterion]:
    """The criteria asked of new proposals and screened against."""
    return Criterion.objects.filter(is_active=True)


def meeting_by_pk(pk: int) -> Meeting | None:
    return Meeting.objects.filter(pk=pk).first()


def next_meeting() -> Meeting | None:
    return upcoming_meetings().first()


def signed_in_sessions(user: User) -> QuerySet[SignedInSession]:
    """Where the person is signed in: sessions seen within the session's lifetime."""
    since = timezone.now() - datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE)
    return SignedInSession.objects.filter(user=user, last_seen_at__gte=since)
