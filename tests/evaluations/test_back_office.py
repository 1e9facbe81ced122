"""The programme team's back office for outcomes: the family import with a preview, the
case-level return (recorded), and results entered by leads in the portal."""

import csv
import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from wagtail.models import ModelLogEntry

from core.financial_years import fy_for_date, fy_quarter
from core.models import ImportRun
from evaluations.models import DataRelease, Family, ProjectResult
from evaluations.selectors.projects import result_quarters
from evaluations.services import project_results_record
from programme.models import Outcome
from projects.models import ProgressReport
from projects.periods import Period
from tests.factories import ProjectFactory, UserFactory, family_rows_csv, need_rows

pytestmark = pytest.mark.django_db


def a_file(count=2):
    rows = []
    for number in range(count):
        rows += need_rows(f"LIV-{number}", "06/01/2025", "30/06/2025", [1, 4, 9],
                          achieved="01/05/2025", sustained="yes")  # fmt: skip
    return family_rows_csv(rows)


def test_the_team_previews_then_confirms_a_family_import(client_for, programme_officer):
    client = client_for(programme_officer)
    preview = client.post(
        "/admin/families/import/", {"file": SimpleUploadedFile("cases.csv", a_file())}, follow=True
    ).content.decode()
    assert "2 new family plans" in preview
    assert not Family.objects.exists()
    run = ImportRun.objects.get()
    response = client.post("/admin/families/import/", {"run": run.pk, "confirm": "1"})
    assert response.status_code == 302
    assert Family.objects.count() == 2


def test_the_pending_import_keeps_no_case_reference(client_for, programme_officer, settings):
    client = client_for(programme_officer)
    client.post("/admin/families/import/", {"file": SimpleUploadedFile("c.csv", a_file())})
    pending = ImportRun.objects.get().kept
    with storages["private"].open(pending) as handle:
        assert b"LIV-0" not in handle.read()


def test_a_bad_family_file_is_shown_row_by_row(client_for, programme_officer):
    bad = family_rows_csv([["C", "06/01/2025", "", "", "eleven", "06/01/2025", "", "", ""]])
    page = client_for(programme_officer).post(
        "/admin/families/import/", {"file": SimpleUploadedFile("bad.csv", bad)}, follow=True
    )
    assert "Line 2: outcome &#x27;eleven&#x27;" in page.content.decode()


def test_the_case_level_return_is_one_row_per_family_and_is_recorded(
    client_for, programme_officer, import_families
):
    import_families(a_file(3))
    response = client_for(programme_officer).post(
        "/admin/families/case-level/", {"purpose": "National impact study Q3"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 4
    assert rows[0][:3] == ["Family ID", "Plan Start", "Case Closed"]
    assert len(rows[0]) == 5 + 3 * 10
    assert {row[0] for row in rows[1:]} == set(Family.objects.values_list("case_hash", flat=True))
    assert not any("LIV-" in cell for row in rows for cell in row)
    release = DataRelease.objects.get()
    assert (release.released_by, release.families) == (programme_officer, 3)
    assert ModelLogEntry.objects.filter(action="evaluations.data_release").exists()


def test_finance_cannot_download_the_case_level_return(client_for, finance_officer):
    response = client_for(finance_officer).post("/admin/families/case-level/", {"purpose": "x"})
    assert response.status_code in (302, 403)
    assert not DataRelease.objects.exists()


@pytest.fixture
def project(db):
    return ProjectFactory(start_date=datetime.date(2026, 4, 1))


def results_form(outcome=1, supported=30, achieved=12, sustained=4):
    return {
        f"o{outcome}_families_supported": supported,
        f"o{outcome}_families_achieved": achieved,
        f"o{outcome}_families_sustained": sustained,
    }


def test_a_lead_enters_a_quarters_results(client, project):
    client.force_login(project.lead)
    url = f"/portal/results/projects/{project.reference}/2026-27/q1/"
    response = client.post(url, results_form())
    assert response.status_code == 302
    result = ProjectResult.objects.get()
    assert (result.families_supported, result.families_achieved) == (30, 12)
    assert result.entered_by == project.lead


def test_a_row_of_zeros_removes_an_outcomes_entry(client, project):
    client.force_login(project.lead)
    url = f"/portal/results/projects/{project.reference}/2026-27/q1/"
    client.post(url, results_form())
    client.post(url, results_form(supported=0, achieved=0, sustained=0))
    assert not ProjectResult.objects.exists()


def test_a_negative_figure_is_named_in_the_error_summary(client, project):
    client.force_login(project.lead)
    url = f"/portal/results/projects/{project.reference}/2026-27/q1/"
    html = client.post(url, results_form(achieved=-1)).content.decode()
    assert "Getting a good education: achieved the outcome" in html
    assert not ProjectResult.objects.exists()


def test_another_lead_cannot_enter_results(client, project):
    client.force_login(UserFactory(role="Project leads"))
    url = f"/portal/results/projects/{project.reference}/2026-27/q1/"
    assert client.post(url, results_form()).status_code == 404


def test_a_quarter_that_has_not_ended_is_refused(client, project):
    client.force_login(project.lead)
    url = f"/portal/results/projects/{project.reference}/2099-00/q1/"
    response = client.post(url, results_form())
    assert "enter its results once it has ended" in response.content.decode()
    assert not ProjectResult.objects.exists()


def test_the_running_quarter_is_refused_and_the_ended_one_offered(project, today):
    with pytest.raises(ValidationError, match="once it has ended"):
        project_results_record(
            user=project.lead,
            project=project,
            financial_year=fy_for_date(today),
            quarter=fy_quarter(today),
            figures={1: (10, 5, 2)},
            today=today,
        )
    quarters = result_quarters(project, today)
    assert (fy_for_date(today), fy_quarter(today)) not in quarters
    assert all(Period(*quarter).bounds()[1] < today for quarter in quarters)


@pytest.mark.parametrize(
    ("figures", "message"),
    [
        ((10, 12, 2), "Outcome 1: 12 families achieved it, but only 10 were supported"),
        ((10, 5, 6), "Outcome 1: 6 families sustained it, but only 5 achieved it"),
    ],
)
def test_results_cannot_contradict_themselves(client, project, figures, message):
    client.force_login(project.lead)
    url = f"/portal/results/projects/{project.reference}/2026-27/q1/"
    supported, achieved, sustained = figures
    response = client.post(
        url, results_form(supported=supported, achieved=achieved, sustained=sustained)
    )
    assert message in response.content.decode()
    assert not ProjectResult.objects.exists()


def test_the_database_refuses_more_sustained_than_achieved(project):
    with pytest.raises(IntegrityError):
        ProjectResult.objects.create(
            project=project,
            financial_year="2026-27",
            quarter=1,
            outcome=Outcome.objects.get(number=1),
            families_supported=10,
            families_achieved=5,
            families_sustained=6,
            entered_by=project.lead,
        )


def test_sending_a_progress_report_leads_on_to_the_results(client, project):
    client.force_login(project.lead)
    response = client.post(
        f"/portal/projects/{project.reference}/reports/2026-27/q1/write/",
        {"narrative": "Going well.", "rag": "green", "families_supported": 40},
    )
    assert ProgressReport.objects.exists()
    assert response.url == f"/portal/results/projects/{project.reference}/2026-27/q1/"


@pytest.mark.parametrize(
    "url",
    [
        "/admin/families/",
        "/admin/family_imports/",
        "/admin/project_results/",
        "/admin/project_targets/",
        "/admin/unit_costs/",
        "/admin/evaluation_studies/",
        "/admin/data_releases/",
        "/admin/families/import/",
        "/admin/families/case-level/",
    ],
)
def test_the_programme_team_opens_each_back_office_page(client_for, programme_officer, url):
    assert client_for(programme_officer).get(url).status_code == 200
