"""The back-office home's panels: overdue progress reports, for the programme team to chase,
and ledger lines needing attention, for finance; the same figures as their pages."""

import datetime

from django.urls import reverse

from core.admin.dashboard import Row, WorkPanel
from projects.attention import needing_attention
from projects.reporting import overdue_reports


def overdue_panel(today: datetime.date) -> WorkPanel:
    overdue = overdue_reports(today)
    count = overdue.count()
    return WorkPanel(
        name="overdue-reports",
        heading="Overdue progress reports",
        summary=f"{count} report{'s' if count != 1 else ''} overdue"
        if count
        else "Every progress report due is in.",
        rows=[
            Row(
                f"{due.project.reference} {due.project.title}: {due.label}",
                detail=f"due {due.due_date:%-d %B %Y}",
            )
            for due in overdue[:5]
        ],
        link_text="All overdue reports",
        link_url=reverse("progress_reports:overdue"),
        order=30,
    )


def attention_panel() -> WorkPanel:
    waiting = needing_attention()
    count = waiting.count()
    return WorkPanel(
        name="spend-attention",
        heading="Spend needing attention",
        summary=f"{count} ledger line{'s' if count != 1 else ''} to explain"
        if count
        else "Every ledger line fits its project.",
        rows=[
            Row(
                f"{line.transaction_number} {line.project.reference}: {line.attention}",
                url=reverse("spend:explain", args=[line.pk]),
                detail=f"{line.date:%-d %B %Y}",
            )
            for line in waiting[:5]
        ],
        link_text="All lines needing attention",
        link_url=reverse("spend:attention"),
        order=25,
    )
