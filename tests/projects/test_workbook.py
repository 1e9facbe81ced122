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
from projects.selectors.budget import budget_against_actual, totals
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


def read(path, formulas=False):
    """The workbook's values (totals as the cached results of their formulas), or with
    ``formulas`` the formulas themselves."""
    return openpyxl.load_workbook(path, data_only=not formulas)


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


@pytest.fixture
def spend_year(db, tmp_path):
    rng = random.Random(7)
    projects = [ProjectFactory() for _ in range(4)]
    for number in range(80):
        add_line(
            rng.choice(projects),
            number,
            Decimal(rng.randint(-5000, 900000)) / 100,
            Decimal(rng.randint(0, 20000)) / 100,
            day=datetime.date(2026, 4, 1) + datetime.timedelta(days=rng.randint(0, 364)),
        )
    path = tmp_path / "spend.xlsx"
    write_workbook(path, Period("2026-27"))
    return path, len(projects)


def test_every_summary_total_is_a_live_sum_of_its_rows_to_the_penny(spend_year):
    path, count = spend_year
    values, formulas = read(path)["Summary"], read(path, formulas=True)["Summary"]
    total_row = count + 4
    assert values.cell(row=total_row, column=1).value == "Total"
    rows = budget_against_actual(Period("2026-27"))
    expected = totals(rows)
    for column, key in [
        (4, "budget"),
        (5, "spent"),
        (6, "remaining"),
        (7, "variance"),
        (9, "forecast_outturn"),
    ]:
        cells = [values.cell(row=r, column=column).value for r in range(4, total_row)]
        total = money(values.cell(row=total_row, column=column).value)
        assert total == sum(money(v) for v in cells) == expected[key], key
        assert formulas.cell(row=total_row, column=column).value.startswith("=SUM(")
    assert money(values.cell(row=total_row, column=7).value) == -money(
        values.cell(row=total_row, column=6).value
    )


def test_by_month_has_a_total_for_each_project_and_month_that_add_up(spend_year):
    path, count = spend_year
    sheet = read(path)["By month"]
    header = [cell.value for cell in sheet[1]]
    assert header[-1] == "Total" and len(header) == 14
    body = list(sheet.iter_rows(min_row=2, max_row=count + 1, values_only=True))
    for row in body:
        assert money(row[13]) == sum(money(v) for v in row[1:13])
    totals_row = [cell.value for cell in sheet[count + 2]]
    assert totals_row[0] == "Total"
    for column in range(1, 14):
        assert money(totals_row[column]) == sum(money(row[column]) for row in body)
    spent = totals(budget_against_actual(Period("2026-27")))["spent"]
    assert money(totals_row[13]) == spent
    formulas = read(path, formulas=True)["By month"]
    assert formulas.cell(row=count + 2, column=14).value.startswith("=SUM(")


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
