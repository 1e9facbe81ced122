import csv
import datetime
import io
from decimal import Decimal

import factory
from django.contrib.auth.models import Group

from evaluations.family_csv import EXPORT_HEADER
from programme import roles
from programme.models import (
    Criterion,
    Fund,
    Meeting,
    Membership,
    Organisation,
    Outcome,
    Priority,
    User,
)
from projects import services as project_services
from projects.agreements import Instalment
from projects.selectors.variations import current_plan
from proposals import services as proposal_services
from proposals.models import BudgetLine, CriterionAnswer, OutcomeTarget, Proposal

PASSWORD = "a-long-test-password-1"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Partner organisation {n}")
    sector = Organisation.Sector.VOLUNTARY


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@families.example")
    # Plain names: a Faker name such as O'Brien is escaped in HTML, which made page assertions
    # on a person's name fail now and then.
    first_name = factory.Iterator(["Alex", "Sam", "Jo", "Chris", "Priya", "Tariq", "Megan"])
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    organisation = factory.SubFactory(OrganisationFactory)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory, role=roles.GROUP_MEMBERS)
    organisation = factory.SubFactory(OrganisationFactory, on_strategic_group=True)
    role = Membership.Role.MEMBER
    start_date = datetime.date(2024, 4, 1)


class PriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Priority

    title = factory.Sequence(lambda n: f"Priority {n}")


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    title = factory.Sequence(lambda n: f"Criterion {n}")
    guidance = "Show how the proposal meets this."


class FundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Fund

    name = factory.Sequence(lambda n: f"Fund {n}")
    financial_year = "2025-26"
    total_budget = Decimal("1000000.00")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    date = factory.Sequence(lambda n: datetime.date(2030, 1, 9) + datetime.timedelta(weeks=8 * n))


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"FP-2030-{n + 1:03d}")
    kind = Proposal.Kind.FUNDED_SERVICE
    title = factory.Sequence(lambda n: f"Proposal {n}")
    lead = factory.SubFactory(UserFactory, role=roles.PROJECT_LEADS)
    lead_organisation = factory.SelfAttribute("lead.organisation")


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    proposal = factory.SubFactory(ProposalFactory)
    financial_year = "2030-31"
    cost_type = BudgetLine.CostType.STAFF
    description = "Family support worker"
    amount = Decimal("25000.00")


def complete_proposal(lead=None, **fields):
    """A draft with every required section answered, ready to submit."""
    proposal = ProposalFactory(
        **({"lead": lead, "lead_organisation": lead.organisation} if lead else {}),
        **{
            "summary": "Outreach family support for school-age children.",
            "need_and_evidence": "Attendance data shows 400 families with three or more needs.",
            "whole_family_approach": "One lead worker and one family plan for the whole family.",
            "delivery_start": datetime.date(2030, 4, 1),
            "delivery_end": datetime.date(2031, 3, 31),
            "sustainability": "Mainstreamed into the Early Help offer from 2031.",
            **fields,
        },
    )
    proposal.priorities.add(Priority.objects.first() or PriorityFactory())
    OutcomeTarget.objects.create(
        proposal=proposal, outcome=Outcome.objects.get(number=1), expected_families=120
    )
    BudgetLineFactory(proposal=proposal)
    for criterion in Criterion.objects.filter(is_active=True):
        CriterionAnswer.objects.create(
            proposal=proposal, criterion=criterion, answer="Yes, as set out in the summary."
        )
    return proposal


class ProjectFactory(factory.django.DjangoModelFactory):
    """A project without the decision trail: for ledger and export tests."""

    class Meta:
        model = "projects.Project"

    proposal = factory.SubFactory(ProposalFactory, status=Proposal.Status.DECIDED)
    reference = factory.SelfAttribute("proposal.reference")
    title = factory.SelfAttribute("proposal.title")
    kind = "funded_service"
    lead = factory.SelfAttribute("proposal.lead")
    lead_organisation = factory.SelfAttribute("proposal.lead_organisation")
    approved_amount = Decimal("50000.00")
    approved_on = datetime.date(2026, 3, 11)
    cost_centre = factory.Sequence(lambda n: f"FP9{n:06d}")
    start_date = datetime.date(2026, 4, 1)
    end_date = datetime.date(2027, 3, 31)


class SpendLineFactory(factory.django.DjangoModelFactory):
    """A ledger line on a project's cost centre."""

    class Meta:
        model = "projects.SpendLine"

    project = factory.SubFactory(ProjectFactory)
    transaction_number = factory.Sequence(lambda n: f"T{n:07d}")
    date = datetime.date(2026, 6, 1)
    supplier = "Acme Ltd"
    description = "Work"
    cost_centre = factory.SelfAttribute("project.cost_centre")
    expense_type = "Staff"
    net_amount = Decimal("100.00")
    irrecoverable_vat = Decimal("0.00")


# The case-management export's heading without its optional role column.
FAMILY_HEADER = [heading for heading in EXPORT_HEADER if heading != "Lead Practitioner Role"]


def family_rows_csv(rows, header=FAMILY_HEADER):
    """A case-management export: a header row and one row per need, as bytes."""

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def need_rows(reference, plan_start, closed, outcomes, projects="", organisation="",
              achieved="", sustained=""):  # fmt: skip
    """One row per outcome for one case, with the same dates on each."""
    return [
        [
            reference,
            plan_start,
            closed,
            organisation,
            outcome,
            plan_start,
            achieved,
            sustained,
            projects,
        ]  # fmt: skip
        for outcome in outcomes
    ]


def add_co_lead(proposal, person):
    """``person`` (a project lead) co-leads ``proposal``: invited by its lead, and accepted."""
    invitation = proposal_services.co_lead_invite(
        user=proposal.lead, proposal=proposal, email=person.email
    )
    proposal_services.co_lead_accept(user=person, invitation=invitation)


class ProgressReportFactory(factory.django.DjangoModelFactory):
    """A quarter's progress report, sent by the project's lead."""

    class Meta:
        model = "projects.ProgressReport"

    project = factory.SubFactory(ProjectFactory)
    financial_year = "2026-27"
    quarter = 1
    narrative = "Twelve families started with the family worker."
    rag = "green"
    families_supported = 12
    submitted_by = factory.SelfAttribute("project.lead")


def issue_agreement(project, officer, *, kind="grant", amounts=None, accept=True):
    """The project's agreement issued by ``officer`` with payments of ``amounts`` (halves of
    the approval by default), a quarter apart from the start, and accepted by its lead."""
    amounts = amounts or [project.approved_amount / 2, project.approved_amount / 2]
    schedule = [
        Instalment(due_on=project.start_date + datetime.timedelta(days=91 * n), amount=amount)
        for n, amount in enumerate(amounts)
    ]
    agreement = project_services.agreement_issue(
        user=officer, project=project, kind=kind, schedule=schedule, bank_details_checked=True
    )
    if accept:
        project_services.agreement_accept(user=project.lead, agreement=agreement)
    return agreement


PLANNED_QUARTERS = ["2030-31 Q1", "2030-31 Q2", "2030-31 Q3", "2030-31 Q4"]


def planned_project():
    """A £100,000 project for 2030-31: £25,000 a quarter, £60,000 of staff and £40,000 of IT."""
    project = ProjectFactory(
        approved_amount=Decimal("100000.00"),
        start_date=datetime.date(2030, 4, 1),
        end_date=datetime.date(2031, 3, 31),
        proposal__summary="Outreach family support.",
    )
    for quarter in range(1, 5):
        project.profile.create(financial_year="2030-31", quarter=quarter, amount=Decimal("25000"))
    BudgetLineFactory(proposal=project.proposal, amount=Decimal("60000.00"))
    BudgetLineFactory(proposal=project.proposal, cost_type="it", amount=Decimal("40000.00"))
    return project


def ask_variation(project, user=None, **changes):
    """The lead (or ``user``) asks for the plan in force with ``changes``."""
    plan = current_plan(project)
    values = {
        "start_date": datetime.date.fromisoformat(plan["start_date"]),
        "end_date": datetime.date.fromisoformat(plan["end_date"]),
        "profile": {key: Decimal(amount) for key, amount in plan["profile"].items()},
        "budget": {key: Decimal(amount) for key, amount in plan["budget"].items()},
        "scope": plan["scope"],
        "reasons": "The worker started late.",
    }
    values.update(changes)
    return project_services.variation_request(user=user or project.lead, project=project, **values)


def profile_moved(amount, out="2030-31 Q1", into="2030-31 Q4"):
    """The planned project's profile with ``amount`` moved from one quarter to another."""
    profile = dict.fromkeys(PLANNED_QUARTERS, Decimal("25000.00"))
    profile[out] -= amount
    profile[into] += amount
    return profile
