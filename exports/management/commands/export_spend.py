from django.core.management.base import BaseCommand, CommandError

from core.financial_years import fy_start_year
from exports.workbook import write_workbook
from projects.periods import Period


class Command(BaseCommand):
    help = "Write the finance workbook (Summary, Transactions, By month, chart) for a year."

    def add_arguments(self, parser):
        parser.add_argument("--year", help="Financial year like 2024-25")
        parser.add_argument("--quarter", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--fund", type=int, help="Fund id")
        parser.add_argument("--kind")
        parser.add_argument("--status")
        parser.add_argument("--project", type=int, help="Project id")
        parser.add_argument("--out", required=True)

    def handle(self, *args, year=None, quarter=None, out=None, **options):
        if year:
            try:
                fy_start_year(year)
            except ValueError as error:
                raise CommandError(str(error)) from error
        if quarter and not year:
            raise CommandError("--quarter needs --year.")
        filters = {k: options[k] for k in ("fund", "kind", "status", "project") if options[k]}
        write_workbook(out, Period(year, quarter), **filters)
        self.stdout.write(self.style.SUCCESS(f"Wrote {out}"))
