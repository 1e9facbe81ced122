"""Variations in the demo: the demo lead's older project re-profiled within the programme
team's delegation (agreed: version 2 of its plan), its newer project given more time and a
later profile, beyond the delegation and so on the group's next agenda, and another lead's
small re-profile waiting for the programme team."""

import datetime
from collections import Counter
from decimal import Decimal

from django.utils import timezone

from programme.models import User
from projects.models import Project, Variation
from projects.selectors.variations import current_plan
from projects.services import variation_decide, variation_request
from projects.variations import key_of


def _ask(project, reasons, today, *, months=0, share=Decimal("0.05")):
    """The lead asks to move ``share`` of the approval from the project's first quarter
    still to come to its last, extending it by ``months`` into a new last quarter."""
    plan = current_plan(project)
    profile = {key: Decimal(amount) for key, amount in plan["profile"].items()}
    month = project.end_date.year * 12 + project.end_date.month + months  # the month after
    end = datetime.date(month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    last = key_of(end)
    coming = sorted(key for key in profile if key >= key_of(today) and profile[key] > 0)
    if not coming or coming[0] == last:
        return None
    moved = min(profile[coming[0]], (project.approved_amount * share).quantize(Decimal("1")))
    profile[coming[0]] -= moved
    profile[last] = profile.get(last, Decimal("0.00")) + moved
    return variation_request(
        user=project.lead,
        project=project,
        reasons=reasons,
        start_date=project.start_date,
        end_date=end,
        profile=profile,
        budget={key: Decimal(amount) for key, amount in plan["budget"].items()},
        scope=plan["scope"],
        today=today,
    )


def seed(stdout, today=None):
    today = today or timezone.localdate()
    if Variation.objects.exists():
        return []
    officer = User.objects.get(email="programme@families.example")
    lead = User.objects.get(email="lead@families.example")
    open_projects = Project.objects.exclude(status=Project.Status.CLOSED).filter(end_date__gt=today)
    mine = list(open_projects.filter(lead=lead).order_by("start_date", "reference")[:2])
    if mine:
        agreed = _ask(
            mine[0],
            "The family support worker started six weeks late, so the project needs three "
            "more months to finish its work, and some of this quarter's spend moves with it.",
            today,
            months=3,
        )
        if agreed is not None and agreed.status == Variation.Status.REQUESTED:
            variation_decide(
                user=officer,
                variation=agreed,
                agree=True,
                note="Within delegation: three months more, and no more money.",
            )
    if len(mine) > 1:
        _ask(
            mine[1],
            "Schools asked to start the training in the summer term, so the project needs nine "
            "more months and its spend moves with it.",
            today,
            months=9,
            share=Decimal("0.15"),
        )
    other = open_projects.exclude(lead=lead).order_by("reference").first()
    if other is not None:
        _ask(other, "A venue booking moved into the next quarter.", today, share=Decimal("0.02"))
    counts = Counter(Variation.objects.values_list("status", flat=True))
    stdout.write(
        f"Variations: {counts['agreed']} agreed by the programme team, {counts['referred']} "
        f"for the group's next meeting, {counts['requested']} waiting for the team."
    )
    return []
