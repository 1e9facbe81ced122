"""When progress reports are due: one for each financial quarter a project was running, due a
set number of days after the quarter ends. One place for the rule; the portal, the overdue list
and the services all use it. The quarters each project owes are kept as ReportSlot rows
(``keep_slots``, on every save of a project), so the overdue list is one query."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet

from core.financial_years import fy_for_date, fy_quarter
from projects.models import ProgressReport, Project, ReportSlot
from projects.periods import Period

REPORTING = [
    Project.Status.SET_UP,
    Project.Status.ACTIVE,
    Project.Status.PAUSED,
    Project.Status.COMPLETED,
]


@dataclass(frozen=True)
class ReportDue:
    project: Project
    financial_year: str
    quarter: int
    quarter_end: datetime.date

    @property
    def due_date(self):
        return self.quarter_end + datetime.timedelta(days=settings.PROGRESS_REPORT_DUE_DAYS)

    @property
    def label(self):
        return f"Q{self.quarter} {self.financial_year}"

    def overdue(self, today):
        return today > self.due_date


def quarters_reported_on(project, today=None):
    """Every quarter from the project's start that has ended by today (and began before the
    project's end): the quarters a report is owed for. Without ``today``, all of them."""
    quarters = []
    day = project.start_date
    while day <= project.end_date:
        period = Period(fy_for_date(day), fy_quarter(day))
        _, end = period.bounds()
        if today is not None and end >= today:
            break
        quarters.append(ReportDue(project, period.financial_year, period.quarter, end))
        day = end + datetime.timedelta(days=1)
    return quarters


def _slots(project):
    return [
        ReportSlot(
            project=project,
            financial_year=due.financial_year,
            quarter=due.quarter,
            quarter_end=due.quarter_end,
            due_date=due.due_date,
        )
        for due in quarters_reported_on(project)
    ]


def keep_slots(project: Project) -> None:
    """Make the project's ReportSlot rows its quarters, start to end (its dates may have
    moved)."""
    wanted = {slot.quarter_end: slot for slot in _slots(project)}
    project.report_slots.exclude(quarter_end__in=wanted).delete()
    held = set(project.report_slots.values_list("quarter_end", flat=True))
    ReportSlot.objects.bulk_create([slot for end, slot in wanted.items() if end not in held])


def refresh_slots(projects: QuerySet[Project]) -> int:
    """Rebuild the slots of many projects at once (after a bulk load); returns how many."""
    ReportSlot.objects.filter(project__in=projects).delete()
    slots = [slot for project in projects.iterator() for slot in _slots(project)]
    ReportSlot.objects.bulk_create(slots, batch_size=2000)
    return len(slots)


def on_project_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """A project saved with new dates (or new) owes the quarters its dates now span."""
    dated = update_fields is None or {"start_date", "end_date"} & set(update_fields)
    if not raw and dated:
        keep_slots(instance)


def reports_outstanding(project, today, reported=None):
    """Quarters owed a report that has not been written, oldest first."""
    if reported is None:
        reported = set(project.reports.values_list("financial_year", "quarter"))
    return [
        due
        for due in quarters_reported_on(project, today)
        if (due.financial_year, due.quarter) not in reported
    ]


def _reported(projects):
    """{project id: {(financial year, quarter)}} of reports filed, in one query."""
    reported = {}
    for project_id, financial_year, quarter in ProgressReport.objects.filter(
        project__in=projects
    ).values_list("project", "financial_year", "quarter"):
        reported.setdefault(project_id, set()).add((financial_year, quarter))
    return reported


def outstanding_by_project(projects, today):
    """{project id: [outstanding quarters]} for a list of projects, in one query."""
    reported = _reported([p.pk for p in projects])
    return {p.pk: reports_outstanding(p, today, reported.get(p.pk, set())) for p in projects}


def overdue_reports(today: datetime.date) -> QuerySet[ReportSlot]:
    """Every report past its due date across the reporting projects and not yet written,
    oldest first: one query on the slots' due dates."""
    written = ProgressReport.objects.filter(
        project=OuterRef("project"),
        financial_year=OuterRef("financial_year"),
        quarter=OuterRef("quarter"),
    )
    return (
        ReportSlot.objects.filter(due_date__lt=today, project__status__in=REPORTING)
        .exclude(Exists(written))
        .select_related("project__lead", "project__lead_organisation")
        .order_by("due_date", "project__reference", "pk")
    )
