from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace this site's database and uploaded files with a backup's, then check that "
        "every table's rows and every money total match the backup's manifest."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing the data."
        )

    def handle(self, *args, folder, yes=False, **options):
        if not yes:
            answer = input(f"Replace everything in this site's database with {folder}? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing restored.")
        try:
            expected, found = restore(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        differences = {
            key: (value, found.get(key))
            for key, value in expected.items()
            if found.get(key) != value
        }
        if differences:
            for key, (want, got) in differences.items():
                self.stderr.write(f"{key}: backup {want}, restored {got}")
            raise CommandError("The restored totals differ from the backup's manifest.")
        self.stdout.write(
            self.style.SUCCESS(f"Restored {folder}; all {len(expected)} totals match the backup.")
        )
