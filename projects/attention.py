"""Ledger lines that do not fit their project: dated before it starts or after it ends,
charged to a closed project, or taking it past its approved amount. They import anyway (the
ledger is the finance system's record) and wait on finance's "needs attention" list until
someone explains them."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import connection
from django.db.models import Max, QuerySet

from core.money import pounds
from projects.models import Project, SpendLine, StagedLine
from projects.selectors import spent_to_date

PAGE = 5000


def flag(staged: QuerySet[StagedLine]) -> int:
    """Set ``attention`` on each staged new line that does not fit its project, in date order
    (``sequence``) so the line that first takes a project past its approval is the one named;
    read a page at a time, so memory does not grow with the file. Returns how many."""
    projects = Project.objects.in_bulk(
        list(staged.order_by().values_list("project_id", flat=True).distinct())
    )
    running = defaultdict(Decimal, spent_to_date(projects))
    flagged = 0
    last = staged.aggregate(last=Max("sequence"))["last"] or 0
    for start in range(1, last + 1, PAGE):
        lines = staged.filter(sequence__gte=start, sequence__lt=start + PAGE).order_by("sequence")
        changed = []
        for pk, project_id, day, net, vat in lines.values_list(
            "pk", "project_id", "date", "net_amount", "irrecoverable_vat"
        ):
            project = projects[project_id]
            running[project_id] += net + vat
            text = reason(project, day, running[project_id])
            if text:
                changed.append((text, pk))
        if changed:
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"UPDATE {StagedLine._meta.db_table} SET attention = %s WHERE id = %s",  # noqa: S608
                    changed,
                )
        flagged += len(changed)
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
