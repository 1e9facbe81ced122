"""The back-office import page (core.imports) with the ledger: how it reads a file, what it
shows of a refused one, and that an upload never confirmed does not stay."""

import csv
import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.import_runs import PREVIEW_LIFE, uploads_expire
from core.models import ImportRun
from programme import roles
from projects.models import SpendLine
from tests.factories import ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db
URL = "/admin/spend/import/"
HEADER = "Transaction Number;Date;Supplier;Cost Centre;Expense Type;Net Amount;Employee Name\n"


@pytest.fixture
def page(client_for, finance_officer):
    ProjectFactory(cost_centre="FP2026009")
    return client_for(finance_officer)


def upload(client, text, name="ledger.csv", layout=""):
    """Upload and follow the run to its page (the test settings run imports at once)."""
    data = text.encode() if isinstance(text, str) else text
    return client.post(URL, {"file": SimpleUploadedFile(name, data), "layout": layout}, follow=True)


def test_the_preview_says_how_the_file_was_read(page):
    text = HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;12,50;A Person\n"
    preview = upload(page, text).content.decode()
    assert "Read as <strong>Standard ledger</strong>: semicolon-delimited" in preview
    assert "Ignored, not stored: Employee Name" in preview
    assert "<td>FP2026009</td><td>November 2026</td><td>1</td><td>£12.50</td>" in preview


def test_lines_for_other_cost_centres_are_listed_as_skipped(page):
    text = HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\nT2;05/11/2026;Acme;HW1;Road;7;x\n"
    preview = upload(page, text).content.decode()
    assert "<td>HW1</td><td>1</td><td>£7.00</td>" in preview


def test_a_chosen_layout_that_does_not_fit_is_named(page):
    text = "Invoice Num,Accounting Date,Supplier Name,Account,Entered Dr\n"
    text += "INV-1,05-NOV-2026,Acme,100.FP2026009.52200,10.00\n"
    refused = upload(page, text, layout="unit4-agresso").content.decode()
    assert "is missing: Cost Centre (for the Unit4 Agresso layout)" in refused
    assert "Read as <strong>Oracle</strong>" in upload(page, text).content.decode()


def test_a_refusal_lists_each_kind_once_and_offers_every_problem(page):
    rows = "".join(f"T{n};05/11/2026;Acme;FP2026009;Staff;ten;x\n" for n in range(300))
    refused = upload(page, HEADER + rows).content.decode()
    assert "300 problems. Nothing was imported." in refused
    assert refused.count("is not an amount in pounds and pence") == 1
    assert "(299 more like it, on lines 3, 4, 5, 6, …)" in refused
    run = ImportRun.objects.get()
    download = page.get(f"{URL}?run={run.pk}&problems=csv")
    assert download["Content-Disposition"].startswith("attachment")
    listed = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode())))
    assert len(listed) == 301
    assert listed[1][0] == "2"
    assert not SpendLine.objects.exists()


def test_no_problem_list_is_served_without_a_refusal(page):
    upload(page, HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\n")
    run = ImportRun.objects.get()
    assert page.get(f"{URL}?run={run.pk}&problems=csv").status_code == 404


def test_a_confirmed_run_writes_and_deletes_the_kept_file(page):
    upload(page, HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\n")
    run = ImportRun.objects.get()
    kept = run.kept
    done = page.post(URL, {"run": run.pk, "confirm": "1"}, follow=True).content.decode()
    assert "1 lines added, 0 already there." in done
    run.refresh_from_db()
    assert (run.status, run.kept) == (ImportRun.Status.DONE, "")
    assert not storages["private"].exists(kept)
    assert SpendLine.objects.count() == 1


def test_a_cancelled_run_deletes_the_kept_file_and_writes_nothing(page):
    upload(page, HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\n")
    run = ImportRun.objects.get()
    kept = run.kept
    page.post(URL, {"run": run.pk, "cancel": "1"})
    assert not storages["private"].exists(kept)
    assert page.post(URL, {"run": run.pk, "confirm": "1"}).status_code == 302
    assert not SpendLine.objects.exists()


def test_someone_elses_run_is_not_found(page, client_for):
    upload(page, HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\n")
    run = ImportRun.objects.get()
    other = client_for(UserFactory(role=roles.FINANCE))
    assert other.get(f"{URL}?run={run.pk}").status_code == 404
    assert other.post(URL, {"run": run.pk, "confirm": "1"}).status_code == 404
    assert not SpendLine.objects.exists()


def test_an_expired_preview_cannot_be_confirmed(page):
    upload(page, HEADER + "T1;05/11/2026;Acme;FP2026009;Staff;1;x\n")
    run = ImportRun.objects.get()
    ImportRun.objects.filter(pk=run.pk).update(
        created_at=timezone.now() - PREVIEW_LIFE - datetime.timedelta(minutes=1)
    )
    response = page.post(URL, {"run": run.pk, "confirm": "1"}, follow=True)
    assert "the preview has expired" in response.content.decode()
    assert not SpendLine.objects.exists()


def test_uploads_older_than_a_day_are_deleted(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {**settings.STORAGES["private"], "OPTIONS": {"location": str(tmp_path)}},
    }
    storage = storages["private"]
    name = storage.save("imports/left-behind.csv", ContentFile(b"names of people"))
    # The file's own time, not the clock's: the suite also runs on a moved clock.
    saved_at = storage.get_modified_time(name)
    assert uploads_expire(now=saved_at) == 0
    assert uploads_expire(now=saved_at + PREVIEW_LIFE + datetime.timedelta(hours=1)) == 1
    assert not storage.exists(name)
