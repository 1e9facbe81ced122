"""Variations to a project's plan: asked for by its lead (or recorded by the programme team),
decided by the team within the group's delegation or referred to the group's next meeting,
and, once agreed, a new version of the plan. Keyword-only, one transaction, permission
checked, audited."""

import datetime
from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.money import pounds, to_money
from programme.models import Meeting, User
from projects.models import BudgetProfileLine, Project, Variation
from projects.permissions import can_ask_for_variation
from projects.selectors.variations import current_plan, plan_version, waiting_variation
from projects.services.closure import refuse_if_closed
from projects.variations import delegation, money_moved, plan_changes, quarter_bounds

Status = Variation.Status


def replace_profile(project: Project, cells: Mapping[tuple[str, int], Decimal]) -> None:
    """Write the project's budget profile afresh: {(financial year, quarter): amount}."""
    project.profile.all().delete()
    BudgetProfileLine.objects.bulk_create(
        BudgetProfileLine(project=project, financial_year=fy, quarter=quarter, amount=amount)
        for (fy, quarter), amount in sorted(cells.items())
    )


def _cells(plan: dict) -> dict[tuple[str, int], Decimal]:
    cells = {}
    for key, amount in plan["profile"].items():
        year, quarter = key.split(" Q")
        cells[(year, int(quarter))] = to_money(amount)
    return cells


def _spread(
    name: str, label: str, amounts: Mapping[str, Decimal | None], approved: Decimal
) -> dict[str, str]:
    """Amounts as the plan keeps them (pounds and pence as text, no empty cells), refused
    unless each is £0 or more and together they make the approval exactly."""
    spread = {}
    for key, amount in amounts.items():
        if amount is None or amount == 0:
            continue
        if amount < 0:
            raise ValidationError({name: f"{label}: {key} cannot be less than £0"})
        spread[key] = str(to_money(amount))
    total = sum((Decimal(amount) for amount in spread.values()), Decimal("0.00"))
    if total != approved:
        difference = total - approved
        raise ValidationError(
            {
                name: f"{label} totals {pounds(total)}, which is {pounds(abs(difference))} "
                f"{'more' if difference > 0 else 'less'} than the {pounds(approved)} approved"
            }
        )
    return spread


def _proposed(
    project: Project,
    start_date: datetime.date,
    end_date: datetime.date,
    profile: Mapping[str, Decimal | None],
    budget: Mapping[str, Decimal | None],
    scope: str,
) -> dict:
    if end_date < start_date:
        raise ValidationError({"end_date": "The end date must be on or after the start date"})
    after = {
        "start_date": start_date.isoformat(),
        "end_date": end_date.isoformat(),
        "profile": _spread("profile", "The profile", profile, project.approved_amount),
        "budget": _spread("budget", "The budget lines", budget, project.approved_amount),
        "scope": scope.strip(),
    }
    for key in after["profile"]:
        first, last = quarter_bounds(key)
        if last < start_date or first > end_date:
            raise ValidationError(
                {"profile": f"{key} is outside the project's dates: move its money or the dates"}
            )
    if not after["scope"]:
        raise ValidationError({"scope": "Say what the project will deliver"})
    return after


def _refuse_if_waiting(project: Project) -> None:
    """One variation to a project at a time: each is judged against the plan in force."""
    if waiting_variation(project) is not None:
        raise ValidationError(
            "A variation to this project is already waiting for a decision: it is decided, or "
            "withdrawn, before another is asked for or the profile changed."
        )


def _next_meeting(today: datetime.date) -> Meeting | None:
    """The next meeting whose agenda is still open: a referred variation goes on it."""
    return (
        Meeting.objects.filter(date__gt=today, status=Meeting.Status.SCHEDULED)
        .order_by("date")
        .first()
    )


@transaction.atomic
def variation_request(
    *,
    user: User,
    project: Project,
    reasons: str,
    start_date: datetime.date,
    end_date: datetime.date,
    profile: Mapping[str, Decimal | None],
    budget: Mapping[str, Decimal | None],
    scope: str,
    today: datetime.date | None = None,
) -> Variation:
    """Ask for the plan to change to the one given: the dates, the profile ({"2026-27 Q1":
    amount}), the budget lines ({cost type: amount}) and the scope. Within the delegation it
    waits for the programme team; beyond it, it is referred to the group's next meeting."""
    if not can_ask_for_variation(user, project):
        raise PermissionDenied(
            "Only the project's leads and the programme team ask for variations."
        )
    project = Project.objects.select_for_update().get(pk=project.pk)
    refuse_if_closed(project)
    if project.withdrawn:
        raise ValidationError("The group's approval was withdrawn: the project cannot vary.")
    _refuse_if_waiting(project)
    if not reasons.strip():
        raise ValidationError({"reasons": "Say why the project needs to change"})
    before = current_plan(project)
    after = _proposed(project, start_date, end_date, profile, budget, scope)
    if not plan_changes(before, after):
        raise ValidationError("Nothing changes: change the dates, profile, budget or scope.")
    return _record(project, user, before, after, reasons.strip(), today or timezone.localdate())


def _record(
    project: Project, user: User, before: dict, after: dict, reasons: str, today: datetime.date
) -> Variation:
    """A variation asked for: waiting for the programme team within its delegation, referred
    to the group's next meeting beyond it."""
    route, why = delegation(project.approved_amount, before, after)
    within = route == Variation.Route.DELEGATED
    variation = Variation.objects.create(
        project=project,
        status=Status.REQUESTED if within else Status.REFERRED,
        route=route,
        route_reason=why,
        reasons=reasons,
        requested_by=user,
        requested_at=timezone.now(),
        before=before,
        after=after,
        changes=plan_changes(before, after),
        money_moved=money_moved(before, after),
        meeting=None if within else _next_meeting(today),
    )
    log(
        project,
        "projects.variation_request",
        user=user,
        data={"variation": variation.pk, "route": route, "changes": variation.changes},
    )
    return variation


def _apply(variation: Variation, user: User | None, on: datetime.date, note: str) -> Variation:
    """Make the variation the plan: the project's dates and profile change (so the fund
    position follows), and it becomes the plan's next version."""
    project = Project.objects.select_for_update().get(pk=variation.project_id)
    refuse_if_closed(project)
    if current_plan(project) != variation.before:
        raise ValidationError(
            "The project's plan has changed since this variation was asked for: refuse it, "
            "and the lead asks again against the plan as it stands."
        )
    project.start_date = datetime.date.fromisoformat(variation.after["start_date"])
    project.end_date = datetime.date.fromisoformat(variation.after["end_date"])
    project.save(update_fields=["start_date", "end_date", "updated_at"])
    replace_profile(project, _cells(variation.after))
    variation.version = plan_version(project) + 1
    variation.status = Status.AGREED
    variation.decided_by = user
    variation.decided_on = on
    variation.decision_note = note.strip()
    variation.save()
    log(
        project,
        "projects.variation_agree",
        user=user,
        data={"variation": variation.pk, "version": variation.version, "note": note.strip()},
    )
    return variation


def _refuse(variation: Variation, user: User | None, on: datetime.date, note: str) -> Variation:
    if not note.strip():
        raise ValidationError({"note": "Say why the variation is refused: the lead is told"})
    variation.status = Status.REFUSED
    variation.decided_by = user
    variation.decided_on = on
    variation.decision_note = note.strip()
    variation.save()
    log(
        variation.project,
        "projects.variation_refuse",
        user=user,
        data={"variation": variation.pk, "note": note.strip()},
    )
    return variation


def _locked(variation: Variation) -> Variation:
    return Variation.objects.select_for_update().select_related("project").get(pk=variation.pk)


@transaction.atomic
def variation_decide(
    *,
    user: User,
    variation: Variation,
    agree: bool,
    note: str = "",
    today: datetime.date | None = None,
) -> Variation:
    """The programme team's decision on a variation within its delegation, by someone other
    than whoever asked for it."""
    if not user.has_perm("projects.change_project"):
        raise PermissionDenied("Only the programme team decides variations.")
    variation = _locked(variation)
    if variation.status != Status.REQUESTED:
        raise ValidationError(
            f"This variation is {variation.get_status_display().lower()}: it is not the "
            "programme team's to decide."
        )
    if variation.requested_by_id == user.pk:
        raise PermissionDenied("Someone other than whoever asked for a variation decides it.")
    on = today or timezone.localdate()
    return _apply(variation, user, on, note) if agree else _refuse(variation, user, on, note)


@transaction.atomic
def variation_withdraw(*, user: User, variation: Variation) -> Variation:
    """Whoever may ask for a variation may withdraw it until it is decided."""
    variation = _locked(variation)
    if not can_ask_for_variation(user, variation.project):
        raise PermissionDenied("Only the project's leads and the programme team withdraw it.")
    if not variation.is_open:
        raise ValidationError("Only a variation waiting for a decision can be withdrawn.")
    variation.status = Status.WITHDRAWN
    variation.save(update_fields=["status"])
    log(
        variation.project,
        "projects.variation_withdraw",
        user=user,
        data={"variation": variation.pk},
    )
    return variation


@transaction.atomic
def variation_follow_group(
    *,
    by: User | None,
    variation: Variation,
    agreed: bool | None,
    meeting: Meeting,
    note: str = "",
    on: datetime.date | None = None,
) -> Variation:
    """What the group's business does to a referred variation: agreed or refused at
    ``meeting``, or (``agreed`` None) taken to ``meeting``: put on its agenda, or deferred to
    it. Called by the group's services, in their transaction and after their permission
    checks."""
    variation = _locked(variation)
    if variation.status != Status.REFERRED:
        raise ValidationError("This variation is not waiting for the group.")
    if agreed is None:
        variation.meeting = meeting
        variation.save(update_fields=["meeting"])
        log(
            variation.project,
            "projects.variation_meeting",
            user=by,
            data={"variation": variation.pk, "meeting": str(meeting), "note": note.strip()},
        )
        return variation
    variation.meeting = meeting
    on = on or meeting.date
    return _apply(variation, by, on, note) if agreed else _refuse(variation, by, on, note)


def record_team_reprofile(
    *, user: User, project: Project, before: dict, after: dict, reason: str
) -> Variation:
    """The programme team re-profiling a project itself: a variation it records, agreed at
    once (the profile written, the plan's next version) within its delegation, referred to
    the group's next meeting beyond it. Called by ``budget_profile_set``."""
    _refuse_if_waiting(project)
    today = timezone.localdate()
    variation = _record(project, user, before, after, reason, today)
    if variation.status == Status.REQUESTED:
        return _apply(variation, user, today, "")
    return variation
