from django.core.management.base import BaseCommand
from django.db.models import Sum

from core.money import MoneySum
from projects import spend_totals
from projects.models import SpendMonth


class Command(BaseCommand):
    help = (
        "Rebuild the ledger's monthly totals, which the spend pages and exports read, from "
        "every ledger line. The imports keep them up to date; run this after writing to the "
        "ledger table by other means (a restore from an older backup, SQL by hand)."
    )

    def handle(self, *args, **options):
        spend_totals.refresh()
        figures = SpendMonth.objects.aggregate(amount=MoneySum("amount"), lines=Sum("lines"))
        self.stdout.write(
            self.style.SUCCESS(
                f"{figures['lines'] or 0:,} ledger lines summed into "
                f"{SpendMonth.objects.count():,} project months, "
                f"£{figures['amount'] or 0:,.2f} in all"
            )
        )
