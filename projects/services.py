"""Every change to a project: keyword-only, one transaction, permission checked, audited."""

import datetime
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.money import to_money
from projects.models import BudgetProfileLine, Milestone, ProgressReport, Project
from projects.permissions import can_report
from projects.profiles import profile_from_budget, scale_to
from projects.reporting import quarters_reported_on


def cost_centre_for(reference):
    return "FP" + re.sub(r"\D", "", reference)


@transaction.atomic
def project_from_decision(*, decision):
    """An approval creates the project (once); a correction changes its amount and rescales
    its profile, or closes it when the approval is withdrawn."""
    proposal = decision.proposal
    project = Project.objects.select_for_update().filter(proposal=proposal).first()
    if project is None:
        if not decision.is_approval:
            return None
        start = proposal.delivery_start or decision.decided_on
        project = Project.objects.create(
            proposal=proposal,
            decision=decision,
            reference=proposal.reference,
            title=proposal.title,
            kind=proposal.kind,
            lead=proposal.lead,
            lead_organisation=proposal.lead_organisation,
            fund=decision.fund,
            approved_amount=decision.approved_amount,
            cost_centre=cost_centre_for(proposal.reference),
            start_date=start,
            end_date=proposal.delivery_end or start + datetime.timedelta(days=364),
        )
        version = proposal.versions.order_by("-number").first()
        budget = [
            (line["financial_year"], to_money(line["amount"]))
            for line in version.snapshot["budget_lines"]
        ]
        _write_profile(project, profile_from_budget(budget, project.approved_amount))
        log(project, "wagtail.create", user=decision.recorded_by, data={"decision": str(decision)})
        return project
    if decision.is_approval:
        project.decision = decision
        project.approved_amount = decision.approved_amount
        project.save(update_fields=["decision", "approved_amount"])
        lines = list(project.profile.order_by("financial_year", "quarter"))
        amounts = scale_to([line.amount for line in lines], project.approved_amount)
        _write_profile(
            project,
            {
                (line.financial_year, line.quarter): amount
                for line, amount in zip(lines, amounts, strict=True)
            },
        )
    else:
        project.decision = decision
        project.status = Project.Status.CLOSED
        project.save(update_fields=["decision", "status"])
    log(
        project,
        "projects.decision_changed",
        user=decision.recorded_by,
        data={"decision": str(decision)},
    )
    return project


def _write_profile(project, cells):
    project.profile.all().delete()
    BudgetProfileLine.objects.bulk_create(
        BudgetProfileLine(project=project, financial_year=fy, quarter=quarter, amount=amount)
        for (fy, quarter), amount in sorted(cells.items())
    )


@transaction.atomic
def budget_profile_set(*, user, project, cells):
    """Replace the profile: ``cells`` maps (financial year, quarter) to an amount. Refused,
    saying by how much, unless it sums exactly to the approved amount."""
    if not user.has_perm("projects.change_project"):
        raise PermissionDenied("Only the programme team can change a budget profile.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    cells = {key: to_money(amount) for key, amount in cells.items() if amount}
    total = sum(cells.values(), to_money(0))
    if total != project.approved_amount:
        difference = total - project.approved_amount
        raise ValidationError(
            f"The profile totals £{total:,.2f}, which is £{abs(difference):,.2f} "
            f"{'more' if difference > 0 else 'less'} than the £{project.approved_amount:,.2f} "
            "approved."
        )
    for (financial_year, quarter), amount in cells.items():
        BudgetProfileLine(
            project=project, financial_year=financial_year, quarter=quarter, amount=amount
        ).full_clean(exclude=["project"])
    _write_profile(project, cells)
    log(project, "projects.budget_profile", user=user, data={"total": str(total)})
    return project


@transaction.atomic
def milestones_set(*, user, project, milestones):
    """Replace the project's milestones with ``milestones``: dicts of id (None for a new one),
    title, due_date and met_on. Milestones a progress report recorded as met are kept."""
    if not user.has_perm("projects.change_milestone"):
        raise PermissionDenied("Only the programme team can change a project's milestones.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    existing = {m.pk: m for m in project.milestones.all()}
    kept = set()
    for values in milestones:
        milestone = existing.get(values.get("id")) or Milestone(project=project)
        milestone.title = values["title"]
        milestone.due_date = values["due_date"]
        milestone.met_on = values.get("met_on")
        milestone.full_clean()
        milestone.save()
        kept.add(milestone.pk)
    dropped = [m for pk, m in existing.items() if pk not in kept]
    reported = [m.title for m in dropped if m.reports.exists()]
    if reported:
        raise ValidationError(
            f"'{reported[0]}' is recorded as met in a progress report and cannot be removed."
        )
    Milestone.objects.filter(pk__in=[m.pk for m in dropped]).delete()
    log(project, "projects.milestones", user=user, data={"milestones": len(kept)})
    return project


@transaction.atomic
def progress_report_submit(
    *,
    user,
    project,
    financial_year,
    quarter,
    narrative,
    rag,
    families_supported,
    risks="",
    milestones_met=(),
    today=None,
):
    """File the report for a quarter that has ended. One report a quarter; it sets the
    project's RAG rating and marks the milestones it met."""
    today = today or timezone.localdate()
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not can_report(user, project):
        raise PermissionDenied("Only the project's leads can report on it.")
    owed = {(due.financial_year, due.quarter) for due in quarters_reported_on(project, today)}
    if (financial_year, quarter) not in owed:
        raise ValidationError(
            f"No report is due for Q{quarter} {financial_year}: the quarter has not ended or "
            "the project was not running then."
        )
    milestones = list(project.milestones.filter(pk__in=[m.pk for m in milestones_met]))
    report = ProgressReport(
        project=project,
        financial_year=financial_year,
        quarter=quarter,
        narrative=narrative,
        rag=rag,
        risks=risks,
        families_supported=families_supported,
        submitted_by=user,
    )
    report.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            report.save()
    except IntegrityError as error:
        raise ValidationError(
            f"The report for Q{quarter} {financial_year} has already been filed."
        ) from error
    report.milestones_met.set(milestones)
    Milestone.objects.filter(pk__in=[m.pk for m in milestones], met_on__isnull=True).update(
        met_on=today
    )
    project.rag = rag
    project.save(update_fields=["rag", "updated_at"])
    log(report, "projects.progress_report", user=user, data={"rag": rag})
    return report
