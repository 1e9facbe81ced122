from django.core.management.base import BaseCommand, CommandError
from django.db.models import Sum

from evaluations import day_counts, project_counts
from evaluations.models import DayCount, RetiredCase


class Command(BaseCommand):
    help = (
        "Rebuild the results calendar (families and needs counted by day) and each project's, "
        "which the results pages, value for money, the public page and the outcome report "
        "read, from every family. Family imports "
        "keep it up to date; run this after writing families by other means (a restore from an "
        "older backup, SQL by hand)."
    )

    def handle(self, *args, **options):
        if RetiredCase.objects.exists():
            raise CommandError(
                "Families have been deleted under the retention policy: the calendar still "
                "counts them, and a rebuild from the families left would lose them. Restore "
                "the calendar from a backup instead."
            )
        day_counts.refresh()
        project_counts.refresh()
        calendar = DayCount.objects.filter(event=DayCount.Event.STARTED)
        families = calendar.aggregate(families=Sum("count"))["families"] or 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{families:,} families counted into {DayCount.objects.count():,} days and events"
            )
        )
