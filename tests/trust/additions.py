"""What the permission matrix's world adds to the demo, so that every URL has something to
act on: payments at each stage, a claim being audited, a variation waiting for the team, a
workbook ready, someone else's interest and a ledger line needing attention."""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile

from core.financial_years import current_fy, fy_bounds, fy_name, fy_start_year
from evaluations.services import claim_build
from exports.models import WorkbookRun
from exports.runs import storage
from programme.models import Interest, User
from projects import services as project_services
from projects.attention import needing_attention
from projects.models import GrantAgreement, ProgressReport, ScheduledPayment, SpendLine, Variation
from projects.selectors.variations import current_plan
from tests.factories import UserFactory, ask_variation, issue_agreement


def payments(project, officer):
    """The project's agreement (the demo's, accepted with its first payment requested), its
    first payment requested, its second approved (with a ledger line that paid it, not yet
    matched) and its third scheduled."""
    agreement = GrantAgreement.objects.filter(project=project).first()
    if agreement is None:
        third = (project.approved_amount / 3).quantize(Decimal("0.01"))
        agreement = issue_agreement(
            project, officer, amounts=[project.approved_amount - 2 * third, third, third]
        )
    report = ProgressReport.objects.filter(project=project).order_by("pk").first()
    first, second, third_payment = agreement.payments.order_by("number")[:3]
    for payment in (first, second):
        if payment.status == ScheduledPayment.Status.SCHEDULED:
            project_services.payment_request(user=project.lead, payment=payment, report=report)
    project_services.payment_approve(user=officer, payment=second)
    second.refresh_from_db()
    SpendLine.objects.create(
        project=project,
        transaction_number="T-WORLD-PAY",
        date=project.start_date,
        supplier="BACS",
        description="Grant payment 2",
        cost_centre=project.cost_centre,
        net_amount=second.amount,
        irrecoverable_vat=Decimal("0.00"),
    )
    return [first, second, third_payment]


def claim(officer):
    """A claim being audited: the last financial year's successful family outcomes."""
    start, _end = fy_bounds(fy_name(fy_start_year(current_fy()) - 1))
    return claim_build(
        user=officer,
        name="Claim for last year",
        window_start=start,
        window_end=start.replace(year=start.year + 1) - datetime.timedelta(days=1),
    )


def variation(project):
    """A variation to the project waiting for the programme team: the demo's, or a small
    re-profile its lead asks for."""
    waiting = project.variations.filter(status=Variation.Status.REQUESTED).first()
    if waiting is not None:
        return waiting
    project.variations.filter(status=Variation.Status.REFERRED).update(
        status=Variation.Status.WITHDRAWN
    )
    profile = {key: Decimal(amount) for key, amount in current_plan(project)["profile"].items()}
    first, last = min(profile), max(profile)
    profile[first] -= Decimal("100.00")
    profile[last] += Decimal("100.00")
    return ask_variation(project, profile=profile, reasons="A venue booking moved.")


def finances_workbook():
    """An all-years workbook finance asked for, written and waiting to be downloaded."""
    return WorkbookRun.objects.create(
        requested_by=User.objects.get(email="finance@families.example"),
        query="financial_year=",
        status=WorkbookRun.Status.DONE,
        file=storage().save("workbooks/world.xlsx", ContentFile(b"PK\x03\x04")),
    )


def someone_elses_interest():
    """An entry on the register held by a member who is none of the roles tried."""
    outsider = UserFactory()
    return Interest.objects.create(
        member=outsider, description="Trustee", registered_on=datetime.date(2025, 4, 1)
    )


def flagged_line():
    """A ledger line on finance's "needs attention" list: the demo's, or one made so."""
    flagged = needing_attention().first()
    if flagged is None:
        flagged = SpendLine.objects.order_by("pk").first()
        SpendLine.objects.filter(pk=flagged.pk).update(attention="Charged to a closed project")
    return flagged
