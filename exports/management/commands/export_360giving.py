from django.core.management.base import BaseCommand

from exports.grants import write_grants_json, write_grants_xlsx


class Command(BaseCommand):
    help = "Write the 360Giving file of the grants awarded: a JSON package or the spreadsheet."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="Where to write the file")
        parser.add_argument("--format", choices=["json", "xlsx"], default="json")

    def handle(self, *args, out, format="json", **options):
        if format == "xlsx":
            count = write_grants_xlsx(out)
        else:
            with open(out, "w", encoding="utf-8") as handle:
                count = write_grants_json(handle)
        self.stdout.write(self.style.SUCCESS(f"Wrote {count:,} grants to {out}"))
