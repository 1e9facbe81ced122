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

from benchmarks.batches import BATCH, Progress, batched
from benchmarks.generate_records import LedgerAndFamilies
from benchmarks.sizes import DEMO_LEAD, DEMO_LEAD_SHARE, FIRST_YEAR, SCALES, VOTERS
from core.financial_years import fy_for_date, fy_name, fy_quarter
from core.search import index_rows
from demo.people import DEMO_PASSWORD
from evaluations.models import ProjectTarget
from governance.models import Decision
from programme import roles
from programme.models import Fund, Meeting, Membership, Organisation, Outcome, User
from programme.scheduling import meeting_dates
from projects.models import BudgetProfileLine, Project, SpendLine
from projects.reporting import refresh_slots
from proposals.models import BudgetLine, OutcomeTarget, Proposal, ProposalVersion

KINDS = ["funded_service"] * 5 + ["community"] * 2 + ["it", "research"]
SECTORS = [value for value, _label in Organisation.Sector.choices]


def _submitted(meeting):
    """When a seeded proposal was submitted: noon on its meeting's deadline."""
    return datetime.datetime.combine(meeting.submission_deadline, datetime.time(12), datetime.UTC)


class Generator(LedgerAndFamilies):
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
        self.search_index()
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
        batched(
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
        batched(BudgetLine, self._budget_lines())
        batched(
            OutcomeTarget,
            (
                OutcomeTarget(proposal_id=row["pk"], outcome_id=outcome, expected_families=60)
                for row in self.plan
                for outcome in row["outcomes"]
            ),
        )
        batched(ProposalVersion, self._versions())
        batched(Decision, self._decisions())
        self._dated()

    def _dated(self):
        """When each proposal was submitted and last changed, as its history has them: a bulk
        insert stamps every row with the time of the seed, which made the whole data set
        "changed in the last 7 days" and left the listing's submission order empty."""
        for meeting in self.meetings:
            placed = Proposal.objects.filter(meeting=meeting).exclude(status=Proposal.Status.DRAFT)
            placed.update(submitted_at=_submitted(meeting), updated_at=_submitted(meeting))
            decided = datetime.datetime.combine(meeting.date, datetime.time(17), datetime.UTC)
            placed.filter(status=Proposal.Status.DECIDED).update(updated_at=decided)

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
            yield ProposalVersion(
                proposal_id=row["pk"],
                number=1,
                submitted_at=_submitted(row["meeting"]),
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
        batched(
            Project,
            (
                Project(
                    proposal_id=row["pk"],
                    reference=row["reference"],
                    title=f"Whole-family support {row['reference'][-5:]}",
                    kind=row["kind"],
                    lead_id=row["lead"],
                    lead_organisation_id=row["organisation"],
                    fund_id=self.funds[fy_for_date(row["meeting"].date)],
                    approved_amount=row["amount"],
                    approved_on=row["meeting"].date,
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
        batched(BudgetProfileLine, self._profile())
        refresh_slots(Project.objects.filter(cost_centre__startswith="SC"))
        targets = {row["pk"]: row["outcomes"] for row in approved}
        proposal_of = dict(
            Project.objects.filter(cost_centre__startswith="SC").values_list("pk", "proposal_id")
        )
        batched(
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

    def search_index(self):
        """Bulk inserts fire no signals: index what search finds, as an import does."""
        for model in (Organisation, Proposal, Project, SpendLine):
            self.stdout.write(f"Indexing {model._meta.verbose_name_plural} for search")
            with transaction.atomic():
                index_rows(model.get_indexed_objects())

    def analyse(self):
        """Fresh planner statistics after a bulk load."""
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
