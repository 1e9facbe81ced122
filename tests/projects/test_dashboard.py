import datetime
from decimal import Decimal
from io import BytesIO

import openpyxl

from tests.factories import ProjectFactory
from tests.projects.test_workbook import add_line


def test_finance_sees_budget_against_actual_for_a_year(client_for, finance_officer):
    project = ProjectFactory()
    add_line(project, 1, "1234.56", day=datetime.date(2026, 5, 1))
    add_line(project, 2, "999.00", day=datetime.date(2025, 5, 1))
    page = (
        client_for(finance_officer).get("/admin/finance/?financial_year=2026-27").content.decode()
    )
    assert project.cost_centre in page
    assert "spent £1,234.56" in page
    assert "<svg" in page


def test_the_downloaded_workbook_has_the_dashboards_totals(client_for, finance_officer):
    project = ProjectFactory()
    add_line(project, 1, "1234.56", day=datetime.date(2026, 5, 1))
    add_line(project, 2, "765.44", day=datetime.date(2026, 11, 1))
    add_line(project, 3, "999.00", day=datetime.date(2025, 5, 1))
    response = client_for(finance_officer).get("/admin/finance/workbook/?financial_year=2026-27")
    assert response["Content-Disposition"] == 'attachment; filename="spend-2026-27.xlsx"'
    book = openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(book["Transactions"].iter_rows(min_row=2, values_only=True))
    assert sum(Decimal(str(row[9])) for row in rows) == Decimal("2000.00")


def test_leads_and_members_cannot_see_the_finance_dashboard(client_for, lead, member):
    for user in (lead, member):
        client = client_for(user)
        assert client.get("/admin/finance/").status_code == 403
        assert client.get("/admin/finance/workbook/").status_code == 403


def test_finance_downloads_the_transparency_file_for_the_dashboards_year(
    client_for, finance_officer
):
    project = ProjectFactory()
    add_line(project, 1, "1234.56", day=datetime.date(2026, 5, 1))
    add_line(project, 2, "499.99", day=datetime.date(2026, 5, 2))
    response = client_for(finance_officer).get(
        "/admin/finance/transparency/?financial_year=2026-27&quarter=1"
    )
    assert response["Content-Disposition"] == (
        'attachment; filename="transparency-spend-2026-27-q1.csv"'
    )
    lines = response.content.decode().splitlines()
    assert len(lines) == 2
    assert "1234.56" in lines[1]


def test_finance_downloads_the_360giving_files(client_for, finance_officer):
    ProjectFactory()
    client = client_for(finance_officer)
    assert len(client.get("/admin/finance/360giving.json").json()["grants"]) == 1
    response = client.get("/admin/finance/360giving.xlsx")
    book = openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert book["grants"].max_row == 2


def test_leads_cannot_download_the_published_files(client_for, lead):
    client = client_for(lead)
    for url in (
        "/admin/finance/transparency/?financial_year=2026-27",
        "/admin/finance/360giving.json",
        "/admin/finance/360giving.xlsx",
    ):
        assert client.get(url).status_code == 403


def test_every_dashboard_filter_has_a_label(client_for, finance_officer):
    page = client_for(finance_officer).get("/admin/finance/").content.decode()
    assert "[invalid name]" not in page
    assert "Financial year" in page


def test_the_dashboard_lists_a_page_of_projects_and_totals_them_all(
    client_for, finance_officer, monkeypatch
):
    monkeypatch.setattr("exports.views.ROWS_PER_PAGE", 1)
    ProjectFactory.create_batch(2, approved_amount=Decimal("1000.00"))
    page = client_for(finance_officer).get("/admin/finance/?financial_year=&page=2")
    assert len(page.context["page"].object_list) == 1
    assert page.context["totals"]["budget"] == Decimal("2000.00")


def test_a_project_is_chosen_by_its_reference_or_cost_centre(client_for, finance_officer):
    chosen, _other = ProjectFactory(cost_centre="FP2026077"), ProjectFactory()
    client = client_for(finance_officer)
    for code in [chosen.reference.lower(), " fp2026077 "]:
        page = client.get("/admin/finance/", {"financial_year": "", "project": code})
        assert [row.project for row in page.context["page"]] == [chosen]
    unknown = client.get("/admin/finance/", {"financial_year": "", "project": "FP-NONE"})
    assert list(unknown.context["page"]) == []
    assert "No projects match these filters." in unknown.content.decode()
