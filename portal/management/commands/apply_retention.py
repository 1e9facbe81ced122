import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from core.import_runs import uploads_expire
from evaluations.services.retention import expired_families, families_retire
from proposals.services.retention import attachments_retire, expired_attachments


class Command(BaseCommand):
    help = (
        "Delete family records and proposal files past the retention period the programme "
        "team sets (Settings, Retention policy), recording how many of each were deleted, and "
        "import uploads never confirmed within 24 hours. Run daily by the scheduler; "
        "--dry-run says what it would delete."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--today", type=datetime.date.fromisoformat, help="Apply it as on this day."
        )

    def handle(self, *args, dry_run=False, today=None, **options):
        today = today or timezone.localdate()
        if dry_run:
            cutoff, families = expired_families(today)
            _cutoff, files = expired_attachments(today)
            self.stdout.write(
                f"Would delete {len(families):,} family records (period ended before "
                f"{cutoff:%-d %B %Y}) and {len(files):,} proposal files."
            )
            return
        for deletion in (
            families_retire(user=None, today=today),
            attachments_retire(user=None, today=today),
        ):
            self.stdout.write(self.style.SUCCESS(f"Deleted {deletion}."))
        expired = uploads_expire()
        self.stdout.write(f"Deleted {expired:,} import uploads never confirmed within 24 hours.")
