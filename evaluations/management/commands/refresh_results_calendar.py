from django.core.management.base import BaseCommand
from django.db.models import Sum

from evaluations import day_counts
from evaluations.models import DayCount


class Command(BaseCommand):
    help = (
        "Rebuild the results calendar (families and needs counted by day), which the results "
        "pages, the public page and the outcome report read, from every family. Family imports "
        "keep it up to date; run this after writing families by other means (a restore from an "
        "older backup, SQL by hand)."
    )

    def handle(self, *args, **options):
        day_counts.refresh()
        calendar = DayCount.objects.filter(event=DayCount.Event.STARTED)
        families = calendar.aggregate(families=Sum("count"))["families"] or 0
        self.stdout.write(
            self.style.SUCCESS(
                f"{families:,} families counted into {DayCount.objects.count():,} days and events"
            )
        )
