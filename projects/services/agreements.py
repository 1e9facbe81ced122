"""After approval: issuing the agreement a project draws its money under, the lead accepting
it, and each scheduled payment requested, approved and matched to the ledger line that paid
it. Keyword-only, one transaction, permission checked, audited."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.log_actions import log

from core.money import pounds
from programme.case_layouts import name_key
from programme.models import User
from projects.agreements import Instalment
from projects.models import (
    GrantAgreement,
    ProgressReport,
    Project,
    ScheduledPayment,
    SpendImport,
    SpendLine,
)
from projects.permissions import is_project_lead
from projects.services.closure import refuse_if_closed

Status = ScheduledPayment.Status


def conditions_of(project: Project) -> str:
    """The conditions of the group's approval in force, one a line, to carry into the
    agreement (read through the proposal's decisions: the governance layer sits above)."""
    decision = project.proposal.decisions.filter(outcome__startswith="approved").order_by("-pk")
    latest = decision.first()
    if latest is None:
        return ""
    return "\n".join(
        f"{text} (by {due:%-d %B %Y})"
        for text, due in latest.conditions.order_by("due_date", "pk").values_list(
            "text", "due_date"
        )
    )


def _check_schedule(project: Project, schedule: list[Instalment]) -> None:
    if not schedule:
        raise ValidationError("Add at least one payment to the schedule.")
    total = sum((line.amount for line in schedule), Decimal("0.00"))
    if total != project.approved_amount:
        raise ValidationError(
            f"The payments add up to {pounds(total)}; the approval is "
            f"{pounds(project.approved_amount)}. Make them equal."
        )
    for number, line in enumerate(schedule, start=1):
        if line.amount <= 0:
            raise ValidationError(f"Payment {number}: the amount must be more than £0.")
        if not project.start_date <= line.due_on <= project.end_date:
            raise ValidationError(
                f"Payment {number} is due {line.due_on:%-d %B %Y}, outside the project's dates "
                f"({project.start_date:%-d %B %Y} to {project.end_date:%-d %B %Y})."
            )


@transaction.atomic
def agreement_issue(
    *,
    user: User,
    project: Project,
    kind: str,
    schedule: list[Instalment],
    bank_details_checked: bool = False,
    today: datetime.date | None = None,
) -> GrantAgreement:
    """Issue the project's agreement for its approved amount with its payment schedule, the
    approval's conditions carried over. A grant to a partner needs the organisation's bank
    details checked first (recorded as done, by whom; the details are never kept here)."""
    if not user.has_perm("projects.add_grantagreement"):
        raise PermissionDenied("Only the programme team issues agreements.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    if GrantAgreement.objects.filter(project=project).exists():
        raise ValidationError(f"{project.reference} already has its agreement.")
    refuse_if_closed(project)
    if kind not in GrantAgreement.Kind.values:
        raise ValidationError("Choose a grant agreement or an internal budget transfer.")
    if kind == GrantAgreement.Kind.GRANT and not bank_details_checked:
        raise ValidationError(
            "Confirm the organisation's bank details have been checked before issuing a grant."
        )
    schedule = sorted(schedule, key=lambda line: line.due_on)
    _check_schedule(project, schedule)
    checked = kind == GrantAgreement.Kind.GRANT
    agreement = GrantAgreement.objects.create(
        project=project,
        kind=kind,
        amount=project.approved_amount,
        conditions=conditions_of(project),
        bank_details_checked_by=user if checked else None,
        bank_details_checked_on=(today or timezone.localdate()) if checked else None,
        issued_by=user,
        issued_at=timezone.now(),
    )
    ScheduledPayment.objects.bulk_create(
        ScheduledPayment(agreement=agreement, number=number, due_on=line.due_on, amount=line.amount)
        for number, line in enumerate(schedule, start=1)
    )
    log(
        agreement,
        "projects.agreement_issue",
        user=user,
        data={"kind": kind, "amount": str(agreement.amount), "payments": len(schedule)},
    )
    return agreement


@transaction.atomic
def agreement_accept(*, user: User, agreement: GrantAgreement) -> GrantAgreement:
    """The project's lead accepts the agreement on behalf of their organisation (or service)."""
    agreement = GrantAgreement.objects.select_for_update().get(pk=agreement.pk)
    if not is_project_lead(user, agreement.project):
        raise PermissionDenied("Only the project's leads can accept its agreement.")
    if agreement.accepted:
        raise ValidationError("This agreement has already been accepted.")
    agreement.status = GrantAgreement.Status.ACCEPTED
    agreement.accepted_by = user
    agreement.accepted_at = timezone.now()
    agreement.save(update_fields=["status", "accepted_by", "accepted_at"])
    log(agreement, "projects.agreement_accept", user=user)
    return agreement


@transaction.atomic
def payment_request(
    *, user: User, payment: ScheduledPayment, report: ProgressReport
) -> ScheduledPayment:
    """The lead asks for a scheduled payment, resting on a progress report of the project's."""
    payment = (
        ScheduledPayment.objects.select_for_update().select_related("agreement").get(pk=payment.pk)
    )
    project = payment.agreement.project
    if not is_project_lead(user, project):
        raise PermissionDenied("Only the project's leads can request its payments.")
    refuse_if_closed(project)
    if not payment.agreement.accepted:
        raise ValidationError("Accept the agreement first: no money is paid until it is accepted.")
    if payment.status != Status.SCHEDULED:
        raise ValidationError(
            f"Payment {payment.number} is already {payment.get_status_display().lower()}."
        )
    if report.project_id != project.pk:
        raise ValidationError("Choose one of this project's progress reports as the evidence.")
    payment.status = Status.REQUESTED
    payment.report = report
    payment.requested_by = user
    payment.requested_at = timezone.now()
    payment.save(update_fields=["status", "report", "requested_by", "requested_at"])
    log(payment, "projects.payment_request", user=user, data={"amount": str(payment.amount)})
    return payment


@transaction.atomic
def payment_approve(*, user: User, payment: ScheduledPayment) -> ScheduledPayment:
    """The programme team approves a requested payment for finance to pay."""
    if not user.has_perm("projects.add_grantagreement"):
        raise PermissionDenied("Only the programme team approves payments.")
    payment = ScheduledPayment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != Status.REQUESTED:
        raise ValidationError(f"Payment {payment.number} has not been requested.")
    if payment.requested_by_id == user.pk:
        raise ValidationError("Someone other than the person who requested it must approve it.")
    payment.status = Status.APPROVED
    payment.approved_by = user
    payment.approved_at = timezone.now()
    payment.save(update_fields=["status", "approved_by", "approved_at"])
    log(payment, "projects.payment_approve", user=user, data={"amount": str(payment.amount)})
    return payment


def _pay(payment: ScheduledPayment, line: SpendLine) -> None:
    payment.status = Status.PAID
    payment.spend_line = line
    payment.save(update_fields=["status", "spend_line"])


@transaction.atomic
def payment_match(
    *, user: User, payment: ScheduledPayment, transaction_number: str
) -> ScheduledPayment:
    """Finance names the ledger line that paid an approved payment, by its transaction number."""
    if not user.has_perm("projects.change_scheduledpayment"):
        raise PermissionDenied("Only finance and the programme team match payments.")
    payment = (
        ScheduledPayment.objects.select_for_update().select_related("agreement").get(pk=payment.pk)
    )
    if payment.status != Status.APPROVED:
        raise ValidationError(f"Payment {payment.number} is not approved and waiting to be paid.")
    project = payment.agreement.project
    lines = SpendLine.objects.filter(
        project=project, transaction_number=transaction_number.strip(), payment__isnull=True
    )
    line = lines.order_by("line_number").first()
    if line is None:
        raise ValidationError(
            f"No ledger line {transaction_number.strip()!r} on {project.cost_centre} is waiting "
            "for a payment. Import the ledger that holds it first."
        )
    if line.net_amount + line.irrecoverable_vat != payment.amount:
        raise ValidationError(
            f"Line {line.transaction_number} is "
            f"{pounds(line.net_amount + line.irrecoverable_vat)}; the payment is "
            f"{pounds(payment.amount)}."
        )
    _pay(payment, line)
    log(payment, "projects.payment_match", user=user, data={"transaction": line.transaction_number})
    return payment


NO_PAYMENT = "Paid to the grant's organisation with no approved payment of this amount"
NOT_ACCEPTED = "Paid before the project's agreement was accepted"


def payments_match_import(spend_import: SpendImport) -> int:
    """Inside the ledger import's transaction: match each approved payment of a project the
    import touched to a new line of that project paid to its lead organisation for exactly
    the amount (oldest approval first, earliest line first). Flag the new lines of a project
    whose agreement is not yet accepted, and payments to a grant's organisation no approved
    payment explains. Works project by project in a few statements each, however many lines
    the import brought. Returns how many payments were matched."""
    new_lines = SpendLine.objects.filter(spend_import=spend_import)
    agreements = GrantAgreement.objects.filter(
        project__in=new_lines.values("project")
    ).select_related("project__lead_organisation")
    matched = 0
    for agreement in agreements:
        lines = new_lines.filter(project=agreement.project_id)
        grantee = name_key(agreement.project.lead_organisation.name)
        to_grantee = [
            supplier
            for supplier in lines.order_by().values_list("supplier", flat=True).distinct()
            if name_key(supplier) == grantee
        ]
        paid = _match_payments(agreement, lines.filter(supplier__in=to_grantee))
        matched += len(paid)
        unexplained = lines.filter(attention="").exclude(pk__in=paid)
        if not agreement.accepted:
            unexplained.update(attention=NOT_ACCEPTED)
        elif agreement.kind == GrantAgreement.Kind.GRANT:
            unexplained.filter(supplier__in=to_grantee).update(attention=NO_PAYMENT)
    return matched


def _match_payments(agreement: GrantAgreement, to_grantee: QuerySet[SpendLine]) -> list[int]:
    """Pay the agreement's approved payments from the lines of exactly their amounts; the
    lines that paid them."""
    waiting = list(
        ScheduledPayment.objects.select_for_update()
        .filter(agreement=agreement, status=Status.APPROVED)
        .order_by("approved_at", "pk")
    )
    if not waiting:
        return []
    paid = []
    lines = to_grantee.order_by("date", "transaction_number", "line_number")
    for line in lines.iterator(chunk_size=1000):
        amount = line.net_amount + line.irrecoverable_vat
        payment = next((p for p in waiting if p.amount == amount), None)
        if payment is None:
            continue
        waiting.remove(payment)
        _pay(payment, line)
        log(
            payment,
            "projects.payment_match",
            user=None,
            data={"transaction": line.transaction_number},
        )
        paid.append(line.pk)
        if not waiting:
            break
    return paid
