"""seed_scale: a realistic, reproducible data set at county or national scale, written with
bulk inserts in batches (constant memory), on SQLite and PostgreSQL.

It runs on top of the demo (seed_demo first, for the reference data, the logins and this
year's meetings) and adds earlier years: meetings, proposals with their submitted versions,
decisions, projects with budget profiles and targets, a ledger and pseudonymised families.
The same seed and the same ``today`` give the same data."""

import datetime
import random
import sys
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import OutputWrapper
from django.db import connection, transaction

from benchmarks.sizes import (
    BUSY_SHARE,
    BUSY_YEAR,
    DEMO_LEAD,
    DEMO_LEAD_SHARE,
    SCALES,
    VOTERS,
)
from evaluations.models import Family, FamilyNeed, FamilySupport, Outcome, ProjectTarget
from evaluations.pseudonyms import case_hash
from evaluations.rules import Need, assess
from governance import roles
from governance.bulk import bulk_insert
from governance.demo.people import DEMO_PASSWORD
from governance.financial_years import fy_bounds, fy_for_date, fy_name, fy_quarter
from governance.models import Decision, Fund, Meeting, Membership, Organisation, User
from governance.scheduling import meeting_dates
from projects.models import BudgetProfileLine, Project, SpendLine
from proposals.models import BudgetLine, OutcomeTarget, Proposal, ProposalVersion

BATCH = 5_000
FIRST_YEAR = 2021
KINDS = ["funded_service"] * 5 + ["community"] * 2 + ["it", "research"]
EXPENSES = ["Staff", "Premises", "Supplies and services", "IT", "Commissioned services"]
SUPPLIERS = ["Barnardo's", "Family Action", "Softcat plc", "Merseyside Print Co", "The Reader"]
SECTORS = [value for value, _label in Organisation.Sector.choices]


class Progress:
    """A one-line progress bar on the command's output."""

    def __init__(self, stdout, label, total):
        self.stdout, self.label, self.total, self.done = stdout, label, total, 0
        self.shown = -1

    def add(self, count):
        self.done += count
        percent = self.done * 100 // max(self.total, 1)
        if percent != self.shown:
            self.shown = percent
            bar = "#" * (percent // 4)
            self.stdout.write(
                f"\r  {self.label:<22}[{bar:<25}] {self.done:>10,} of {self.total:,}", ending=""
            )
            self.stdout.flush()
        if self.done >= self.total:
            self.stdout.write("")


def _batched(model, objects, progress=None):
    """Insert from a generator, BATCH at a time (COPY on PostgreSQL)."""
    batch = []
    for obj in objects:
        batch.append(obj)
        if len(batch) == BATCH:
            bulk_insert(model, batch)
            if progress:
                progress.add(len(batch))
            batch = []
    if batch:
        bulk_insert(model, batch)
        if progress:
            progress.add(len(batch))


def _day(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


class Generator:
    def __init__(self, scale, seed, today, stdout=sys.stdout):
        self.sizes = SCALES[scale]
        self.rng = random.Random(seed)  # noqa: S311 - reproducible test data, not security
        self.today = today
        self.stdout = stdout if isinstance(stdout, OutputWrapper) else OutputWrapper(stdout)
        self.tag = f"{scale}-{seed}"

    def run(self):
        with transaction.atomic():
            self.organisations()
            self.people()
            self.meetings()
            self.proposals()
            self.projects()
        with transaction.atomic():
            self.ledger()
        with transaction.atomic():
            self.families()
        self.analyse()

    # Reference data and people ---------------------------------------------------------
    def organisations(self):
        Organisation.objects.bulk_create(
            Organisation(
                name=f"Scale partner {index:05d}",
                sector=SECTORS[index % len(SECTORS)],
            )
            for index in range(self.sizes["organisations"])
        )
        self.organisation_ids = list(
            Organisation.objects.filter(name__startswith="Scale partner").values_list(
                "pk", flat=True
            )
        )

    def people(self):
        password = make_password(DEMO_PASSWORD)
        leads = [
            User(
                email=f"lead{index}@scale.example",
                first_name="Lead",
                last_name=f"{index:05d}",
                password=password,
                organisation_id=self.organisation_ids[index % len(self.organisation_ids)],
            )
            for index in range(self.sizes["leads"])
        ]
        voters = [
            User(
                email=f"voter{index}@scale.example",
                first_name="Voter",
                last_name=f"{index:02d}",
                password=password,
                organisation_id=self.organisation_ids[index % len(self.organisation_ids)],
            )
            for index in range(VOTERS)
        ]
        User.objects.bulk_create(leads + voters, batch_size=BATCH)
        self.lead_ids = list(
            User.objects.filter(email__endswith="@scale.example", first_name="Lead")
            .order_by("pk")
            .values_list("pk", "organisation_id")
        )
        voter_ids = list(
            User.objects.filter(first_name="Voter", email__endswith="@scale.example")
            .order_by("pk")
            .values_list("pk", "organisation_id")
        )
        through = User.groups.through
        leads_group = Group.objects.get(name=roles.PROJECT_LEADS)
        members_group = Group.objects.get(name=roles.GROUP_MEMBERS)
        through.objects.bulk_create(
            [through(user_id=pk, group_id=leads_group.pk) for pk, _org in self.lead_ids]
            + [through(user_id=pk, group_id=members_group.pk) for pk, _org in voter_ids],
            batch_size=BATCH,
        )
        Membership.objects.bulk_create(
            Membership(
                user_id=pk,
                organisation_id=org,
                role=Membership.Role.MEMBER,
                start_date=datetime.date(FIRST_YEAR, 4, 1),
            )
            for pk, org in voter_ids
        )
        self.officer = User.objects.filter(groups__name=roles.PROGRAMME_TEAM).order_by("pk").first()

    def meetings(self):
        """Six meetings a year from April 2021 up to the demo's first meeting."""
        first_demo = Meeting.objects.order_by("date").values_list("date", flat=True).first()
        stop = first_demo or self.today
        dates = []
        year = FIRST_YEAR
        while True:
            planned = [day for day in meeting_dates(fy_name(year)) if day < stop]
            if not planned and year > stop.year:
                break
            dates += planned
            year += 1
        for day in dates:
            Meeting.objects.get_or_create(
                date=day, defaults={"status": Meeting.Status.MINUTES_APPROVED}
            )
        self.meetings = list(Meeting.objects.filter(date__lt=stop).order_by("date"))
        self.funds = {}
        for meeting in self.meetings:
            year = fy_for_date(meeting.date)
            if year not in self.funds:
                fund, _ = Fund.objects.get_or_create(
                    name=f"Supporting Families grant {year}",
                    defaults={"financial_year": year, "total_budget": Decimal("9000000.00")},
                )
                self.funds[year] = fund.pk

    # Proposals, decisions and projects ---------------------------------------------------
    def _statuses(self):
        total, projects = self.sizes["proposals"], self.sizes["projects"]
        share = {"rejected": 0.2, "draft": 0.2, "withdrawn": 0.05, "returned": 0.05}
        statuses = ["approved"] * projects
        for status, fraction in share.items():
            statuses += [status] * int(total * fraction)
        statuses += ["submitted"] * (total - len(statuses))
        self.rng.shuffle(statuses)
        return statuses[:total]

    def proposals(self):
        outcomes = list(Outcome.objects.order_by("number").values_list("pk", flat=True))
        demo_lead = (
            User.objects.filter(email=DEMO_LEAD).values_list("pk", "organisation_id").first()
        )
        self.plan = []
        for index, status in enumerate(self._statuses()):
            meeting = self.meetings[index % len(self.meetings)]
            lead, organisation = self.lead_ids[self.rng.randrange(len(self.lead_ids))]
            if demo_lead and index % DEMO_LEAD_SHARE == 0:
                lead, organisation = demo_lead
            start = meeting.date + datetime.timedelta(days=self.rng.randint(20, 60))
            years = self.rng.choice([1, 1, 2, 3])
            self.plan.append(
                {
                    "reference": f"FP-{meeting.date.year}-{index:05d}",
                    "status": status,
                    "meeting": meeting,
                    "lead": lead,
                    "organisation": organisation,
                    "kind": self.rng.choice(KINDS),
                    "amount": Decimal(self.rng.randint(400, 6000) * 50),
                    "start": start,
                    "end": start + datetime.timedelta(days=365 * years - 1),
                    "outcomes": self.rng.sample(outcomes, self.rng.randint(2, 3)),
                }
            )
        _batched(
            Proposal,
            (
                Proposal(
                    reference=row["reference"],
                    kind=row["kind"],
                    title=f"Whole-family support {row['reference'][-5:]}",
                    lead_id=row["lead"],
                    lead_organisation_id=row["organisation"],
                    summary="Key-worker support for families with three or more needs.",
                    need_and_evidence="Referral data shows unmet need across the area.",
                    whole_family_approach="One lead practitioner and one family plan.",
                    delivery_start=row["start"],
                    delivery_end=row["end"],
                    sustainability="Mainstreamed into early help at the end of the grant.",
                    status=Proposal.Status.DECIDED
                    if row["status"] in ("approved", "rejected")
                    else row["status"],
                    meeting=None if row["status"] == "draft" else row["meeting"],
                )
                for row in self.plan
            ),
            Progress(self.stdout, "proposals", len(self.plan)),
        )
        ids = dict(
            Proposal.objects.filter(reference__in=[r["reference"] for r in self.plan]).values_list(
                "reference", "pk"
            )
        )
        for row in self.plan:
            row["pk"] = ids[row["reference"]]
        _batched(BudgetLine, self._budget_lines())
        _batched(
            OutcomeTarget,
            (
                OutcomeTarget(proposal_id=row["pk"], outcome_id=outcome, expected_families=60)
                for row in self.plan
                for outcome in row["outcomes"]
            ),
        )
        _batched(ProposalVersion, self._versions())
        _batched(Decision, self._decisions())

    def _halves(self, amount):
        first = (amount / 2).quantize(Decimal("0.01"))
        return first, amount - first

    def _budget_lines(self):
        for row in self.plan:
            first, second = self._halves(row["amount"])
            for year, amount in [
                (fy_for_date(row["start"]), first),
                (fy_for_date(row["end"]), second),
            ]:
                yield BudgetLine(
                    proposal_id=row["pk"],
                    financial_year=year,
                    cost_type=BudgetLine.CostType.STAFF,
                    description="Family support workers",
                    amount=amount,
                )

    def _versions(self):
        for row in self.plan:
            if row["status"] == "draft":
                continue
            submitted = datetime.datetime.combine(
                row["meeting"].submission_deadline, datetime.time(12), tzinfo=datetime.UTC
            )
            yield ProposalVersion(
                proposal_id=row["pk"],
                number=1,
                submitted_at=submitted,
                submitted_by_id=row["lead"],
                meeting=row["meeting"],
                total_requested=row["amount"],
                snapshot=self._snapshot(row),
            )

    def _snapshot(self, row):
        first, second = self._halves(row["amount"])
        return {
            "reference": row["reference"],
            "kind": row["kind"],
            "title": f"Whole-family support {row['reference'][-5:]}",
            "lead": f"Lead {row['lead']}",
            "lead_organisation": f"Organisation {row['organisation']}",
            "summary": "Key-worker support for families with three or more needs.",
            "need_and_evidence": "Referral data shows unmet need across the area.",
            "whole_family_approach": "One lead practitioner and one family plan.",
            "delivery_start": row["start"].isoformat(),
            "delivery_end": row["end"].isoformat(),
            "sustainability": "Mainstreamed into early help at the end of the grant.",
            "priorities": [],
            "outcomes": [],
            "budget": [],
            "budget_lines": [
                {
                    "financial_year": fy_for_date(day),
                    "cost_type": "staff",
                    "cost_type_label": "Staff",
                    "description": "Family support workers",
                    "amount": str(amount),
                }
                for day, amount in [(row["start"], first), (row["end"], second)]
            ],
            "answers": [],
            "attachments": [],
            "co_leads": [],
        }

    def _decisions(self):
        for row in self.plan:
            if row["status"] not in ("approved", "rejected"):
                continue
            approved = row["status"] == "approved"
            yield Decision(
                proposal_id=row["pk"],
                meeting=row["meeting"],
                fund_id=self.funds[fy_for_date(row["meeting"].date)] if approved else None,
                outcome="approved" if approved else "rejected",
                approved_amount=row["amount"] if approved else None,
                reasons="Meets the programme's criteria." if approved else "Not a priority.",
                decided_on=row["meeting"].date,
                recorded_by=self.officer,
            )

    def projects(self):
        approved = [row for row in self.plan if row["status"] == "approved"]
        decisions = dict(
            Decision.objects.filter(proposal_id__in=[row["pk"] for row in approved]).values_list(
                "proposal_id", "pk"
            )
        )
        _batched(
            Project,
            (
                Project(
                    proposal_id=row["pk"],
                    decision_id=decisions[row["pk"]],
                    reference=row["reference"],
                    title=f"Whole-family support {row['reference'][-5:]}",
                    kind=row["kind"],
                    lead_id=row["lead"],
                    lead_organisation_id=row["organisation"],
                    fund_id=self.funds[fy_for_date(row["meeting"].date)],
                    approved_amount=row["amount"],
                    cost_centre=f"SC{index:07d}",
                    start_date=row["start"],
                    end_date=row["end"],
                    status=Project.Status.COMPLETED
                    if row["end"] < self.today
                    else Project.Status.ACTIVE,
                )
                for index, row in enumerate(approved)
            ),
            Progress(self.stdout, "projects", len(approved)),
        )
        self.projects = list(
            Project.objects.filter(cost_centre__startswith="SC")
            .order_by("pk")
            .values_list("pk", "cost_centre", "start_date", "end_date", "approved_amount")
        )
        _batched(BudgetProfileLine, self._profile())
        targets = {row["pk"]: row["outcomes"] for row in approved}
        proposal_of = dict(
            Project.objects.filter(cost_centre__startswith="SC").values_list("pk", "proposal_id")
        )
        _batched(
            ProjectTarget,
            (
                ProjectTarget(project_id=pk, outcome_id=outcome, expected_families=60)
                for pk, *_rest in self.projects
                for outcome in targets[proposal_of[pk]]
            ),
        )

    def _profile(self):
        for pk, _code, start, end, amount in self.projects:
            quarters, day = [], start
            while day <= end:
                key = (fy_for_date(day), fy_quarter(day))
                if key not in quarters:
                    quarters.append(key)
                day += datetime.timedelta(days=28)
            each = (amount / len(quarters)).quantize(Decimal("0.01"))
            for index, (year, quarter) in enumerate(quarters):
                last = index == len(quarters) - 1
                yield BudgetProfileLine(
                    project_id=pk,
                    financial_year=year,
                    quarter=quarter,
                    amount=amount - each * (len(quarters) - 1) if last else each,
                )

    # The ledger and the families ------------------------------------------------------------
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
                    day = _day(self.rng, max(start, busy_start), min(end, busy_end))
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

        _batched(SpendLine, lines(), Progress(self.stdout, "ledger lines", total))

    def _outside_busy_year(self, start, end, busy_start, busy_end):
        end = min(end, self.today)
        before = (min(end, busy_start - datetime.timedelta(days=1)) - start).days
        after = (end - max(start, busy_end + datetime.timedelta(days=1))).days
        if before >= 0 and (after < 0 or self.rng.random() < 0.5):
            return _day(self.rng, start, min(end, busy_start - datetime.timedelta(days=1)))
        return _day(self.rng, max(start, busy_end + datetime.timedelta(days=1)), end)

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

    def _family(self, number, needs_count, projects):
        rng, today = self.rng, self.today
        latest = today - datetime.timedelta(days=30)
        support = None
        if rng.random() < 0.5 and projects:
            pk, _code, start, end, _amount = rng.choice(projects)
            plan = _day(rng, start, min(end, latest))
        else:
            pk, plan = None, _day(rng, datetime.date(FIRST_YEAR, 4, 1), latest)
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
                achieved = _day(rng, earliest, limit)
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

    def analyse(self):
        """Fresh planner statistics after a bulk load."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
