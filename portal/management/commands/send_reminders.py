from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.reminders import send_reminders

KINDS = [
    ("report_due", "progress reports due soon"),
    ("report_overdue", "progress reports overdue"),
    ("condition_review", "conditions coming up for review"),
]


class Command(BaseCommand):
    help = (
        "Email the reminders due today, each once: progress reports due within "
        "REMINDER_DAYS_AHEAD days or overdue (to the project's lead), and unmet decision "
        "conditions coming up for review (to their owner). Run it daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be sent; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        sent = send_reminders(timezone.localdate(), dry_run=dry_run)
        verb = "would be sent" if dry_run else "sent"
        for kind, label in KINDS:
            self.stdout.write(
                f"{sent[kind]:,} reminder{'s' if sent[kind] != 1 else ''} {verb}: {label}"
            )
