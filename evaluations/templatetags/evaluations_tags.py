from django import template
from django.conf import settings
from django.db.models import Sum

from evaluations.disclosure import suppress_one
from evaluations.models import Outcome, ProjectResult
from evaluations.services import can_enter_results
from governance.financial_years import fy_for_date, fy_quarter

register = template.Library()


@register.inclusion_tag("evaluations/includes/suppression_note.html")
def suppression_note(suppressed):
    return {"suppressed": suppressed, "threshold": settings.SMALL_NUMBER_THRESHOLD}


@register.filter
def suppressed(value, apply=True):
    """A count through the disclosure rule where it applies."""
    return suppress_one(value) if apply else f"{value:,}"


@register.filter
def get(mapping, key):
    return mapping.get(key, "")


@register.inclusion_tag("evaluations/includes/project_outcomes.html", takes_context=True)
def project_outcomes(context, project):
    """A project's outcome targets beside what it has reported, on its portal page."""
    reported = {
        row["outcome__number"]: row
        for row in ProjectResult.objects.filter(project=project)
        .values("outcome__number")
        .annotate(
            supported=Sum("families_supported"),
            achieved=Sum("families_achieved"),
            sustained=Sum("families_sustained"),
        )
    }
    targets = {
        target.outcome.number: target
        for target in project.outcome_targets.select_related("outcome")
    }
    numbers = sorted(set(targets) | set(reported))
    names = dict(Outcome.objects.filter(number__in=numbers).values_list("number", "name"))
    today = context.get("today")
    quarters = [(report.financial_year, report.quarter) for report in context.get("reports", [])]
    if today and today >= project.start_date:
        current = (fy_for_date(today), fy_quarter(today))
        if current not in quarters:
            quarters.insert(0, current)
    user = context["request"].user
    return {
        "project": project,
        "rows": [
            {
                "number": number,
                "name": names.get(number, ""),
                "target": targets[number].expected_families if number in targets else None,
                **reported.get(number, {"supported": 0, "achieved": 0, "sustained": 0}),
            }
            for number in numbers
        ],
        "quarters": quarters,
        "can_enter": can_enter_results(user, project),
    }
