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
from benchmarks.generate_proposals import ProposalsAndDecisions
from benchmarks.generate_records import LedgerAndFamilies
from benchmarks.sizes import FIRST_YEAR, SCALES, VOTERS
from core.financial_years import fy_for_date, fy_name, fy_quarter
from core.search import index_rows
from demo.people import DEMO_PASSWORD
from evaluations.models import ProjectTarget
from programme import roles
from programme.models import Fund, Meeting, Membership, Organisation, User
from programme.scheduling import meeting_dates
from projects.models import BudgetProfileLine, Project, SpendLine
from projects.reporting import refresh_slots
from proposals.models import Proposal

SECTORS = [value for value, _label in Organisation.Sector.choices]


class Generator(ProposalsAndDecisions, LedgerAndFamilies):
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

    # Projects ----------------------------------------------------------------------------
    def projects(self):
        approved = [row for row in self.plan if row["status"] == "approved"]
        batched(
            Project,
            (
                Project(
                    proposal_id=row["pk"],
                    reference=row["reference"],
                    title=row["title"],
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
        """Fresh planner statistics after a bulk load and, on PostgreSQL, the visibility map
        autovacuum keeps on a settled database: without it an index-only scan (the proposals'
        status counts) reads every row from the table, 58 ms where it takes 3. VACUUM cannot
        run in a transaction, so a generation inside one (the tests') is analysed only."""
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
