"""Releasing family-level data: every download of the anonymised case-level return is
recorded, with who, when and why, before it streams."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from evaluations.models import DataRelease, Family
from programme.models import User


@transaction.atomic
def data_release_record(*, user: User, purpose: str) -> DataRelease:
    """Record (and audit) a download of the anonymised case-level return before it streams."""
    if not user.has_perm("evaluations.add_datarelease"):
        raise PermissionDenied("Only the programme team releases family-level data.")
    purpose = (purpose or "").strip()
    if not purpose:
        raise ValidationError("Say what the data is for.")
    release = DataRelease.objects.create(
        released_by=user, purpose=purpose[:255], families=Family.objects.count()
    )
    log(
        release,
        "evaluations.data_release",
        user=user,
        data={"purpose": release.purpose, "families": release.families},
    )
    return release
