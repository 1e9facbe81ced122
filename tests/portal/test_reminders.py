"""The daily reminders: reports due soon and overdue to the lead, conditions coming up for
review to their owner, each sent once however often the command runs."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from core.models import SentReminder
from governance.models import Condition, Decision
from portal.reminders import send_reminders
from projects.models import ProgressReport
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

# Q1 2026-27 ends on 30 June 2026; its report is due 20 days later, on 20 July.
TEN_DAYS_BEFORE = datetime.date(2026, 7, 10)
DAY_AFTER_DUE = datetime.date(2026, 7, 21)


@pytest.fixture
def project():
    return ProjectFactory(start_date=datetime.date(2026, 4, 1), end_date=datetime.date(2027, 3, 31))


def subjects():
    return [message.subject for message in mail.outbox]


def test_a_report_due_within_ten_days_is_reminded_once(project):
    assert send_reminders(datetime.date(2026, 7, 9))["report_due"] == 0
    assert send_reminders(TEN_DAYS_BEFORE)["report_due"] == 1
    send_reminders(TEN_DAYS_BEFORE + datetime.timedelta(days=1))
    assert subjects() == [f"Due 20 July: {project.reference} progress report for Q1 2026-27"]
    assert mail.outbox[0].to == [project.lead.email]
    assert f"/portal/projects/{project.reference}/reports/2026-27/q1/write/" in mail.outbox[0].body


def test_an_overdue_report_is_reminded_once_more(project):
    send_reminders(TEN_DAYS_BEFORE)
    assert send_reminders(DAY_AFTER_DUE)["report_overdue"] == 1
    assert send_reminders(DAY_AFTER_DUE + datetime.timedelta(days=7))["report_overdue"] == 0
    assert subjects()[-1] == f"Overdue: {project.reference} progress report for Q1 2026-27"
    assert len(mail.outbox) == 2


def test_a_report_already_sent_is_not_reminded(project):
    ProgressReport.objects.create(
        project=project,
        financial_year="2026-27",
        quarter=1,
        families_supported=3,
        narrative="Going well",
        rag="green",
        submitted_by=project.lead,
    )
    assert sum(send_reminders(DAY_AFTER_DUE).values()) == 0


def test_an_unmet_condition_is_reminded_to_its_owner_before_its_review(project):
    owner = UserFactory()
    decision = Decision.objects.create(
        proposal=project.proposal,
        outcome=Decision.Outcome.APPROVED_WITH_CONDITIONS,
        approved_amount=Decimal("50000.00"),
        decided_on=datetime.date(2026, 3, 11),
        recorded_by=owner,
    )
    condition = Condition.objects.create(
        decision=decision,
        text="Agree the data-sharing protocol with the police.",
        owner=owner,
        due_date=datetime.date(2026, 9, 1),
        review_date=datetime.date(2026, 9, 9),
    )
    assert send_reminders(datetime.date(2026, 8, 29))["condition_review"] == 0
    assert send_reminders(datetime.date(2026, 8, 30))["condition_review"] == 1
    assert send_reminders(datetime.date(2026, 9, 12))["condition_review"] == 0
    message = mail.outbox[-1]
    assert message.to == [owner.email]
    assert condition.text in message.body
    Condition.objects.filter(pk=condition.pk).update(review_date=datetime.date(2026, 12, 9))
    assert send_reminders(datetime.date(2026, 12, 1))["condition_review"] == 1


def test_a_reminder_whose_email_fails_is_tried_again(project, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr("portal.reminders.send_mail", refuse)
    with pytest.raises(ConnectionRefusedError):
        send_reminders(TEN_DAYS_BEFORE)
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert send_reminders(TEN_DAYS_BEFORE)["report_due"] == 1


def test_the_command_says_what_it_sent_and_a_dry_run_sends_nothing(project, time_machine):
    time_machine.move_to(datetime.datetime(2026, 7, 10, 7, 15))
    out = StringIO()
    call_command("send_reminders", "--dry-run", stdout=out)
    assert "1 reminder would be sent: progress reports due soon" in out.getvalue()
    assert mail.outbox == [] and not SentReminder.objects.exists()
    call_command("send_reminders", stdout=StringIO())
    assert len(mail.outbox) == 1
