"""Back-office imports queued in the database and worked by the worker, as the site runs them
(core.import_runs): the page follows the run from waiting to checked to imported."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from core.import_runs import progress_of, run_check
from core.models import ImportRun
from projects.models import SpendLine
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db
URL = "/admin/spend/import/"
LEDGER = (
    "Transaction Number,Date,Supplier,Cost Centre,Expense Type,Net Amount\n"
    "T1,05/11/2026,Acme,FP2026009,Staff,10.00\n"
    "T2,06/11/2026,Acme,FP2026009,Staff,20.00\n"
)


@pytest.fixture
def queued(settings):
    settings.TASKS = {
        **settings.TASKS,
        "imports": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }


def work():
    call_command(
        "db_worker", "--backend", "imports", "--queue-name", "*", "--batch",
        "--no-startup-delay", "--no-reload", stdout=io.StringIO(), stderr=io.StringIO(),
    )  # fmt: skip


# The worker commits and closes its connection between tasks, as it does in production, so
# this test's data is committed (and removed after) rather than held in a rolled-back
# transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_checks_then_writes_while_the_page_follows(queued, client_for, finance_officer):
    ProjectFactory(cost_centre="FP2026009")
    page = client_for(finance_officer)
    waiting = page.post(URL, {"file": SimpleUploadedFile("l.csv", LEDGER.encode())}, follow=True)
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.QUEUED
    assert "The file is waiting for the worker" in waiting.content.decode()
    assert '<meta http-equiv="refresh" content="2">' in waiting.content.decode()

    work()
    preview = page.get(f"{URL}?run={run.pk}").content.decode()
    assert "2 will be added" in preview
    assert 'http-equiv="refresh"' not in preview

    page.post(URL, {"run": run.pk, "confirm": "1"})
    run.refresh_from_db()
    assert run.status == ImportRun.Status.WRITING
    assert not SpendLine.objects.exists()
    work()
    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE
    assert SpendLine.objects.count() == 2
    assert "2 lines added" in page.get(f"{URL}?run={run.pk}").content.decode()


def test_the_page_reads_the_progress_the_worker_reports(client_for, finance_officer):
    ProjectFactory(cost_centre="FP2026009")
    client_for(finance_officer).post(URL, {"file": SimpleUploadedFile("l.csv", LEDGER.encode())})
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.QUEUED)
    seen = []

    def check(run, data, progress):
        progress.checked(5000)
        seen.append(progress_of(run))
        return {"nothing_new": False}, None

    run_check(run.pk, check)
    assert seen == [(5000, 0)]
    run.refresh_from_db()
    assert run.status == ImportRun.Status.CHECKED
