"""Finance: filter the dashboard to a year, download the workbook, and check its totals
against the database."""

import datetime
from decimal import Decimal

import openpyxl
from django.db.models import F, Sum
from playwright.sync_api import expect

from governance import roles
from projects.models import SpendLine
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, ProjectFactory, SpendLineFactory, UserFactory


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_finance_filters_to_a_year_and_downloads_the_workbook(new_page, tmp_path):
    finance = UserFactory(role=roles.FINANCE, email="helen@families.example")
    project = ProjectFactory(title="School Family Support Service")
    SpendLineFactory(project=project, date=datetime.date(2026, 5, 3), net_amount="1250.50")
    SpendLineFactory(
        project=project, date=datetime.date(2026, 9, 9), net_amount="800.00", irrecoverable_vat=4
    )
    SpendLineFactory(project=project, date=datetime.date(2025, 5, 1), net_amount="999.99")
    page = new_page()
    sign_in(page, finance.email, PASSWORD)
    page.goto("/admin/finance/")
    page.get_by_label("Financial year").select_option("2026-27")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_role("heading", name="2026-27", exact=True)).to_be_visible()
    expect(page.get_by_text("spent £2,054.50")).to_be_visible()

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the workbook").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == "spend-2026-27.xlsx"

    book = openpyxl.load_workbook(path)
    transactions = list(book["Transactions"].iter_rows(min_row=2, values_only=True))
    in_year = SpendLine.objects.filter(date__range=("2026-04-01", "2027-03-31")).aggregate(
        total=Sum(F("net_amount") + F("irrecoverable_vat"))
    )["total"]
    assert sum(money(row[9]) for row in transactions) == in_year == Decimal("2054.50")
    assert money(book["Summary"].cell(row=4, column=5).value) == Decimal("2054.50")
