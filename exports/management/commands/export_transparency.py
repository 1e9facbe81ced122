from django.core.management.base import BaseCommand, CommandError

from core.financial_years import fy_start_year
from exports.transparency import write_transparency
from projects.periods import Period


class Command(BaseCommand):
    help = (
        "Write the Local Government Transparency Code CSV of spend over £500 for a financial "
        "year (or one quarter of it), with payments to individuals redacted."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="Financial year like 2024-25")
        parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--out", required=True, help="Where to write the CSV")

    def handle(self, *args, year, quarter=None, out, **options):
        try:
            fy_start_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        with open(out, "w", newline="", encoding="utf-8") as handle:
            count = write_transparency(handle, Period(year, quarter))
        self.stdout.write(self.style.SUCCESS(f"Wrote {count:,} lines to {out}"))
