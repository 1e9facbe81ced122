"""Ledger lines that do not fit their project: dated before it starts or after it ends,
charged to a closed project, or taking it past its approved amount. They import anyway (the
ledger is the finance system's record) and wait on finance's "needs attention" list until
someone explains them."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db.models import Q, QuerySet

from core.bulk import bulk_insert_rows
from core.money import pounds
from projects.models import Project, SpendLine, StagedAttention, StagedLine
from projects.selectors import spent_to_date

PAGE = 5000
# The order lines are spent in: by date, then a file's own order within a day and transaction.
SPENT_ORDER = ("date", "transaction_number", "line")


def flag(staged: QuerySet[StagedLine], stage: str) -> int:
    """Say why each staged new line that does not fit its project needs attention (a
    ``StagedAttention`` of the ``stage``), in the order spent so the line that first takes a
    project past its approval is the one named; read a page at a time (each page after the
    last line of the one before), so memory does not grow with the file. Returns how many."""
    projects = Project.objects.in_bulk(
        list(staged.order_by().values_list("project_id", flat=True).distinct())
    )
    running = defaultdict(Decimal, spent_to_date(projects))
    flagged = 0
    lines = staged.order_by(*SPENT_ORDER).values_list(
        "pk", "project_id", "net_amount", "irrecoverable_vat", *SPENT_ORDER
    )
    page = list(lines[:PAGE])
    while page:
        changed = []
        for pk, project_id, net, vat, day, _number, _line in page:
            project = projects[project_id]
            running[project_id] += net + vat
            text = reason(project, day, running[project_id])
            if text:
                changed.append((pk, stage, text))
        bulk_insert_rows(StagedAttention, ("line_id", "stage", "text"), changed)
        flagged += len(changed)
        page = list(lines.filter(_after(*page[-1][-3:]))[:PAGE])
    return flagged


def _after(day: datetime.date, number: str, line: int) -> Q:
    """The lines spent after this one (``date`` first, so an index on the order is used)."""
    return Q(date__gte=day) & (
        Q(date__gt=day)
        | Q(date=day, transaction_number__gt=number)
        | Q(date=day, transaction_number=number, line__gt=line)
    )


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
