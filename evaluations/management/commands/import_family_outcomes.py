import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.imports import ImportRefused
from evaluations.family_csv import check
from evaluations.services import family_outcomes_import
from programme.management.importer import BY_HELP, importer


class Command(BaseCommand):
    help = (
        "Import the case-management system's export of family outcomes, one row per need. "
        "Case references are hashed as they are read. The whole file is checked first; "
        "nothing is written unless every row is good. Families already here are updated."
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
        data = path.read_bytes()
        self.stdout.write(f"Checking {path.name} ...")
        checked = check(data)

        def progress(done, total):
            self.stdout.write(f"  {done:,} of {total:,} families written")

        try:
            result = family_outcomes_import(
                user=user,
                checked=checked,
                filename=path.name,
                sha256=hashlib.sha256(data).hexdigest(),
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
                f"{path.name}: {result.rows:,} rows read; {verb} {result.added:,} families, "
                f"{'would update' if dry_run else 'updated'} {result.updated:,}, "
                f"{result.unchanged:,} unchanged; {result.retired:,} past the retention "
                "period not added again."
            )
        )
