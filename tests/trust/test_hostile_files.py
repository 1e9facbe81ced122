"""Malformed and hostile files for every import and upload: each gets a clear error and the
database is left as it was; text that looks like a formula or markup stays inert text."""

import gzip
import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape

from core.models import ImportRun
from core.problems import ImportRefused
from evaluations.family_csv import check as check_families
from evaluations.models import Family
from evaluations.services import family_outcomes_import
from projects.models import SpendLine
from projects.services import spend_import
from tests.factories import FAMILY_HEADER, ProjectFactory, family_rows_csv, need_rows

pytestmark = pytest.mark.django_db


def two_files_zipped():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("a.csv", "x")
        archive.writestr("b.csv", "y")
    return out.getvalue()


HEADER = "Transaction Number,Date,Supplier,Description,Cost Centre,Expense Type,Net Amount\n"
ROW = "T1,01/06/2026,{supplier},{description},FP2026005,Staff,100.00\n"
GOOD = HEADER + ROW.format(supplier="Acme Ltd", description="Work")

HOSTILE = {
    "a byte no text encoding has": (GOOD.encode() + b"T2,\x81\n", "Byte 0x81 on line 3"),
    "a PNG named .csv": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not UTF-8"),
    "a damaged zip": (b"PK\x03\x04" + bytes(100), "cannot be opened"),
    "two files zipped": (two_files_zipped(), "The zip file holds 2 files"),
    "a row longer than the header": (
        (GOOD + "T2,01/06/2026,Smith, J,Work,FP2026005,Staff,1.00\n").encode(),
        "Line 3: this row has 8 cells, the header has 7",
    ),
    "a cell of 300,000 characters": (
        (HEADER + ROW.format(supplier="A" * 300_000, description="x")).encode(),
        "Line 2 cannot be read as CSV",
    ),
    "a quote never closed": (
        (HEADER + 'T1,01/06/2026,"Acme,Work,FP2026005,Staff,100.00\n' * 3).encode(),
        "",
    ),
    "no header row": (b"", "The file is empty"),
    "a NUL byte": (
        (HEADER + "T\x001,01/06/2026,Acme,Work,FP2026005,Staff,1.00\n").encode(),
        "Line 2 holds a NUL",
    ),
    "the wrong headings": (b"Name,Address\nA,B\n", "No header row was found"),
    "only a byte-order mark": ("\ufeff".encode(), "The file is empty"),
}


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026005")


@pytest.mark.parametrize(
    "data",
    [GOOD.encode("utf-16"), GOOD.replace("100.00", "£100.00").encode("cp1252")],
    ids=["UTF-16", "Windows-1252 pound sign"],
)
def test_other_text_encodings_are_read_exactly(project, finance_officer, data):
    result = spend_import(user=finance_officer, data=data, filename="ledger.csv")
    assert result.added == 1
    assert str(SpendLine.objects.get().net_amount) == "100.00"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_ledger_is_refused_clearly_and_writes_nothing(project, finance_officer, kind):
    data, message = HOSTILE[kind]
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="ledger.csv")
    assert refused.value.problems
    assert message in " ".join(reason for _line, reason in refused.value.problems)
    assert SpendLine.objects.count() == 0


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_case_management_export_is_refused_clearly(kind):
    data, message = HOSTILE[kind]
    checked = check_families(data)
    assert checked.errors
    assert Family.objects.count() == 0


UPLOADS = {
    "ledger": ("/admin/spend/import/", "finance_officer"),
    "case-management export": ("/admin/families/import/", "programme_officer"),
}


def first_problem(upload_to, data, finance_officer):
    """What the import itself says first about the file: the page must show it."""
    if not data:
        return "The selected file is empty."  # refused by the upload form, before any import
    if upload_to == "ledger":
        with pytest.raises(ImportRefused) as refused:
            spend_import(user=finance_officer, data=data, filename="x.csv", dry_run=True)
        return refused.value.problems[0][1]
    return check_families(data).errors[0][1]


@pytest.mark.parametrize("upload_to", sorted(UPLOADS))
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_the_back_office_upload_shows_the_problem_and_keeps_nothing(
    client, request, project, finance_officer, kind, upload_to
):
    data, _message = HOSTILE[kind]
    url, officer = UPLOADS[upload_to]
    client.force_login(request.getfixturevalue(officer))
    upload = SimpleUploadedFile("export.csv", data, "text/csv")
    response = client.post(url, {"file": upload}, follow=True)
    assert response.status_code == 200
    assert escape(first_problem(upload_to, data, finance_officer)) in response.content.decode()
    assert SpendLine.objects.count() == 0
    assert Family.objects.count() == 0
    assert not ImportRun.objects.exclude(kept="").exists()


def test_an_upload_that_is_not_a_csv_file_is_refused(client, finance_officer, project):
    client.force_login(finance_officer)
    upload = SimpleUploadedFile("ledger.exe", GOOD.encode(), "application/octet-stream")
    response = client.post("/admin/spend/import/", {"file": upload})
    assert b"Choose a CSV file" in response.content
    assert SpendLine.objects.count() == 0


def test_an_upload_over_the_size_limit_is_refused(client, finance_officer, project, settings):
    settings.IMPORT_UPLOAD_MAX_BYTES = 100
    client.force_login(finance_officer)
    upload = SimpleUploadedFile("ledger.csv", GOOD.encode() * 10, "text/csv")
    response = client.post("/admin/spend/import/", {"file": upload})
    assert b"import it with the command instead" in response.content


FORMULA = '=HYPERLINK("http://evil.example","Click")'
SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def test_formula_and_markup_in_a_ledger_are_stored_as_plain_text(project, finance_officer, client):
    quoted_formula = '"' + FORMULA.replace('"', '""') + '"'
    data = (HEADER + ROW.format(supplier=SCRIPT, description=quoted_formula)).encode()
    spend_import(user=finance_officer, data=data, filename="ledger.csv")
    line = SpendLine.objects.get()
    assert (line.supplier, line.description) == (SCRIPT, FORMULA)
    client.force_login(finance_officer)
    page = client.get("/admin/spend/").content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;" in page
    export = b"".join(client.get("/admin/spend/", {"export": "csv"}).streaming_content).decode()
    assert "'=HYPERLINK" in export


def test_markup_as_a_case_reference_is_hashed_and_stored_nowhere(programme_officer):
    rows = need_rows("<script>alert(1)</script>", "06/01/2025", "30/06/2025", (1, 4, 9))
    data = family_rows_csv(rows, header=FAMILY_HEADER)
    result = family_outcomes_import(
        user=programme_officer,
        checked=check_families(data),
        filename="cases.csv",
        sha256=hashlib.sha256(data).hexdigest(),
    )
    assert result.added == 1
    assert "script" not in str(Family.objects.values().get())


@pytest.mark.parametrize("pack", ["gzip", "zip"])
def test_a_compressed_file_that_unpacks_too_large_is_refused(
    project, finance_officer, monkeypatch, pack
):
    monkeypatch.setattr("core.file_formats.UNPACKED_LIMIT", 1000)
    inner = GOOD.encode() + b"T9,01/06/2026,Acme,Work,FP2026005,Staff,1.00\n" * 100
    if pack == "gzip":
        data = gzip.compress(inner)
    else:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("ledger.csv", inner)
        data = out.getvalue()
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename=f"ledger.{pack}")
    assert "unpacks to more than" in refused.value.problems[0][1]
    assert SpendLine.objects.count() == 0
