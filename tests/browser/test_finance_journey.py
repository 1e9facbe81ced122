"""Finance: import the ledger, filter the dashboard to a year, download the workbook, and
check its totals against the database."""

import datetime
from decimal import Decimal

import openpyxl
from django.db.models import F, Sum
from playwright.sync_api import expect

from programme import roles
from projects.models import SpendLine
from tests.browser.conftest import sign_in
from tests.factories import PASSWORD, ProjectFactory, SpendLineFactory, UserFactory


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


LEDGER = (
    "Transaction Number,Date,Supplier,Description,Cost Centre,Expense Type,Net Amount,"
    "Irrecoverable VAT\n"
    'T5001,03/05/2026,Barnardo\'s,Family worker May,FP2026005,Staff,"£1,250.50",0\n'
    "T5002,09/09/2026,Venue Hire Ltd,Community room,FP2026005,Premises,800.00,4.00\n"
    "T5003,01/05/2025,Venue Hire Ltd,Last year's room,FP2026005,Premises,999.99,0\n"
)


def test_finance_imports_the_ledger_then_downloads_the_years_workbook(new_page, tmp_path):
    finance = UserFactory(role=roles.FINANCE, email="helen@families.example")
    ProjectFactory(title="School Family Support Service", cost_centre="FP2026005")
    ledger = tmp_path / "ledger.csv"
    ledger.write_text(LEDGER)
    page = new_page()
    sign_in(page, finance.email, PASSWORD)
    page.goto("/admin/spend/import/")
    page.locator("input[type=file]").set_input_files(ledger)
    page.get_by_role("button", name="Check the file").click()
    expect(page.locator("main")).to_contain_text("3 will be added")
    page.get_by_role("button", name="Import 3 lines").click()
    expect(page.locator("main")).to_contain_text("3 lines added")
    assert SpendLine.objects.count() == 3

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


def test_finance_prepares_the_all_years_workbook_and_downloads_it(new_page, tmp_path):
    finance = UserFactory(role=roles.FINANCE, email="helen@families.example")
    project = ProjectFactory(title="School Family Support Service", cost_centre="FP2026005")
    for day, amount in [
        (datetime.date(2025, 5, 1), "999.99"),
        (datetime.date(2026, 5, 3), "1250.50"),
    ]:
        SpendLineFactory(project=project, date=day, net_amount=Decimal(amount))
    page = new_page()
    sign_in(page, finance.email, PASSWORD)
    page.goto("/admin/finance/")
    page.get_by_label("Financial year").select_option("")
    page.get_by_role("button", name="Apply filters").click()
    page.get_by_role("link", name="Download the workbook").click()
    page.get_by_role("button", name="Prepare the all-years workbook").click()
    expect(page.locator("main")).to_contain_text("Ready to download")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the workbook (.xlsx)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    transactions = list(
        openpyxl.load_workbook(path)["Transactions"].iter_rows(min_row=2, values_only=True)
    )
    assert sum(money(row[9]) for row in transactions) == Decimal("2250.49")
    page.goto("/admin/finance/workbook/?financial_year=")
    expect(page.get_by_role("table")).to_contain_text("Ready to download")
