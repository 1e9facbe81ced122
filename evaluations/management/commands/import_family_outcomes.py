from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.file_formats import sha256_of
from core.problems import ImportRefused, describe, grouped
from evaluations.family_csv import check
from evaluations.services import family_outcomes_import
from programme.case_layouts import LAYOUTS
from programme.management.importer import add_import_arguments, how_read, importer, refusal


class Command(BaseCommand):
    help = (
        "Import the case-management system's export of family outcomes (CSV or Excel), one "
        "row per need; each plan of a case is imported as its own record. "
        "Case references are hashed as they are read. The whole file is checked first; "
        "nothing is written unless every row is good. Families already here are updated."
    )

    def add_arguments(self, parser):
        add_import_arguments(parser, LAYOUTS)

    def handle(self, *args, file, dry_run=False, by=None, layout=None, **options):
        user = importer(by)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}")
        self.stdout.write(f"Checking {path.name} ...")
        checked = check(lambda: path.open("rb"), filename=path.name, layout=layout)

        def progress(done, total):
            self.stdout.write(f"  {done:,} of {total:,} family plans done")

        try:
            result = family_outcomes_import(
                user=user,
                checked=checked,
                filename=path.name,
                sha256=sha256_of(lambda: path.open("rb")),
                dry_run=dry_run,
                progress=progress,
            )
        except ImportRefused as refused:
            raise refusal(self, refused, path.name) from refused
        how_read(self, checked)
        for group in grouped(checked.warnings):
            self.stdout.write(describe(group))
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {result.rows:,} rows read; {verb} {result.added:,} family plans, "
                f"{'would update' if dry_run else 'updated'} {result.updated:,}, "
                f"{result.unchanged:,} unchanged; {result.retired:,} past the retention "
                "period not added again."
            )
        )
