"""The all-years workbook is prepared in the background and downloaded from its own page, by
the person who asked for it alone, for a day."""

import datetime
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from wagtail.models import ModelLogEntry

from exports.models import WorkbookRun
from exports.runs import storage, workbooks_expire
from tests.factories import ProjectFactory
from tests.projects.test_workbook import add_line

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger():
    project = ProjectFactory()
    add_line(project, 1, "1234.56", day=datetime.date(2026, 5, 1))
    add_line(project, 2, "999.00", day=datetime.date(2025, 5, 1))
    return project


def prepare(client, query="financial_year="):
    return client.post("/admin/finance/workbook/prepare/", {"query": query})


def test_the_all_years_workbook_is_offered_from_a_page_not_written_in_the_request(
    client_for, finance_officer, ledger
):
    response = client_for(finance_officer).get("/admin/finance/workbook/?financial_year=")
    assert response.status_code == 200
    assert "Prepare the all-years workbook" in response.content.decode()
    assert not WorkbookRun.objects.exists()


def test_preparing_it_writes_every_years_lines_and_logs_who_asked(
    client_for, finance_officer, ledger
):
    client = client_for(finance_officer)
    response = prepare(client)
    run = WorkbookRun.objects.get()
    assert response.url == f"/admin/finance/workbook/{run.pk}/"
    assert run.status == WorkbookRun.Status.DONE
    assert "Download the workbook" in client.get(response.url).content.decode()
    download = client.get(f"/admin/finance/workbook/{run.pk}/file/")
    book = openpyxl.load_workbook(BytesIO(b"".join(download.streaming_content)))
    rows = list(book["Transactions"].iter_rows(min_row=2, values_only=True))
    assert sum(Decimal(str(row[9])) for row in rows) == Decimal("2233.56")
    entry = ModelLogEntry.objects.get(action="exports.workbook_prepare")
    assert entry.user_id == finance_officer.pk


def test_the_dashboards_filters_go_with_it(client_for, finance_officer, ledger):
    other = ProjectFactory()
    add_line(other, 3, "50.00", day=datetime.date(2026, 6, 1))
    client = client_for(finance_officer)
    prepare(client, f"financial_year=&project={other.reference}")
    run = WorkbookRun.objects.get()
    book = openpyxl.load_workbook(
        BytesIO(b"".join(client.get(f"/admin/finance/workbook/{run.pk}/file/").streaming_content))
    )
    rows = list(book["Transactions"].iter_rows(min_row=2, values_only=True))
    assert [Decimal(str(row[9])) for row in rows] == [Decimal("50.00")]


def test_nobody_else_sees_or_downloads_it(client_for, finance_officer, programme_officer, ledger):
    prepare(client_for(finance_officer))
    run = WorkbookRun.objects.get()
    team = client_for(programme_officer)
    assert team.get(f"/admin/finance/workbook/{run.pk}/").status_code == 404
    assert team.get(f"/admin/finance/workbook/{run.pk}/file/").status_code == 404


def test_a_lead_may_not_ask_for_it(client_for, lead):
    assert prepare(client_for(lead)).status_code == 403
    assert not WorkbookRun.objects.exists()


def test_a_workbook_a_day_old_is_deleted(client_for, finance_officer, ledger):
    prepare(client_for(finance_officer))
    run = WorkbookRun.objects.get()
    assert storage().exists(run.file)
    assert workbooks_expire(now=run.created_at + datetime.timedelta(hours=23)) == 0
    assert workbooks_expire(now=run.created_at + datetime.timedelta(hours=25)) == 1
    assert not storage().exists(run.file)
    run.refresh_from_db()
    assert (run.status, run.file) == (WorkbookRun.Status.EXPIRED, "")
    client = client_for(finance_officer)
    assert client.get(f"/admin/finance/workbook/{run.pk}/file/").status_code == 404


def test_a_failure_says_so_and_keeps_no_file(client_for, finance_officer, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("exports.runs.write_workbook", broken)
    response = prepare(client_for(finance_officer))
    run = WorkbookRun.objects.get()
    assert (run.status, run.file) == (WorkbookRun.Status.FAILED, "")
    page = client_for(finance_officer).get(response.url).content.decode()
    assert "could not be written" in page
