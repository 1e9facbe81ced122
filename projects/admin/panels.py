"""The back-office home's panel of overdue progress reports, for the programme team to chase:
the same figures as the Overdue reports page."""

import datetime

from django.urls import reverse

from core.admin.dashboard import Row, WorkPanel
from projects.reporting import overdue_reports


def overdue_panel(today: datetime.date) -> WorkPanel:
    overdue = sorted(overdue_reports(today), key=lambda due: due.due_date)
    return WorkPanel(
        name="overdue-reports",
        heading="Overdue progress reports",
        summary=f"{len(overdue)} report{'s' if len(overdue) != 1 else ''} overdue"
        if overdue
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
