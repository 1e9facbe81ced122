import datetime
import random
from decimal import Decimal
from io import StringIO

import openpyxl
import pytest
from django.core.management import call_command

from exports.workbook import write_workbook
from projects.models import SpendLine
from projects.periods import Period
from projects.selectors import budget_against_actual, totals
from tests.factories import ProjectFactory


def add_line(project, number, amount, vat="0.00", supplier="Acme Ltd", day=None):
    return SpendLine.objects.create(
        transaction_number=f"T{number}",
        date=day or datetime.date(2026, 6, 1),
        supplier=supplier,
        description="Work",
        cost_centre=project.cost_centre,
        project=project,
        expense_type="Staff",
        net_amount=Decimal(amount),
        irrecoverable_vat=Decimal(vat),
    )


def read(path):
    return openpyxl.load_workbook(path)


def money(value):
    return Decimal(str(value)).quantize(Decimal("0.01"))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_transactions_sum_to_the_database_and_the_summary_to_the_penny(db, tmp_path, seed):
    rng = random.Random(seed)
    projects = [ProjectFactory() for _ in range(3)]
    expected = Decimal("0.00")
    for number in range(rng.randint(20, 60)):
        net = Decimal(rng.randint(-5000, 900000)) / 100
        vat = Decimal(rng.choice([0, rng.randint(0, 20000)])) / 100
        add_line(
            rng.choice(projects),
            number,
            net,
            vat,
            day=datetime.date(2026, 4, 1) + datetime.timedelta(days=rng.randint(0, 364)),
        )
        expected += net + vat
    path = tmp_path / "spend.xlsx"
    write_workbook(path, Period("2026-27"))
    book = read(path)
    sheet = book["Transactions"]
    sheet_total = sum(money(row[9]) for row in sheet.iter_rows(min_row=2, values_only=True))
    summary_total = money(book["Summary"].cell(row=len(projects) + 4, column=5).value)
    selector_total = totals(budget_against_actual(Period("2026-27")))["spent"]
    assert sheet_total == expected == summary_total == selector_total


def test_a_supplier_that_looks_like_a_formula_is_written_as_text(db, tmp_path):
    project = ProjectFactory()
    add_line(project, 1, "10.00", supplier='=HYPERLINK("http://x","click")')
    add_line(project, 2, "10.00", supplier="@SUM(A1)")
    path = tmp_path / "spend.xlsx"
    write_workbook(path, Period("2026-27"))
    sheet = read(path)["Transactions"]
    suppliers = {sheet.cell(row=r, column=3) for r in (2, 3)}
    assert {cell.value for cell in suppliers} == {'=HYPERLINK("http://x","click")', "@SUM(A1)"}
    assert all(cell.data_type == "s" for cell in suppliers)


def test_dates_are_dates_and_ids_are_text(db, tmp_path):
    project = ProjectFactory(cost_centre="00123")
    add_line(project, 1, "10.00")
    path = tmp_path / "spend.xlsx"
    write_workbook(path, Period("2026-27"))
    sheet = read(path)["Transactions"]
    assert isinstance(sheet.cell(row=2, column=2).value, datetime.datetime)
    assert sheet.cell(row=2, column=5).value == "00123"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref is not None


def test_the_quarter_filter_keeps_only_that_quarters_spend(db):
    project = ProjectFactory()
    add_line(project, 1, "100.00", day=datetime.date(2026, 6, 30))
    add_line(project, 2, "200.00", day=datetime.date(2026, 7, 1))
    assert totals(budget_against_actual(Period("2026-27", 1)))["spent"] == Decimal("100.00")
    assert totals(budget_against_actual(Period("2026-27", 2)))["spent"] == Decimal("200.00")


def test_the_command_writes_the_workbook(db, tmp_path):
    add_line(ProjectFactory(), 1, "10.00")
    path = tmp_path / "spend.xlsx"
    call_command("export_spend", "--year", "2026-27", "--out", str(path), stdout=StringIO())
    assert read(path).sheetnames == ["Summary", "Transactions", "By month", "Outcomes and value"]
