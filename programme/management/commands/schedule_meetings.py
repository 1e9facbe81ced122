from django.core.management.base import BaseCommand, CommandError

from core.financial_years import current_fy, fy_start_year
from programme.services import meetings_schedule


class Command(BaseCommand):
    help = "Create the strategic group's bi-monthly meetings for a financial year (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--year", default=None, help="Financial year like 2025-26")

    def handle(self, *args, year=None, **options):
        year = year or current_fy()
        try:
            fy_start_year(year)
        except ValueError as error:
            raise CommandError(str(error)) from error
        created = meetings_schedule(user=None, financial_year=year)
        for meeting in created:
            self.stdout.write(
                f"{meeting.date:%a %-d %B %Y}: deadline {meeting.submission_deadline:%-d %b}, "
                f"papers {meeting.papers_date:%-d %b}"
            )
        self.stdout.write(self.style.SUCCESS(f"{len(created)} meetings added for {year}."))
