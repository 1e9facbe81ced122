"""The results pages: who sees what, suppression on everything outside the programme team,
and no family-level row or case reference anywhere a non-programme user can reach."""

import datetime
from decimal import Decimal
from io import BytesIO

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from evaluations.models import Family
from evaluations.pseudonyms import case_hash
from evaluations.selectors.presenting import gather, results, year_figures
from public.models import ResultsPage
from tests.evaluations.conftest import TODAY
from tests.factories import ProjectFactory, SpendLineFactory, family_rows_csv, need_rows

pytestmark = pytest.mark.django_db


def families(count, reference="CASE", closed="30/06/2025", sustained="yes"):
    rows = []
    for number in range(count):
        rows += need_rows(
            f"{reference}-{number}",
            "06/01/2025",
            closed,
            [1, 4, 9],
            achieved="01/05/2025",
            sustained=sustained,
        )
    return family_rows_csv(rows)


@pytest.fixture
def few_families(import_families, freeze_today):
    """Four successful family outcomes in 2025-26: a small number."""
    import_families(families(4))


@pytest.fixture
def freeze_today(time_machine):
    time_machine.move_to(datetime.datetime.combine(TODAY, datetime.time(12)), tick=False)


@pytest.fixture
def results_page():
    home = Site.objects.get(is_default_site=True).root_page
    page = ResultsPage(title="What has it achieved?", slug="achieved")
    home.add_child(instance=page)
    return page


def test_group_members_see_small_counts_suppressed(client_for, member, few_families):
    html = client_for(member).get("/portal/results/?year=2025-26").content.decode()
    assert "&lt;10" in html
    assert "Successful family outcomes" in html


def test_the_programme_team_sees_exact_counts(client_for, programme_officer, few_families):
    html = client_for(programme_officer).get("/portal/results/?year=2025-26").content.decode()
    assert "Unsuppressed" in html
    assert "&lt;10" not in html


def test_leads_who_are_not_members_cannot_see_the_results_page(client_for, lead):
    assert client_for(lead).get("/portal/results/").status_code == 403


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get("/portal/results/").status_code == 302


def test_the_public_page_suppresses_small_counts(client, results_page, few_families):
    html = client.get(results_page.url).content.decode()
    assert "Successful family outcomes by year" in html
    assert "&lt;10" in html


def test_the_public_page_shows_counts_of_ten_or_more(client, results_page, import_families):
    import_families(families(12))
    html = client.get(results_page.url).content.decode()
    assert ">12<" in html


def test_no_page_outside_the_programme_team_shows_a_case_reference_or_a_family_row(
    client, client_for, results_page, few_families, member, finance_officer, lead
):
    digest = case_hash("CASE-0")
    assert Family.objects.filter(case_hash=digest).exists()
    pages = [(None, results_page.url)]
    for user in (member, finance_officer):
        pages.append((user, "/portal/results/?year=2025-26"))
    pages.append((finance_officer, "/admin/finance/workbook/?financial_year=2025-26"))
    for user, url in pages:
        session = client_for(user) if user else client
        response = session.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if url.startswith("/admin/finance/workbook"):
            book = openpyxl.load_workbook(BytesIO(body))
            body = "".join(
                str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                for cell in row
            ).encode()  # fmt: skip
        assert b"CASE-0" not in body and digest[:12].encode() not in body, url
    for user in (member, finance_officer, lead):
        session = client_for(user)
        for url in ["/admin/families/", "/admin/families/case-level/", "/admin/families/import/"]:
            assert session.get(url).status_code in (302, 403), (user, url)


def test_the_workbook_sheet_writes_hidden_counts_as_text(client_for, finance_officer, few_families):
    response = client_for(finance_officer).get("/admin/finance/workbook/?financial_year=2025-26")
    book = openpyxl.load_workbook(BytesIO(b"".join(response.streaming_content)))
    sheet = book["Outcomes and value"]
    values = {row[0]: row[1] for row in sheet.iter_rows(values_only=True) if row[0]}
    assert values["Successful family outcomes"] == "<10"
    assert values["Families supported"] == "<10"


def test_the_results_page_takes_the_same_queries_for_more_families(
    client_for, programme_officer, import_families, freeze_today
):
    ProjectFactory(start_date=datetime.date(2024, 4, 1))
    import_families(families(3))
    client = client_for(programme_officer)
    client.get("/portal/results/")
    with CaptureQueriesContext(connection) as few:
        client.get("/portal/results/?year=2025-26")
    import_families(families(40, reference="MORE"))
    with CaptureQueriesContext(connection) as many:
        client.get("/portal/results/?year=2025-26")
    assert len(many) == len(few)


def test_one_years_view_hides_exactly_what_the_all_years_table_hides(import_families, freeze_today):
    rows = []
    for number in range(20):
        rows += need_rows(
            f"BIG-{number}", "06/01/2025", "30/06/2025", [1, 4, 9], achieved="01/05/2025",
            sustained="yes",
        )  # fmt: skip
    for number in range(3):
        rows += need_rows(
            f"FEW-{number}", "06/01/2025", "30/06/2025", [2, 4, 9], achieved="01/05/2025",
            sustained="yes",
        )  # fmt: skip
    import_families(family_rows_csv(rows))
    figures = gather(TODAY)
    summary, outcomes, _raw = year_figures(figures, "2025-26", suppressed=True)
    table = results(figures, suppressed=True)
    column = figures.years.index("2025-26")
    by_number = {row["number"]: row["cells"][column] for row in table.outcome_rows}
    for row in outcomes:
        assert str(row["achieved"]) == str(by_number[row["number"]])
    assert str(summary["outcomes_achieved"]) == str(table.year_totals[column])
    cells = [row["achieved"] for row in outcomes] + [summary["outcomes_achieved"]]
    assert sum(cell.suppressed for cell in cells) != 1
    assert str(by_number[2]) == "<10"


def test_the_spend_per_family_divides_by_the_families_a_funded_project_supported(
    client_for, programme_officer, import_families, freeze_today
):
    project = ProjectFactory(
        start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2027, 3, 31)
    )
    SpendLineFactory(
        project=project,
        date=datetime.date(2025, 5, 1),
        net_amount=Decimal("12000.00"),
        irrecoverable_vat=Decimal("0.00"),
    )
    rows = []
    for number in range(30):
        supported = project.reference if number < 12 else ""
        rows += need_rows(f"CASE-{number}", "06/01/2025", "30/06/2025", [1, 4, 9],
                          projects=supported, achieved="01/05/2025", sustained="yes")  # fmt: skip
    import_families(family_rows_csv(rows))
    html = client_for(programme_officer).get("/portal/results/?year=2025-26").content.decode()
    assert "Families a funded project supported" in html
    assert "£1,000.00" in html  # £12,000 over 12 families and over their 12 successes
    figures, _outcomes, _raw = year_figures(gather(TODAY), "2025-26", suppressed=False)
    assert figures["families_supported"].value == 30
    assert figures["spend_per_family_supported"] == Decimal("1000.00")
