"""Files attached to proposals are deleted once the retention period has passed since the
proposal was decided, withdrawn or last changed; each attachment keeps its name, size and
checksum, marked with the day its file went. Keyword-only, one transaction, permission
checked, audited."""

import datetime
from functools import partial

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.dates import add_months
from core.models import Deletion
from programme.models import RetentionPolicy, User
from proposals.models import Attachment, Proposal

# A proposal still being screened or decided keeps its files whatever its age.
IN_PROGRESS = (Proposal.Status.SUBMITTED, Proposal.Status.ELIGIBLE)


def expired_attachments(today: datetime.date) -> tuple[datetime.date, list[Attachment]]:
    cutoff = add_months(today, -RetentionPolicy.load().attachment_months)
    start_of_cutoff = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time()))
    attachments = (
        Attachment.objects.filter(retired_on__isnull=True, proposal__updated_at__lt=start_of_cutoff)
        .exclude(proposal__status__in=IN_PROGRESS)
        .order_by("pk")
    )
    return cutoff, list(attachments)


@transaction.atomic
def attachments_retire(*, user: User | None, today: datetime.date | None = None) -> Deletion:
    """Delete the files past the retention period and record how many. ``user=None`` is the
    scheduled command. A file is deleted from the store only once its row says so, after the
    transaction commits, so a failure leaves every file in place."""
    if user is not None and not user.has_perm("programme.change_retentionpolicy"):
        raise PermissionDenied("Only the programme team applies the retention policy.")
    today = today or timezone.localdate()
    cutoff, attachments = expired_attachments(today)
    Attachment.objects.filter(pk__in=[a.pk for a in attachments]).update(retired_on=today)
    for attachment in attachments:
        if attachment.file.name:
            transaction.on_commit(partial(attachment.file.storage.delete, attachment.file.name))
    deletion = Deletion.objects.create(
        kind="proposal attachments", count=len(attachments), cutoff=cutoff
    )
    log(deletion, "core.retention_delete", user=user, data={"kind": deletion.kind})
    return deletion
