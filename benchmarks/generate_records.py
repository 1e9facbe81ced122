"""seed_scale's ledger and families: the bulk of a scale data set, written a batch at a time."""

import datetime
from decimal import Decimal

from benchmarks.batches import BATCH, Progress, batched, random_day
from benchmarks.sizes import BUSY_SHARE, BUSY_YEAR, FIRST_YEAR
from core.bulk import bulk_insert
from core.financial_years import fy_bounds
from evaluations import day_counts, project_counts
from evaluations.models import Family, FamilyNeed, FamilySupport
from evaluations.pseudonyms import case_hash
from evaluations.rules import Need, assess
from programme.models import Outcome
from projects import spend_totals
from projects.models import SpendLine

EXPENSES = ["Staff", "Premises", "Supplies and services", "IT", "Commissioned services"]
SUPPLIERS = ["Barnardo's", "Family Action", "Softcat plc", "Merseyside Print Co", "The Reader"]


class LedgerAndFamilies:
    """Mixed into the Generator, whose rng, today, sizes, tag and projects it uses."""

    def ledger(self):
        total = self.sizes["ledger_lines"]
        busy_start, busy_end = fy_bounds(BUSY_YEAR)
        busy_end = min(busy_end, self.today)
        busy = [p for p in self.projects if p[2] <= busy_end and p[3] >= busy_start]
        other = [
            p
            for p in self.projects
            if p[2] < busy_start or (p[3] > busy_end and p[2] <= self.today)
        ]
        in_busy = int(total * BUSY_SHARE)

        def lines():
            for number in range(total):
                if number < in_busy:
                    pk, code, start, end, _amount = self.rng.choice(busy)
                    day = random_day(self.rng, max(start, busy_start), min(end, busy_end))
                else:
                    pk, code, start, end, _amount = self.rng.choice(other)
                    day = self._outside_busy_year(start, end, busy_start, busy_end)
                amount = Decimal(self.rng.randint(2_000, 90_000)) / 100
                if self.rng.random() < 0.02:
                    amount = -amount / 4
                yield SpendLine(
                    transaction_number=f"{self.tag}-{number:08d}",
                    date=day,
                    supplier=self.rng.choice(SUPPLIERS),
                    description="Scale data",
                    cost_centre=code,
                    project_id=pk,
                    expense_type=self.rng.choice(EXPENSES),
                    net_amount=amount.quantize(Decimal("0.01")),
                    irrecoverable_vat=Decimal("0.00"),
                )

        batched(SpendLine, lines(), Progress(self.stdout, "ledger lines", total))
        self.stdout.write("Summing the ledger by project and month")
        spend_totals.refresh()

    def _outside_busy_year(self, start, end, busy_start, busy_end):
        end = min(end, self.today)
        before = (min(end, busy_start - datetime.timedelta(days=1)) - start).days
        after = (end - max(start, busy_end + datetime.timedelta(days=1))).days
        if before >= 0 and (after < 0 or self.rng.random() < 0.5):
            return random_day(self.rng, start, min(end, busy_start - datetime.timedelta(days=1)))
        return random_day(self.rng, max(start, busy_end + datetime.timedelta(days=1)), end)

    def families(self):
        total, rows = self.sizes["families"], self.sizes["family_outcome_rows"]
        outcomes = dict(Outcome.objects.values_list("number", "pk"))
        projects = [p for p in self.projects if p[2] <= self.today - datetime.timedelta(days=30)]
        progress = Progress(self.stdout, "families", total)
        pattern = [3, 4, 5, 4]
        mean_shift = rows // total - 4
        for first in range(0, total, BATCH):
            records = [
                self._family(number, pattern[number % 4] + mean_shift, projects)
                for number in range(first, min(first + BATCH, total))
            ]
            bulk_insert(Family, [record["family"] for record in records])
            ids = dict(
                Family.objects.filter(
                    case_hash__in=[record["family"].case_hash for record in records]
                ).values_list("case_hash", "pk")
            )
            bulk_insert(
                FamilyNeed,
                [
                    FamilyNeed(
                        family_id=ids[record["family"].case_hash],
                        outcome_id=outcomes[need.outcome],
                        identified_on=need.identified_on,
                        achieved_on=need.achieved_on,
                        sustained=need.sustained,
                    )
                    for record in records
                    for need in record["needs"]
                ],
            )
            bulk_insert(
                FamilySupport,
                [
                    FamilySupport(family_id=ids[record["family"].case_hash], **record["support"])
                    for record in records
                    if record["support"]
                ],
            )
            progress.add(len(records))
        self.stdout.write("Counting the families by day for the results pages")
        day_counts.refresh()
        project_counts.refresh()

    def _family(self, number, needs_count, projects):
        rng, today = self.rng, self.today
        latest = today - datetime.timedelta(days=30)
        support = None
        if rng.random() < 0.5 and projects:
            pk, _code, start, end, _amount = rng.choice(projects)
            plan = random_day(rng, start, min(end, latest))
        else:
            pk, plan = None, random_day(rng, datetime.date(FIRST_YEAR, 4, 1), latest)
        ends = plan + datetime.timedelta(days=rng.randint(100, 320))
        closed = ends if ends <= today else None
        if pk:
            support = {
                "project_id": pk,
                "start": max(plan, start),
                "end": min(closed, end) if closed else end,
            }
        known = closed is not None and (closed + datetime.timedelta(days=183)) <= today
        needs = []
        for outcome in rng.sample(range(1, 11), needs_count):
            identified = plan + datetime.timedelta(days=rng.randint(0, 20))
            achieved = None
            earliest, limit = identified + datetime.timedelta(days=20), closed or today
            if rng.random() < (0.97 if closed else 0.45) and earliest <= limit:
                achieved = random_day(rng, earliest, limit)
            sustained = (rng.random() < 0.96) if known and achieved else None
            needs.append(Need(outcome, identified, achieved, sustained))
        standing = assess(plan_start=plan, case_closed=closed, needs=needs)
        family = Family(
            case_hash=case_hash(f"SCALE-{self.tag}-{number}"),
            lead_organisation_id=self.organisation_ids[number % len(self.organisation_ids)],
            lead_role="Family support worker",
            plan_start=plan,
            case_closed=closed,
            eligible=standing.eligible,
            all_needs_sustained=standing.all_needs_sustained,
            sustain_until=standing.sustain_until,
        )
        return {"family": family, "needs": needs, "support": support}
