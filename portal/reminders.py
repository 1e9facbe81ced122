"""The reminders a scheduler sends each morning (``manage.py send_reminders``): progress reports
due within ``REMINDER_DAYS_AHEAD`` days, reports overdue, and decision conditions coming up for
review. Each is sent once, recorded in ``core.SentReminder`` under its kind and key."""

import datetime
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from core.models import SentReminder
from governance.models import Condition
from projects.models import Project
from projects.reporting import REPORTING, ReportDue, outstanding_by_project


@dataclass(frozen=True)
class Reminder:
    kind: str
    key: str
    to: tuple[str, ...]
    subject: str
    body: str


def _link(name: str, *args) -> str:
    return settings.WAGTAILADMIN_BASE_URL + reverse(name, args=args)


def _report_reminder(due: ReportDue, today: datetime.date) -> Reminder | None:
    project = due.project
    key = f"{project.reference}:{due.financial_year}:Q{due.quarter}"
    write = _link("projects:report_write", project.reference, due.financial_year, due.quarter)
    if due.overdue(today):
        return Reminder(
            "report_overdue",
            key,
            (project.lead.email,),
            f"Overdue: {project.reference} progress report for {due.label}",
            f"The progress report for {project.reference} {project.title}, {due.label}, was "
            f"due on {due.due_date:%-d %B %Y} and has not been sent. The programme team can see "
            f"it is overdue.\n\nWrite and send it here: {write}\n",
        )
    if due.due_date <= today + datetime.timedelta(days=settings.REMINDER_DAYS_AHEAD):
        return Reminder(
            "report_due",
            key,
            (project.lead.email,),
            f"Due {due.due_date:%-d %B}: {project.reference} progress report for {due.label}",
            f"The progress report for {project.reference} {project.title}, {due.label}, is due "
            f"on {due.due_date:%-d %B %Y}.\n\nWrite and send it here: {write}\n",
        )
    return None


def _reports(today: datetime.date) -> Iterator[Reminder]:
    projects = list(Project.objects.filter(status__in=REPORTING).select_related("lead"))
    for outstanding in outstanding_by_project(projects, today).values():
        for due in outstanding:
            reminder = _report_reminder(due, today)
            if reminder is not None:
                yield reminder


def _conditions(today: datetime.date) -> Iterator[Reminder]:
    ahead = today + datetime.timedelta(days=settings.REMINDER_DAYS_AHEAD)
    conditions = Condition.objects.filter(met_on=None, review_date__lte=ahead).select_related(
        "owner", "decision__proposal"
    )
    for condition in conditions:
        proposal = condition.decision.proposal
        yield Reminder(
            "condition_review",
            f"{condition.pk}:{condition.review_date:%Y-%m-%d}",
            (condition.owner.email,),
            f"Condition on {proposal.reference} for review on {condition.review_date:%-d %B %Y}",
            f"A condition of the group's decision on {proposal.reference} {proposal.title} "
            f"is yours and has not been met:\n\n{condition.text}\n\nIt was due on "
            f"{condition.due_date:%-d %B %Y} and comes back to the group for review from "
            f"{condition.review_date:%-d %B %Y} until it is met.\n\n"
            f"The decision: {_link('projects:detail', proposal.reference)}\n",
        )


def due_reminders(today: datetime.date) -> Iterator[Reminder]:
    yield from _reports(today)
    yield from _conditions(today)


def send_reminders(today: datetime.date, dry_run: bool = False) -> Counter:
    """Send each due reminder not sent before; returns how many of each kind went. A reminder
    is recorded and sent in one transaction, so one whose email fails is tried again the next
    day."""
    sent: Counter = Counter()
    for reminder in due_reminders(today):
        if SentReminder.objects.filter(kind=reminder.kind, key=reminder.key).exists():
            continue
        if not dry_run:
            with transaction.atomic():
                _, created = SentReminder.objects.get_or_create(
                    kind=reminder.kind,
                    key=reminder.key,
                    defaults={"recipients": "\n".join(reminder.to)},
                )
                if not created:
                    continue
                send_mail(reminder.subject, reminder.body, settings.DEFAULT_FROM_EMAIL, reminder.to)
        sent[reminder.kind] += 1
    return sent
