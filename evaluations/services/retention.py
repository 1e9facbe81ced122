"""Family records past the retention period are deleted; the results calendar keeps counting
them, and their pseudonymised case references are kept so that an export still carrying the
case does not bring it back. Keyword-only, one transaction, permission checked, audited."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.log_actions import log

from core.dates import add_months
from core.locks import one_at_a_time
from core.models import Deletion
from evaluations.models import Family, RetiredCase
from programme.models import RetentionPolicy, User

BATCH = 1000


def expired_families(today: datetime.date) -> tuple[datetime.date, list[str]]:
    """The cutoff and the case references of the families whose period has passed: every
    plan of the case closed, and its six months to sustain the outcomes ended, before the
    cutoff."""
    cutoff = add_months(today, -RetentionPolicy.load().family_record_months)
    ended = Family.objects.annotate(ended=Coalesce(F("sustain_until"), F("case_closed")))
    # A case with a plan still open or within the period keeps all its plans.
    kept = ended.filter(Q(case_closed__isnull=True) | Q(ended__gte=cutoff)).values("case_hash")
    hashes = (
        ended.filter(case_closed__isnull=False, ended__lt=cutoff)
        .exclude(case_hash__in=kept)
        .order_by("case_hash")
        .values_list("case_hash", flat=True)
        .distinct()
    )
    return cutoff, list(hashes)


@transaction.atomic
def families_retire(*, user: User | None, today: datetime.date | None = None) -> Deletion:
    """Delete the family records past the retention period (their needs and supports with
    them) and record how many. ``user=None`` is the scheduled command."""
    if user is not None and not user.has_perm("programme.change_retentionpolicy"):
        raise PermissionDenied("Only the programme team applies the retention policy.")
    # Not while a family import is writing: it could bring back a family being deleted.
    one_at_a_time("evaluations.family_import")
    today = today or timezone.localdate()
    cutoff, hashes = expired_families(today)
    for start in range(0, len(hashes), BATCH):
        batch = hashes[start : start + BATCH]
        RetiredCase.objects.bulk_create(
            [RetiredCase(case_hash=h, retired_on=today) for h in batch], ignore_conflicts=True
        )
        Family.objects.filter(case_hash__in=batch).delete()
    deletion = Deletion.objects.create(kind="family records", count=len(hashes), cutoff=cutoff)
    log(deletion, "core.retention_delete", user=user, data={"kind": deletion.kind})
    return deletion
