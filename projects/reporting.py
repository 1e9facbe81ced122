"""When progress reports are due: one for each financial quarter a project was running, due a
set number of days after the quarter ends. One place for the rule; the portal, the overdue list
and the services all use it."""

import datetime
from dataclasses import dataclass

from django.conf import settings

from core.financial_years import fy_for_date, fy_quarter
from projects.models import ProgressReport, Project
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


def quarters_reported_on(project, today):
    """Every quarter from the project's start that has ended by today (and began before the
    project's end): the quarters a report is owed for."""
    quarters = []
    day = project.start_date
    while day <= project.end_date:
        period = Period(fy_for_date(day), fy_quarter(day))
        _, end = period.bounds()
        if end >= today:
            break
        quarters.append(ReportDue(project, period.financial_year, period.quarter, end))
        day = end + datetime.timedelta(days=1)
    return quarters


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


def overdue_reports(today):
    """Every report past its due date across the reporting projects, in two queries."""
    projects = Project.objects.filter(status__in=REPORTING)
    reported = _reported(projects.values("pk"))
    return [
        due
        for project in projects.select_related("lead", "lead_organisation").order_by("reference")
        for due in reports_outstanding(project, today, reported.get(project.pk, set()))
        if due.overdue(today)
    ]
