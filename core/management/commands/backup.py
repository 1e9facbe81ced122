from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database, the uploaded files (public and private) and a manifest of "
        "totals into a new folder. Keep FAMILY_HASH_SECRET with the backups: without it, "
        "imported families cannot be matched again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Folder to write (default: backups/<date and time>). It must be new or empty.",
        )

    def handle(self, *args, output=None, **options):
        folder = output or f"backups/{timezone.localtime():%Y-%m-%d-%H%M%S}"
        try:
            manifest = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        totals = manifest["totals"]
        counted = [
            f"{totals[table]:,} {label}"
            for table, label in [
                *settings.BACKUP_SUMMARY,
                ("audit log entries", "audit log entries"),
            ]
        ]
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}: {', '.join(counted)}."))
