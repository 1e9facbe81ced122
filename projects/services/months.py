"""Closing a month of the ledger: keyword-only, one transaction, permission checked, audited."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from programme.models import User
from projects.models import ClosedMonth


@transaction.atomic
def month_close(*, user: User, month: datetime.date, today: datetime.date) -> ClosedMonth:
    """Close a month that has ended: from now on no line dated in it can be imported, added
    or changed, so the figures reported for it stay as they were signed off."""
    if not user.has_perm("projects.add_spendline"):
        raise PermissionDenied("Only finance can close a month.")
    month = month.replace(day=1)
    if month >= today.replace(day=1):
        raise ValidationError(f"{month:%B %Y} can be closed once it has ended.")
    closed, created = ClosedMonth.objects.get_or_create(month=month, defaults={"closed_by": user})
    if not created:
        raise ValidationError(f"{month:%B %Y} is already closed.")
    log(closed, "projects.month_close", user=user)
    return closed
