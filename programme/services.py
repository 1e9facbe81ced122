"""Changes to the programme's calendar, the register of interests and people's two-factor
sign-in and sessions: keyword-only, one transaction, permission checked, audited.
``user=None`` is the system itself (a command run by an operator)."""

import datetime
from importlib import import_module

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from programme.models import (
    Interest,
    Meeting,
    Membership,
    Organisation,
    SignedInSession,
    User,
)
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


RECOVERY_CODES = 10


@transaction.atomic
def two_factor_confirm(*, user: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a person's authenticator app with a code from it; returns their new recovery
    codes (shown to them once), or None if the code is wrong."""
    if device.user_id != user.pk or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    log(device.user, "programme.two_factor_set_up", user=device.user)
    return codes


@transaction.atomic
def two_factor_reset(*, user: User | None, person: User) -> int:
    """Remove a person's authenticator app and recovery codes (they lost their phone), so they
    set up a new one at their next sign-in. Audited with who did it; ``user=None`` is the
    command line. Returns how many devices were removed."""
    if user is not None and not user.has_perm("programme.change_user"):
        raise PermissionDenied("Only the programme team resets two-factor sign-in.")
    removed = sum(
        model.objects.filter(user=person).delete()[1].get(model._meta.label, 0)
        for model in (TOTPDevice, StaticDevice)
    )
    log(person, "programme.two_factor_reset", user=user, data={"devices": removed})
    return removed


@transaction.atomic
def sessions_end(*, user: User, keep: str, session_id: int | None = None) -> int:
    """Sign a person out where they choose: one of their other sessions (``session_id``), or
    every one but the session they are using (``keep``). Their own sessions only. Returns how
    many were ended."""
    sessions = (
        SignedInSession.objects.select_for_update().filter(user=user).exclude(session_key=keep)
    )
    if session_id is not None:
        sessions = sessions.filter(pk=session_id)
    keys = list(sessions.values_list("session_key", flat=True))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(session_key=key).delete()
    sessions.delete()
    if keys:
        # The audit log needs the model itself, not the request's lazy user.
        person = User.objects.get(pk=user.pk)
        log(person, "programme.sessions_end", user=person, data={"ended": len(keys)})
    return len(keys)


def _require_member(user: User, today: datetime.date) -> None:
    if not Membership.objects.current(today).filter(user=user).exists():
        raise PermissionDenied("Only members of the strategic group keep a register entry.")


@transaction.atomic
def interest_register(
    *,
    user: User,
    description: str,
    organisation: Organisation | None = None,
    today: datetime.date | None = None,
) -> Interest:
    """A member adds an interest to their own entry on the register, from today. The
    programme team sees it on the register and in the audit trail, and conflicts at the next
    agenda are flagged from it."""
    today = today or timezone.localdate()
    _require_member(user, today)
    if not description.strip():
        raise ValidationError({"description": "Describe the interest"})
    interest = Interest.objects.create(
        member=user, organisation=organisation, description=description.strip(),
        registered_on=today,
    )  # fmt: skip
    log(interest, "programme.interest_register", user=user)
    return interest


@transaction.atomic
def interest_end(*, user: User, interest: Interest, today: datetime.date | None = None) -> Interest:
    """A member ends one of their own interests (they left the charity's board): it stays on
    the register with the day it ended."""
    today = today or timezone.localdate()
    interest = Interest.objects.select_for_update().get(pk=interest.pk)
    if interest.member_id != user.pk:
        raise PermissionDenied("You can only end your own interests.")
    if interest.ended_on is not None:
        raise ValidationError("This interest has already ended.")
    interest.ended_on = max(today, interest.registered_on)
    interest.save(update_fields=["ended_on"])
    log(interest, "programme.interest_end", user=user)
    return interest
