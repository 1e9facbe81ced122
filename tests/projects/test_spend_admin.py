import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import ImportRun
from projects.models import SpendLine
from tests.factories import ProjectFactory, SpendLineFactory
from tests.projects.test_spend_import import GOOD, csv_bytes


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026005")


def test_finance_previews_then_confirms_an_import(client_for, finance_officer, project):
    client = client_for(finance_officer)
    upload = SimpleUploadedFile("may.csv", csv_bytes(*GOOD))
    preview = client.post("/admin/spend/import/", {"file": upload}, follow=True).content.decode()
    assert "3 will be added" in preview
    assert SpendLine.objects.count() == 0
    run = ImportRun.objects.get()
    response = client.post("/admin/spend/import/", {"run": run.pk, "confirm": "1"})
    assert response.status_code == 302
    assert SpendLine.objects.count() == 3


def test_a_cancelled_preview_imports_nothing_and_keeps_no_file(
    client_for, finance_officer, project, settings
):
    client = client_for(finance_officer)
    folder = settings.PRIVATE_MEDIA_ROOT / "imports"
    before = set(folder.glob("*"))
    client.post("/admin/spend/import/", {"file": SimpleUploadedFile("may.csv", csv_bytes(*GOOD))})
    kept = set(folder.glob("*")) - before
    assert len(kept) == 1
    run = ImportRun.objects.get()
    response = client.post("/admin/spend/import/", {"run": run.pk, "cancel": "1"})
    assert response.status_code == 302
    assert not kept.pop().exists()
    client.post("/admin/spend/import/", {"run": run.pk, "confirm": "1"})
    assert SpendLine.objects.count() == 0


def test_a_file_already_imported_says_nothing_new_and_offers_no_import(
    client_for, finance_officer, project
):
    client = client_for(finance_officer)
    client.post("/admin/spend/import/", {"file": SimpleUploadedFile("may.csv", csv_bytes(*GOOD))})
    client.post("/admin/spend/import/", {"run": ImportRun.objects.get().pk, "confirm": "1"})
    again = SimpleUploadedFile("may.csv", csv_bytes(*GOOD))
    page = client.post("/admin/spend/import/", {"file": again}, follow=True).content.decode()
    assert "Nothing new to import" in page
    assert 'name="confirm"' not in page
    assert SpendLine.objects.count() == 3


def test_a_bad_file_is_shown_row_by_row_and_nothing_is_kept(client_for, finance_officer, project):
    client = client_for(finance_officer)
    upload = SimpleUploadedFile("bad.csv", csv_bytes("T1,99/99/2026,Acme,,FP2026005,Staff,1,0"))
    page = client.post("/admin/spend/import/", {"file": upload}, follow=True).content.decode()
    assert "Line 2: bad date" in page
    assert "Nothing was imported" in page
    run = ImportRun.objects.get()
    assert run.kept == ""
    client.post("/admin/spend/import/", {"run": run.pk, "confirm": "1"})
    assert SpendLine.objects.count() == 0


def test_a_manual_line_lands_on_the_project_by_its_cost_centre(
    client_for, finance_officer, project
):
    response = client_for(finance_officer).post(
        "/admin/spend/new/",
        {
            "transaction_number": "MAN-1",
            "date": "2026-06-01",
            "supplier": "Acme",
            "description": "Room hire",
            "cost_centre": "FP2026005",
            "expense_type": "Premises",
            "net_amount": "120.00",
            "irrecoverable_vat": "0",
        },
    )
    assert response.status_code == 302
    assert SpendLine.objects.get().project == project


def test_a_manual_line_with_an_unknown_cost_centre_is_refused(client_for, finance_officer, project):
    response = client_for(finance_officer).post(
        "/admin/spend/new/",
        {
            "transaction_number": "MAN-2",
            "date": "2026-06-01",
            "supplier": "Acme",
            "cost_centre": "NOPE",
            "expense_type": "Premises",
            "net_amount": "1",
            "irrecoverable_vat": "0",
        },
    )
    assert "No project has the cost centre" in response.content.decode()
    assert SpendLine.objects.count() == 0


def test_the_programme_team_reads_the_ledger_but_cannot_import(client_for, programme_officer):
    client = client_for(programme_officer)
    assert client.get("/admin/spend/").status_code == 200
    assert client.get("/admin/spend/import/").status_code in (302, 403)


def test_leads_are_kept_out_of_the_ledger(client_for, lead):
    assert client_for(lead).get("/admin/spend/").status_code == 403


def test_the_ledger_is_filtered_by_a_typed_project_reference(client_for, finance_officer, project):
    mine = SpendLineFactory(project=project)
    SpendLineFactory()
    page = client_for(finance_officer).get("/admin/spend/", {"project": "fp2026005"})
    assert list(page.context["object_list"]) == [mine]
    assert 'type="text" name="project"' in page.content.decode()
