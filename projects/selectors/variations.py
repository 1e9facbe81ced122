"""A project's plan as it stands and the variations that made it: read by the portal, the
back office and the services that vary it."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from core.profiles import scale_to
from programme.models import Meeting
from projects.models import Project, Variation
from projects.variations import quarter_key


def _budget(project: Project, agreed: Variation | None) -> dict[str, str]:
    """The budget lines by cost type: as the last agreed variation left them, or else as the
    proposal asked, scaled to what was approved; always summing to the approval."""
    if agreed is not None:
        lines = {key: Decimal(amount) for key, amount in agreed.after["budget"].items()}
    else:
        lines = defaultdict(lambda: Decimal("0.00"))
        for cost_type, total in (
            project.proposal.budget_lines.values("cost_type")
            .annotate(total=Sum("amount"))
            .values_list("cost_type", "total")
        ):
            lines[cost_type] += total
    if not lines:
        lines = {"other": Decimal("0.00")}
    keys = sorted(lines)
    if sum(lines.values()) != project.approved_amount:
        scaled = scale_to([lines[key] for key in keys], project.approved_amount)
        lines = dict(zip(keys, scaled, strict=True))
    return {key: str(lines[key]) for key in keys if lines[key]}


def last_agreed(project: Project) -> Variation | None:
    return project.variations.filter(version__isnull=False).order_by("-version").first()


def current_plan(project: Project) -> dict:
    """The plan in force: dates and profile from the project, budget lines and scope from the
    last agreed variation (or the approved proposal)."""
    agreed = last_agreed(project)
    return {
        "start_date": project.start_date.isoformat(),
        "end_date": project.end_date.isoformat(),
        "profile": {
            quarter_key(line.financial_year, line.quarter): str(line.amount)
            for line in project.profile.order_by("financial_year", "quarter")
        },
        "budget": _budget(project, agreed),
        "scope": agreed.after["scope"] if agreed is not None else project.proposal.summary,
    }


def plan_version(project: Project) -> int:
    """The plan's version: 1 as approved, one more for each variation agreed."""
    agreed = last_agreed(project)
    return agreed.version if agreed is not None and agreed.version else 1


def variations_of(project: Project) -> QuerySet[Variation]:
    return project.variations.select_related("requested_by", "decided_by", "meeting")


def waiting_variation(project: Project) -> Variation | None:
    """The variation to the project waiting for a decision, if any (one at a time)."""
    return project.variations.filter(status__in=Variation.OPEN).first()


def referred_for(meeting: Meeting) -> QuerySet[Variation]:
    """Variations referred to the group and not yet decided that a meeting's agenda takes:
    those referred to it or to an earlier meeting that did not reach them, and those referred
    while no meeting was scheduled."""
    return (
        Variation.objects.filter(status=Variation.Status.REFERRED)
        .filter(Q(meeting__isnull=True) | Q(meeting__date__lte=meeting.date))
        .select_related("project__proposal")
        .order_by("requested_at", "pk")
    )
