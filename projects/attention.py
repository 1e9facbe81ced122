"""Ledger lines that do not fit their project: dated before it starts or after it ends,
charged to a closed project, or taking it past its approved amount. They import anyway (the
ledger is the finance system's record) and wait on finance's "needs attention" list until
someone explains them."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import QuerySet

from core.money import pounds
from projects.models import Project, SpendLine
from projects.selectors import spent_to_date


def flag(lines: list[SpendLine]) -> int:
    """Set ``attention`` on each new line that does not fit its project, in date order so the
    line that first takes a project past its approval is the one named; returns how many."""
    projects = Project.objects.in_bulk({line.project_id for line in lines})
    running = defaultdict(Decimal, spent_to_date(projects))
    flagged = 0
    for line in sorted(lines, key=lambda line: (line.date, line.transaction_number)):
        project = projects[line.project_id]
        running[project.pk] += line.net_amount + line.irrecoverable_vat
        line.attention = reason(project, line.date, running[project.pk])
        flagged += bool(line.attention)
    return flagged


def reason(project: Project, day: datetime.date, spent_with_line: Decimal) -> str:
    if project.status == Project.Status.CLOSED:
        return "Charged to a closed project"
    if day < project.start_date:
        return f"Dated before the project starts ({project.start_date:%-d %B %Y})"
    if day > project.end_date:
        return f"Dated after the project ends ({project.end_date:%-d %B %Y})"
    if spent_with_line > project.approved_amount:
        over = spent_with_line - project.approved_amount
        return (
            f"Takes the project {pounds(over)} past its approval of "
            f"{pounds(project.approved_amount)}"
        )
    return ""


def needing_attention() -> QuerySet[SpendLine]:
    """Lines flagged when imported and not yet explained, oldest first."""
    return (
        SpendLine.objects.exclude(attention="")
        .filter(explained_at=None)
        .select_related("project")
        .order_by("date", "transaction_number")
    )
