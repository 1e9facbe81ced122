"""Finance imports a whole year's ledger export of 500,000 lines in the back office, and the
programme team a case-management export of 500,000 need rows: the upload is checked and then
written by the worker (the database task backend, as the site runs it), while the page shows
how far it has got; every line arrives and the totals are exact.

On PostgreSQL only: the test's SQLite database is shared in memory between the site's and the
worker's threads, where a writing transaction locks whole tables, so a page read during the
import's transaction is refused rather than kept waiting."""

import csv
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker
from playwright.sync_api import expect

from evaluations.models import Family, FamilyNeed
from programme import roles
from projects.models import SpendLine
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, ProjectFactory, UserFactory

ROWS = 500_000
# Generous: on a two-CPU machine SQLite checks about 10,000 lines a second, twice over.
WAIT_MS = 15 * 60 * 1000


@pytest.fixture
def worker(settings):
    """A worker on the imports queue, in a thread of this process (so it sees the test
    database), stopped at the end."""
    settings.TASKS = {
        **settings.TASKS,
        "imports": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    running = Worker(
        queue_names=["*"],
        interval=0.2,
        batch=False,
        backend_name="imports",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    )

    def work():
        try:
            running.run()
        finally:
            connection.close()

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    yield running
    running.running = False
    thread.join(timeout=WAIT_MS / 1000)  # a task under way finishes before the database goes


def write_ledger(path, rows):
    """A ledger export of ``rows`` lines of 12.34 to 999.99 on one cost centre; its total."""
    total = Decimal("0.00")
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Transaction Number", "Date", "Supplier", "Description",
                         "Cost Centre", "Expense Type", "Net Amount"])  # fmt: skip
        for number in range(rows):
            amount = Decimal(1234 + number % 98765) / 100
            total += amount
            writer.writerow([f"Y{number:07d}", f"{1 + number % 28:02d}/{1 + number % 12:02d}/2026",
                             f"Supplier {number % 500}", "Family support", "FP2026005", "Staff",
                             f"{amount:.2f}"])  # fmt: skip
    return total


def write_families(path, rows):
    """A case-management export of ``rows`` need rows, four to a case; how many cases."""
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Case Reference", "Plan Start", "Case Closed",
                         "Lead Practitioner Organisation", "Outcome", "Need Identified",
                         "Achieved On", "Sustained", "Projects"])  # fmt: skip
        for number in range(rows // 4):
            for outcome in (1, 4, 9, 10):
                writer.writerow([f"EH-{number:06d}", "06/01/2025", "30/06/2025", "", outcome,
                                 "06/01/2025", "01/05/2025", "yes", ""])  # fmt: skip
    return rows // 4


def checked_upload(page, email, url, path):
    """Sign in, upload the file and watch the worker check it; the page's status line."""
    page.set_default_timeout(WAIT_MS)
    sign_in(page, email, PASSWORD)
    page.goto(url)
    page.locator("input[type=file]").set_input_files(path)
    page.get_by_role("button", name="Check the file").click()
    status = page.locator("main p[role=status]")
    expect(status).to_contain_text("rows checked so far", timeout=WAIT_MS)
    return status


only_on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the shared in-memory SQLite test database locks whole tables",
)


@only_on_postgresql
def test_a_large_ledger_export_is_checked_and_written_by_the_worker(new_page, worker, tmp_path):
    finance = UserFactory(role=roles.FINANCE, email="helen@families.example")
    ProjectFactory(cost_centre="FP2026005", approved_amount=Decimal("999999999.00"))
    ledger = tmp_path / "ledger-2026.csv"
    total = write_ledger(ledger, ROWS)
    page = new_page()
    status = checked_upload(page, finance.email, "/admin/spend/import/", ledger)
    expect(page.locator("main")).to_contain_text(f"{ROWS:,} will be added", timeout=WAIT_MS)

    page.get_by_role("button", name=f"Import {ROWS:,} lines").click()
    expect(status).to_contain_text("before writing", timeout=WAIT_MS)
    expect(page.locator("main")).to_contain_text(f"{ROWS:,} lines added", timeout=WAIT_MS)
    assert SpendLine.objects.count() == ROWS
    assert sum(SpendLine.objects.values_list("net_amount", flat=True)) == total


@only_on_postgresql
def test_a_large_case_management_export_is_checked_and_written_by_the_worker(
    new_page, worker, tmp_path
):
    officer = UserFactory(role=roles.PROGRAMME_TEAM, email="sam@families.example")
    export = tmp_path / "cases-2026.csv"
    cases = write_families(export, ROWS)
    page = new_page()
    checked_upload(page, officer.email, "/admin/families/import/", export)
    expect(page.locator("main")).to_contain_text(
        f"{ROWS:,} rows read: {cases:,} new family plans", timeout=WAIT_MS
    )

    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.locator("main")).to_contain_text(f"{cases:,} family plans added", timeout=WAIT_MS)
    assert (Family.objects.count(), FamilyNeed.objects.count()) == (cases, ROWS)
