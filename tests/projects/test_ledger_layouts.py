"""Ledger exports as finance systems produce them (programme.ledger_layouts, core.tabular):
each is read to the penny or refused naming its cause and line, with nothing written."""

import datetime
import gzip
import io
import zipfile
from decimal import Decimal
from io import StringIO

import pytest
import xlsxwriter
from django.core.management import CommandError, call_command

from core.money import money_total
from core.problems import ImportRefused
from projects.ledger_check import check
from projects.models import SpendLine
from projects.services import spend_import
from tests.factories import ProjectFactory


@pytest.fixture
def project(db):
    return ProjectFactory(cost_centre="FP2026009")


def lines(*rows):
    return "".join(row + "\r\n" for row in rows).encode()


UNIT4 = lines(
    "Liverpool City Council",
    "GL transactions for period 202611",
    "",
    "Trans no,Sequence no,Trans date,Apar(T),Description,Account(T),Dim 1,Amount",
    "40012,1,05/11/2026,Barnardo's,Keyworker November,Contracted services,FP2026009,3850.00",
    "40012,2,05/11/2026,Barnardo's,Travel,Travel,FP2026009,120.40",
    "40013,1,06/11/2026,Room Hire Ltd,Room,Premises,CC1100,75.00",
    "40014,1,07/11/2026,Room Hire Ltd,Refund,Premises,FP2026009,(75.00)",
)


def test_a_unit4_export_with_title_lines_and_other_cost_centres(project, finance_officer):
    result = spend_import(user=finance_officer, data=UNIT4, filename="gl.csv")
    assert result.layout == "Unit4 Agresso"
    assert "3 title lines above the header (line 4)" in result.notes
    assert result.added == 3
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("3895.40")
    assert list(
        SpendLine.objects.order_by("transaction_number", "line_number").values_list(
            "transaction_number", "line_number"
        )
    ) == [("40012", 1), ("40012", 2), ("40014", 1)]
    skipped = result.other_cost_centres["CC1100"]
    assert (skipped.lines, skipped.net) == (1, Decimal("75.00"))


ORACLE = lines(
    "Invoice Num,Line Number,Accounting Date,Supplier Name,Description,Account,Entered Dr,"
    "Entered Cr",
    "INV-77,1,05-NOV-2026,Liverpool Mutual Homes,Rent,100.FP2026009.52200.000,1250.00,",
    "INV-77,2,05-NOV-2026,Liverpool Mutual Homes,Deposit,100.FP2026009.52210.000,300.00,",
    "CN-4,1,10-NOV-2026 00:00:00,Liverpool Mutual Homes,Credit,100.FP2026009.52200.000,,50.00",
)


def test_an_oracle_export_takes_the_cost_centre_from_the_account_code(project, finance_officer):
    result = spend_import(user=finance_officer, data=ORACLE, filename="ap.csv")
    assert result.layout == "Oracle"
    first = SpendLine.objects.get(transaction_number="INV-77", line_number=1)
    assert (first.cost_centre, first.expense_type) == ("FP2026009", "52200")
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("1500.00")


TRANSPARENCY = lines(
    "Body Name,Date,Transaction Number,Net Amount,Irrecoverable VAT,Supplier Name,"
    "Expense Type,Cost Centre",
    'Liverpool City Council,03/11/2026,900101,"1,500.00",0.00,REDACTED,Foster care,FP2026009',
    "Liverpool City Council,03/11/2026,900102,820.00,164.00,Kids Ltd,Activities,FP2026009",
    "Liverpool City Council,04/11/2026,900103,600.00,0.00,Road Co,Highways,HW0001",
    'Total,,,"2,920.00",,,,',
)


def test_a_transparency_file_checks_its_total_and_redacted_names(project, finance_officer):
    result = spend_import(user=finance_officer, data=TRANSPARENCY, filename="spend.csv")
    assert result.layout == "LGA transparency"
    assert result.total_line == 5
    assert result.added == 2
    assert SpendLine.objects.get(transaction_number="900101").paid_to_individual
    assert money_total(SpendLine.objects.all(), "irrecoverable_vat") == Decimal("164.00")


def test_a_total_that_does_not_match_the_lines_is_refused(project, finance_officer):
    data = TRANSPARENCY.replace(b'"2,920.00"', b'"2,900.00"')
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="spend.csv")
    assert refused.value.problems == [
        (
            5,
            "the totals row says £2,900.00 but the lines above it add up to £2,920.00: "
            "the export may be missing lines",
        )
    ]
    assert not SpendLine.objects.exists()


EUROPEAN = (
    "Transaction Number;Date;Supplier;Cost Centre;Expense Type;Net Amount\r\n"
    "T1;05/11/2026;Café £ Co;FP2026009;Food;1.234,56\r\n"
    "T2;06/11/2026;Café £ Co;FP2026009;Food;27,10\r\n"
).encode("cp1252")


def test_a_semicolon_file_in_windows_1252_with_decimal_commas(project, finance_officer):
    result = spend_import(user=finance_officer, data=EUROPEAN, filename="x.csv")
    assert "semicolon-delimited" in result.notes
    assert "amounts written with decimal commas (1.234,56)" in result.notes
    assert any(note.startswith("read as Windows-1252") for note in result.notes)
    assert SpendLine.objects.get(transaction_number="T1").supplier == "Café £ Co"
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("1261.66")


def test_a_file_of_decimal_commas_is_read_as_one(project, finance_officer):
    data = lines(
        "Transaction Number,Date,Supplier,Cost Centre,Expense Type,Net Amount",
        'T1,05/11/2026,Acme,FP2026009,Food,"1234,56"',
        'T2,05/11/2026,Acme,FP2026009,Food,"26675,86"',
    )
    spend_import(user=finance_officer, data=data, filename="x.csv")
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("27910.42")


def test_a_decimal_comma_among_decimal_points_is_never_misread(project, finance_officer):
    data = lines(
        "Transaction Number,Date,Supplier,Cost Centre,Expense Type,Net Amount",
        'T1,05/11/2026,Acme,FP2026009,Food,"1,234.00"',
        'T2,05/11/2026,Acme,FP2026009,Food,"1234,56"',
    )
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="x.csv")
    assert refused.value.problems[0][0] == 3
    assert "its comma does not separate thousands" in refused.value.problems[0][1]


STANDARD = [
    ["Transaction Number", "Date", "Supplier", "Cost Centre", "Expense Type", "Net Amount"],
    ["T1", "05/11/2026", "Acme", "FP2026009", "Staff", "100.10"],
    ["T2", "06/11/2026", "Acme", "FP2026009", "Staff", "200.20"],
]


def _workbook(rows):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    sheet = book.add_worksheet()
    dated = book.add_format({"num_format": "dd/mm/yyyy"})
    for number, row in enumerate(rows):
        for column, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(number, column, value, dated)
            else:
                sheet.write(number, column, value)
    book.close()
    return out.getvalue()


def _csv(rows):
    return lines(*(",".join(row) for row in rows))


def _zipped(name, data):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("filename", "data"),
    [
        ("ledger.xlsx", _workbook(STANDARD)),
        ("ledger.csv.gz", gzip.compress(_csv(STANDARD))),
        ("ledger.zip", _zipped("ledger.csv", _csv(STANDARD))),
    ],
)
def test_workbooks_and_compressed_files_are_read(project, finance_officer, filename, data):
    result = spend_import(user=finance_officer, data=data, filename=filename)
    assert result.added == 2
    assert money_total(SpendLine.objects.all(), "net_amount") == Decimal("300.30")


def test_a_workbook_with_numbers_and_dates_in_cells(project, finance_officer):
    day = datetime.datetime(2026, 11, 5)
    rows = [STANDARD[0], ["T1", day, "Acme", "FP2026009", "Staff", 1234.56]]
    result = spend_import(user=finance_officer, data=_workbook(rows), filename="l.xlsx")
    line = SpendLine.objects.get()
    assert (result.added, line.date, line.net_amount) == (
        1,
        datetime.date(2026, 11, 5),
        Decimal("1234.56"),
    )


def test_a_row_with_more_cells_than_the_header_stops_the_file(project, finance_officer):
    data = _csv(STANDARD) + b"T3,07/11/2026,Smith, J,FP2026009,Staff,5.00\r\n"
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="x.csv")
    line, reason = refused.value.problems[0]
    assert line == 4
    assert reason.startswith("Line 4: this row has 7 cells, the header has 6")


def test_a_row_leaving_off_empty_optional_cells_at_its_end_is_read(project, finance_officer):
    data = _csv([[*STANDARD[0], "Supplier Type"], [*STANDARD[1], "Individual"], STANDARD[2]])
    result = spend_import(user=finance_officer, data=data, filename="x.csv")
    paid = SpendLine.objects.order_by("transaction_number").values_list("paid_to_individual")
    assert (result.added, list(paid)) == (2, [(True,), (False,)])


def test_a_row_stopping_before_a_required_cell_stops_the_file(project, finance_officer):
    data = _csv(STANDARD) + b"T3,07/11/2026,Acme,FP2026009,Staff\r\n"
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="x.csv")
    assert refused.value.problems[0][1].startswith("Line 4: this row has 5 cells, the header has 6")


def test_an_exact_repeat_is_imported_once_and_reported(project, finance_officer):
    data = _csv([*STANDARD, STANDARD[1]])
    result = spend_import(user=finance_officer, data=data, filename="x.csv")
    assert (result.added, result.repeats) == (2, [(4, 2)])


def test_a_split_invoice_without_line_numbers_is_numbered_in_file_order(project, finance_officer):
    data = _csv([*STANDARD, ["T2", "06/11/2026", "Acme", "FP2026009", "Travel", "9.99"]])
    spend_import(user=finance_officer, data=data, filename="x.csv")
    again = spend_import(user=finance_officer, data=data, filename="x.csv")
    assert again.already_there == 3
    assert SpendLine.objects.filter(transaction_number="T2").count() == 2


def test_only_a_split_invoices_later_lines_take_numbers_after_one(project, finance_officer):
    split = [["T2", "06/11/2026", "Acme", "FP2026009", kind, "9.99"] for kind in ("Travel", "Food")]
    spend_import(user=finance_officer, data=_csv([*STANDARD, *split]), filename="x.csv")
    numbered = SpendLine.objects.order_by("transaction_number", "line_number")
    assert list(numbered.values_list("transaction_number", "line_number", "expense_type")) == [
        ("T1", 1, "Staff"),
        ("T2", 1, "Staff"),
        ("T2", 2, "Travel"),
        ("T2", 3, "Food"),
    ]


def test_a_file_with_no_programme_cost_centre_is_refused(project, finance_officer):
    data = _csv([STANDARD[0], ["T1", "05/11/2026", "Acme", "HW0001", "Staff", "1.00"]])
    with pytest.raises(ImportRefused) as refused:
        spend_import(user=finance_officer, data=data, filename="x.csv")
    assert (
        "none of the file's 1 lines is for a programme project's cost centre"
        in (refused.value.problems[0][1])
    )


def test_the_preview_sums_new_lines_by_cost_centre_and_month(project):
    checked = check(UNIT4, "gl.csv")
    assert [(row[0], row[1].month, row[2], row[3]) for row in checked.summary] == [
        ("FP2026009", 11, 3, Decimal("3895.40"))
    ]


def test_personal_data_columns_are_named_and_not_kept(project):
    rows = [[*STANDARD[0], "Date of Birth"], [*STANDARD[1], "01/01/1980"]]
    assert check(_csv(rows), "x.csv").ignored_personal == ["Date of Birth"]


def test_the_command_takes_a_layout_by_name(project, tmp_path):
    path = tmp_path / "ap.csv"
    path.write_bytes(ORACLE)
    out = StringIO()
    call_command("import_spend", str(path), "--layout", "oracle", stdout=out)
    assert "Read as Oracle" in out.getvalue()
    with pytest.raises(CommandError):
        call_command("import_spend", str(path), "--layout", "unit4", stderr=StringIO())
    with pytest.raises(CommandError):
        call_command("import_spend", str(path), "--layout", "sage", stderr=StringIO())


def test_many_rows_with_one_problem_are_reported_once(project, tmp_path):
    rows = [STANDARD[0]] + [
        [f"T{n}", "05/11/2026", "Acme", "FP2026009", "Staff", "ten"] for n in range(500)
    ]
    path = tmp_path / "bad.csv"
    path.write_bytes(_csv(rows))
    err = StringIO()
    with pytest.raises(CommandError, match="500 problems"):
        call_command("import_spend", str(path), stderr=err)
    assert err.getvalue().splitlines() == [
        "Line 2: bad net amount: 'ten' is not an amount in pounds and pence "
        "(499 more like it, on lines 3, 4, 5, 6, …)"
    ]


def test_report_notes_of_one_cell_are_skipped_and_named(project, finance_officer):
    data = _csv(STANDARD) + b"\r\nReport run 06/12/2026 by JSMITH\r\n"
    result = spend_import(user=finance_officer, data=data, filename="x.csv")
    assert result.added == 2
    assert (
        "1 line of one cell skipped as report notes (line 5: 'Report run 06/12/2026 by "
        "JSMITH')" in result.notes
    )


def test_subtotals_and_a_grand_total_are_checked(project, finance_officer):
    data = _csv(
        [
            *STANDARD,
            ["Total", "", "", "", "", "300.30"],
            ["T3", "07/11/2026", "Acme", "FP2026009", "Staff", "1.00"],
            ["Total", "", "", "", "", "1.00"],
            ["Grand total", "", "", "", "", "301.30"],
        ]
    )
    result = spend_import(user=finance_officer, data=data, filename="x.csv")
    assert (result.added, result.total_line) == (3, 7)


def test_a_formula_cell_in_a_workbook_is_read_to_the_penny(project, finance_officer):
    rows = [STANDARD[0], ["T1", "05/11/2026", "Acme", "FP2026009", "Staff", 3850 * 0.2]]
    spend_import(user=finance_officer, data=_workbook(rows), filename="l.xlsx")
    assert SpendLine.objects.get().net_amount == Decimal("770.00")


def test_a_report_repeating_its_header_and_subtotalling_by_cost_centre(project, finance_officer):
    data = _csv(
        [
            *STANDARD,
            ["", "", "", "", "FP2026009 Total", "300.30"],
            STANDARD[0],
            ["T3", "07/11/2026", "Acme", "FP2026009", "Staff", "1.00"],
        ]
    )
    result = spend_import(user=finance_officer, data=data, filename="x.csv")
    assert result.added == 3
    assert any("the header again" in note for note in result.notes)


def test_a_workbook_whose_first_sheet_is_a_cover_note(project, finance_officer):
    out = io.BytesIO()
    book = xlsxwriter.Workbook(out, {"in_memory": True})
    book.add_worksheet("Notes").write(0, 0, "Ledger extract for the Families Programme")
    sheet = book.add_worksheet("Ledger")
    for number, row in enumerate(STANDARD):
        sheet.write_row(number, 0, row)
    book.close()
    result = spend_import(user=finance_officer, data=out.getvalue(), filename="l.xlsx")
    assert result.added == 2
    assert "an Excel workbook (sheet 'Ledger')" in result.notes
