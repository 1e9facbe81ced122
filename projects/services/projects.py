"""Changes to a project and its plan: keyword-only, one transaction, permission checked,
audited."""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from core.money import to_money
from core.profiles import scale_to
from programme.models import Fund, User
from projects.models import BudgetProfileLine, Milestone, Project, Variation
from projects.quarters import approval_profile
from projects.selectors.variations import current_plan
from projects.services.closure import refuse_if_closed
from projects.services.variations import record_team_reprofile, replace_profile
from projects.variations import quarter_key
from proposals.models import Proposal


def cost_centre_for(reference: str) -> str:
    return "FP" + re.sub(r"\D", "", reference)


@transaction.atomic
def project_follow_decision(
    *,
    by: User | None,
    proposal: Proposal,
    approved_amount: Decimal | None,
    fund: Fund | None,
    decided_on: datetime.date,
    decision: str,
) -> tuple[Project | None, bool]:
    """What the group's decision on a proposal does to its project: (the project, whether it
    is new). An approval (``approved_amount``) creates the project once; a later approval, a
    correction, changes its amount and rescales its profile; a decision that approves nothing
    withdraws it and closes it. Called by the group's decision services, in their transaction
    and after their permission checks; ``decision`` names the decision in the audit log."""
    project = Project.objects.select_for_update().filter(proposal=proposal).first()
    if project is None:
        if approved_amount is None:
            return None, False
        start, end, profile = approval_profile(proposal, approved_amount, decided_on)
        project = Project.objects.create(
            proposal=proposal,
            reference=proposal.reference,
            title=proposal.title,
            kind=proposal.kind,
            lead=proposal.lead,
            lead_organisation=proposal.lead_organisation,
            lead_officer=proposal.screener,
            fund=fund,
            approved_amount=approved_amount,
            approved_on=decided_on,
            cost_centre=cost_centre_for(proposal.reference),
            start_date=start,
            end_date=end,
        )
        replace_profile(project, profile)
        log(project, "wagtail.create", user=by, data={"decision": decision})
        return project, True
    if approved_amount is not None:
        project.approved_amount = approved_amount
        project.approved_on = decided_on
        project.withdrawn = False
        project.save(update_fields=["approved_amount", "approved_on", "withdrawn", "updated_at"])
        lines = list(project.profile.order_by("financial_year", "quarter"))
        amounts = scale_to([line.amount for line in lines], project.approved_amount)
        replace_profile(
            project,
            {
                (line.financial_year, line.quarter): amount
                for line, amount in zip(lines, amounts, strict=True)
            },
        )
    else:
        project.withdrawn = True
        project.status = Project.Status.CLOSED
        project.save(update_fields=["withdrawn", "status", "updated_at"])
    log(project, "projects.decision_changed", user=by, data={"decision": decision})
    return project, False


@transaction.atomic
def budget_profile_set(
    *,
    user: User,
    project: Project,
    cells: dict[tuple[str, int], Decimal | None],
    reason: str = "",
) -> Variation | None:
    """Replace the profile: ``cells`` maps (financial year, quarter) to an amount. Refused,
    saying by how much, unless it sums exactly to the approved amount. Changing a profile
    already set is a variation the team asks for, with a reason: agreed at once (the plan's
    next version) within the group's delegation, referred to the group's next meeting beyond
    it, when the profile stays as it is until the group agrees. Returns that variation."""
    if not user.has_perm("projects.change_project"):
        raise PermissionDenied("Only the programme team can change a budget profile.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    refuse_if_closed(project)
    before = {
        (line.financial_year, line.quarter): line.amount
        for line in project.profile.all()
        if line.amount
    }
    profile = {key: to_money(amount) for key, amount in cells.items() if amount}
    total = sum(profile.values(), to_money(0))
    if total != project.approved_amount:
        difference = total - project.approved_amount
        raise ValidationError(
            f"The profile totals £{total:,.2f}, which is £{abs(difference):,.2f} "
            f"{'more' if difference > 0 else 'less'} than the £{project.approved_amount:,.2f} "
            "approved."
        )
    for (financial_year, quarter), amount in profile.items():
        BudgetProfileLine(
            project=project, financial_year=financial_year, quarter=quarter, amount=amount
        ).full_clean(exclude=["project"])
    if before and before != profile:
        if not reason.strip():
            raise ValidationError({"reason": "Say why the profile changes: it is recorded."})
        plan = current_plan(project)
        after = {
            **plan,
            "profile": {quarter_key(*key): str(amount) for key, amount in sorted(profile.items())},
        }
        return record_team_reprofile(
            user=user, project=project, before=plan, after=after, reason=reason.strip()
        )
    replace_profile(project, profile)
    log(
        project,
        "projects.budget_profile",
        user=user,
        data={"total": str(total)},
    )
    return None


@transaction.atomic
def milestones_set(*, user: User, project: Project, milestones: list[dict]) -> Project:
    """Replace the project's milestones with ``milestones``: dicts of id (None for a new one),
    title, due_date and met_on. Milestones a progress report recorded as met are kept."""
    if not user.has_perm("projects.change_milestone"):
        raise PermissionDenied("Only the programme team can change a project's milestones.")
    project = Project.objects.select_for_update().get(pk=project.pk)
    refuse_if_closed(project)
    existing = {m.pk: m for m in project.milestones.all()}
    kept = set()
    for values in milestones:
        milestone = existing.get(values.get("id") or 0) or Milestone(project=project)
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
