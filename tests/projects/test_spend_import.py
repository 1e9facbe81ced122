from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django_tasks import task_backends

from core.problems import ImportRefused
from core.search import search
from projects.models import SpendImport, SpendLine
from projects.services import spend_import
from projects.spend_csv import parse_amount, parse_date
from tests.factories import ProjectFactory

HEADER = (
    "Transaction Number,Date,Supplier,Description,Cost Centre,Expense Type,Net Amount,"
    "Irrecoverable VAT\n"
)


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026005")


def csv_bytes(*rows, header=HEADER, bom=False):
    text = header + "".join(row + "\n" for row in rows)
    return (("\ufeff" if bom else "") + text).encode()


GOOD = [
    'T1001,01/04/2026,Barnardo\'s,Parenting worker April,FP2026005,Staff,"£3,850.00",0',
    "T1002,2026-05-01,Venue Hire Ltd,Community room,FP2026005,Premises,240.50,48.10",
    "T1003,15/05/2026,Venue Hire Ltd,Credit note,FP2026005,Premises,-40.00,",
]


def test_a_good_file_imports_every_line_exactly(project, finance_officer):
    result = spend_import(user=finance_officer, data=csv_bytes(*GOOD, bom=True), filename="may.csv")
    assert (result.rows, result.added, result.already_there) == (3, 3, 0)
    assert SpendLine.objects.get(transaction_number="T1001").net_amount == Decimal("3850.00")
    assert SpendLine.objects.get(transaction_number="T1002").irrecoverable_vat == Decimal("48.10")
    assert SpendLine.objects.get(transaction_number="T1003").net_amount == Decimal("-40.00")


def test_importing_the_same_file_twice_adds_nothing(project, finance_officer):
    spend_import(user=finance_officer, data=csv_bytes(*GOOD), filename="may.csv")
    again = spend_import(user=finance_officer, data=csv_bytes(*GOOD), filename="may.csv")
    assert (again.added, again.already_there) == (0, 3)
    assert SpendLine.objects.count() == 3


def test_one_bad_row_imports_nothing_and_names_the_row(project, finance_officer):
    rows = [*GOOD, "T1004,31/02/2026,Someone,Bad date,FP2026005,Staff,10.00,0"]
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=csv_bytes(*rows), filename="bad.csv")
    assert refused.value.problems == [
        (5, "bad date: '31/02/2026' is not a date like 31/03/2025, 2025-03-31 or 31-MAR-2025")
    ]
    assert SpendLine.objects.count() == 0


def test_every_bad_row_is_reported_with_its_reason(project, finance_officer):
    rows = [
        "T2001,01/04/2026,Acme,,FP2026005,Staff,10.00,0",
        "T2002,01/04/2026,Acme,,FP2026005,Staff,ten pounds,0",
        "T2002,01/04/2026,Acme,,FP2026005,Staff,10.00,0",
        "",
        "T2003,01/04/2026,Acme,,FP2026005,Staff,10.001,0",
    ]
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=csv_bytes(*rows), filename="bad.csv")
    reasons = dict(refused.value.problems)
    assert sorted(reasons) == [3, 6]
    assert "bad net amount" in reasons[3]
    assert "bad net amount" in reasons[6]


def test_a_line_numbered_twice_with_different_values_is_refused(project, finance_officer):
    header = HEADER.replace("Transaction Number,", "Transaction Number,Line Number,")
    rows = [
        "T2002,1,01/04/2026,Acme,,FP2026005,Staff,10.00,0",
        "T2002,1,01/04/2026,Acme,,FP2026005,Staff,12.00,0",
    ]
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=csv_bytes(*rows, header=header), filename="x")
    assert refused.value.problems == [
        (3, "transaction T2002 line 1 is also on line 2 with different values")
    ]


def test_headings_in_any_order_and_case_and_extra_columns(project, finance_officer):
    header = "NET AMOUNT,cost centre,Ledger Code,transaction number,Date,Supplier,Expense Type\n"
    data = csv_bytes("1250,FP2026005,9999,T3001,01/06/2026,Acme,Staff", header=header)
    result = spend_import(user=finance_officer, data=data, filename="odd.csv")
    line = SpendLine.objects.get()
    assert result.added == 1
    assert (line.net_amount, line.irrecoverable_vat) == (Decimal("1250.00"), Decimal("0.00"))


def test_a_missing_heading_or_wrong_encoding_is_a_clear_error(project, finance_officer):
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=b"Date,Supplier\n01/04/2026,Acme\n", filename="x")
    assert (
        "missing: Cost Centre, Expense Type, Net Amount or Debit, Transaction Number"
        in (refused.value.problems[0][1])
    )
    with pytest.raises(ImportRefused) as refused:
        spend_import(
            user=finance_officer,
            data=HEADER.encode() + "T1,01/04/2026,Caf\x81".encode("latin-1"),
            filename="x",
        )
    assert refused.value.problems == [
        (
            2,
            "Byte 0x81 on line 2 is not UTF-8, and the file is not Windows-1252 text either. "
            "Export it as CSV (UTF-8).",
        )
    ]


def test_a_changed_line_with_a_known_number_is_refused(project, finance_officer):
    spend_import(user=finance_officer, data=csv_bytes(GOOD[0]), filename="a.csv")
    changed = GOOD[0].replace("£3,850.00", "£3,900.00")
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=csv_bytes(changed), filename="b.csv")
    assert "imported before with a different" in refused.value.problems[0][1]


def test_only_finance_imports_spend(project, lead):
    with pytest.raises(PermissionDenied):
        spend_import(user=lead, data=csv_bytes(*GOOD), filename="may.csv")


def test_the_command_checks_with_dry_run_then_imports(project, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(csv_bytes(*GOOD))
    out = StringIO()
    call_command("import_spend", str(path), "--dry-run", stdout=out)
    assert "would add 3" in out.getvalue()
    assert SpendLine.objects.count() == 0
    call_command("import_spend", str(path), stdout=out)
    assert "added 3 (net £4,050.50), 0 already there" in out.getvalue()


def test_the_command_lists_bad_rows_and_fails(project, tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_bytes(csv_bytes("T9,01/04/2026,Acme,,FP2026005,Staff,one,0"))
    err = StringIO()
    with pytest.raises(CommandError, match="1 problem in ledger.csv"):
        call_command("import_spend", str(path), stderr=err)
    assert "Line 2: bad net amount: 'one' is not an amount" in err.getvalue()


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("£1,234.56", "1234.56"),
        ("1234.5", "1234.50"),
        ("-12", "-12.00"),
        ("(12.00)", "-12.00"),
        (" 7 ", "7.00"),
    ],
)
def test_amounts_are_read_as_finance_systems_write_them(text, amount):
    assert parse_amount(text) == Decimal(amount)


@pytest.mark.parametrize("text", ["", "1.234", "12,34.5.6", "abc", "1e3"])
def test_malformed_amounts_are_refused(text):
    with pytest.raises(ValueError):
        parse_amount(text)


def test_dates_are_read_in_either_form():
    assert parse_date("31/03/2026") == parse_date("2026-03-31")


def test_a_supplier_type_column_marks_payments_to_individuals(project, finance_officer):
    data = csv_bytes(
        "T2001,01/06/2026,Jane Smith,Sessional worker,FP2026005,Staff,600.00,0,Individual",
        "T2002,01/06/2026,Acme Ltd,Printing,FP2026005,Supplies,80.00,0,Company",
        header=HEADER.strip() + ",Supplier Type\n",
    )
    spend_import(user=finance_officer, data=data, filename="june.csv")
    marked = dict(SpendLine.objects.values_list("transaction_number", "paid_to_individual"))
    assert marked == {"T2001": True, "T2002": False}


def test_imported_lines_are_searchable_once_the_indexing_task_has_run(project, finance_officer):
    spend_import(user=finance_officer, data=csv_bytes(*GOOD), filename="may.csv")

    found = search(SpendLine.objects.all(), "venue hire", SpendLine.search_lookups)

    assert sorted(line.transaction_number for line in found) == ["T1002", "T1003"]


def test_the_import_queues_its_indexing_for_the_worker(project, finance_officer, settings):
    settings.TASKS = {
        **settings.TASKS,
        "imports": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    spend_import(user=finance_officer, data=csv_bytes(*GOOD), filename="may.csv")

    assert not search(SpendLine.objects.all(), "venue hire", SpendLine.search_lookups).exists()
    (queued,) = task_backends["imports"].results
    assert queued.args == ["projects.SpendLine", "spend_import_id", SpendImport.objects.get().pk]
