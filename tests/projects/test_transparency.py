import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from exports.transparency import HEADINGS, REDACTED, write_transparency
from projects.periods import Period
from tests.factories import ProjectFactory, SpendLineFactory

pytestmark = pytest.mark.django_db
YEAR = Period("2026-27")


def rows(period=YEAR):
    out = io.StringIO()
    write_transparency(out, period)
    return list(csv.reader(io.StringIO(out.getvalue())))


def test_the_header_is_the_lga_column_layout():
    assert rows()[0] == HEADINGS


def test_only_lines_over_500_pounds_are_published():
    project = ProjectFactory()
    SpendLineFactory(project=project, transaction_number="A", net_amount=Decimal("500.00"))
    SpendLineFactory(project=project, transaction_number="B", net_amount=Decimal("500.01"))
    numbers = [row[3] for row in rows()[1:]]
    assert numbers == ["B"]


def test_credit_notes_over_500_pounds_are_published_as_negative_amounts():
    SpendLineFactory(transaction_number="CR1", net_amount=Decimal("-750.00"))
    assert rows()[1][4] == "-750.00"


def test_a_row_carries_the_councils_name_date_amounts_and_purpose(settings):
    settings.COUNCIL_NAME = "Liverpool City Council"
    line = SpendLineFactory(
        net_amount=Decimal("1250.50"),
        irrecoverable_vat=Decimal("12.40"),
        date=datetime.date(2026, 7, 3),
        expense_type="Commissioned services",
        description="Parenting course, summer term",
    )
    row = rows()[1]
    assert row == [
        "Liverpool City Council",
        "03/07/2026",
        "Acme Ltd",
        line.transaction_number,
        "1250.50",
        "12.40",
        settings.TRANSPARENCY_DEPARTMENT,
        "Commissioned services",
        "Parenting course, summer term",
    ]


def test_payments_to_individuals_are_redacted():
    SpendLineFactory(
        supplier="Jane Smith",
        description="Sessional work, Jane Smith",
        net_amount=Decimal("900.00"),
        paid_to_individual=True,
    )
    row = rows()[1]
    assert row[2] == REDACTED
    assert "Jane Smith" not in ",".join(row)


def test_a_supplier_that_looks_like_a_formula_is_written_as_text():
    SpendLineFactory(supplier='=HYPERLINK("x")', net_amount=Decimal("600.00"))
    assert rows()[1][2] == '\'=HYPERLINK("x")'


def test_a_quarter_holds_only_its_three_months():
    SpendLineFactory(transaction_number="JUN", date=datetime.date(2026, 6, 30), net_amount=600)
    SpendLineFactory(transaction_number="JUL", date=datetime.date(2026, 7, 1), net_amount=600)
    assert [row[3] for row in rows(Period("2026-27", 2))[1:]] == ["JUL"]


def test_the_command_writes_the_file(tmp_path):
    SpendLineFactory(net_amount=Decimal("501.00"))
    out = tmp_path / "spend.csv"
    call_command("export_transparency", "--year", "2026-27", "--out", str(out))
    assert len(out.read_text().splitlines()) == 2


def test_the_command_refuses_a_bad_year(tmp_path):
    with pytest.raises(CommandError, match="financial year"):
        call_command("export_transparency", "--year", "2026", "--out", str(tmp_path / "x.csv"))
