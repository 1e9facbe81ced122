from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.imports import ImportRefused
from programme.management.importer import BY_HELP, importer
from projects.services import spend_import


class Command(BaseCommand):
    help = (
        "Import the finance system's CSV export of ledger lines. The whole file is checked "
        "first; nothing is written unless every row is good. Lines already imported are "
        "counted, not added again."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check the file only.")
        parser.add_argument("--by", metavar="EMAIL", help=BY_HELP)

    def handle(self, *args, file, dry_run=False, by=None, **options):
        user = importer(by)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}")

        def progress(done, total):
            self.stdout.write(f"  {done:,} of {total:,} lines written")

        try:
            result = spend_import(
                user=user,
                data=path.read_bytes(),
                filename=path.name,
                dry_run=dry_run,
                progress=progress,
            )
        except ImportRefused as refused:
            for line, reason in refused.problems:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(
                f"{len(refused.problems)} problems in {path.name}; nothing was imported."
            ) from refused
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {result.rows:,} lines read, {verb} {result.added:,}, "
                f"{result.already_there:,} already there."
            )
        )
        for line in result.needing_attention:
            self.stdout.write(f"needs attention: {line.transaction_number}: {line.attention}")
