"""One project's outcomes: its targets beside what its leads have reported, and what the
quarter's results form starts from."""

import datetime
from typing import Any

from django.db.models import Sum

from core.disclosure import suppress_nested
from core.financial_years import fy_for_date, fy_quarter
from evaluations.models import ProjectResult
from evaluations.models.results import RESULT_FIGURES
from programme.models import Outcome
from projects.models import Project
from projects.periods import Period


def project_outcomes(project: Project, suppressed: bool = False) -> list[dict]:
    """One row per outcome the project targets or has reported on: the target, and the
    families supported, achieved and sustained it has reported in all (``suppressed``:
    through the disclosure rule, for those who may not read them exact)."""
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
        target.outcome.number: target.expected_families
        for target in project.outcome_targets.select_related("outcome")
    }
    numbers = sorted(set(targets) | set(reported))
    names = dict(Outcome.objects.filter(number__in=numbers).values_list("number", "name"))
    rows = []
    for number in numbers:
        found: dict[str, Any] = dict(reported.get(number) or {})
        counts = {key: found.get(key) or 0 for key in ("supported", "achieved", "sustained")}
        shown: dict[str, Any] = (
            suppress_nested(counts, ["supported", "achieved", "sustained"])
            if suppressed
            else counts
        )
        rows.append(
            {
                "number": number,
                "name": names.get(number, ""),
                "target": targets.get(number),
                **shown,
            }
        )
    return rows


def result_quarters(project: Project, today: datetime.date) -> list:
    """The quarters (financial year, quarter) whose results can be entered, latest first: each
    ended quarter a progress report covers, and the last ended quarter once the project had
    started by its end. A quarter still running has no results yet."""
    current_start, _ = Period(fy_for_date(today), fy_quarter(today)).bounds()
    last_ended = current_start - datetime.timedelta(days=1)
    quarters = [
        quarter
        for quarter in project.reports.values_list("financial_year", "quarter")
        if Period(*quarter).bounds()[1] < today
    ]
    if project.start_date <= last_ended:
        latest = (fy_for_date(last_ended), fy_quarter(last_ended))
        if latest not in quarters:
            quarters.insert(0, latest)
    return quarters


def results_entry(project: Project, financial_year: str, quarter: int) -> tuple[list, set, dict]:
    """What the quarter's results form starts from: every outcome, those the project targets
    first; the numbers of those targeted; and the figures already entered, by (outcome number,
    figure)."""
    targeted = set(project.outcome_targets.values_list("outcome__number", flat=True))
    outcomes = sorted(Outcome.objects.all(), key=lambda o: (o.number not in targeted, o.number))
    existing = {}
    for result in ProjectResult.objects.filter(
        project=project, financial_year=financial_year, quarter=quarter
    ).select_related("outcome"):
        for field in RESULT_FIGURES:
            existing[(result.outcome.number, field)] = getattr(result, field)
    return outcomes, targeted, existing
