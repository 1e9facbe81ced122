"""The finance workbook: Summary, Transactions, By month, Outcomes and value and a chart, from
the selectors that feed the dashboard and the results pages. xlsxwriter's constant-memory mode
writes rows as they stream, so memory does not grow with the ledger."""

import datetime
from decimal import Decimal

import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from exports.outcomes_sheet import write as write_outcomes_sheet
from projects.periods import ALL_TIME
from projects.selectors import spend_by_month, spend_lines
from projects.selectors.budget import budget_against_actual, totals

GBP = '"£"#,##0.00;[Red]-"£"#,##0.00'
ZERO = Decimal("0.00")
CHUNK = 2000
# The Transactions sheet's columns, read as plain tuples: the ledger is the bulk of the file.
LEDGER_COLUMNS = [
    "transaction_number",
    "date",
    "supplier",
    "description",
    "cost_centre",
    "project__reference",
    "expense_type",
    "net_amount",
    "irrecoverable_vat",
]


def write_sum(sheet, row, col, span, value, cell_format, across=False):
    """A total as a live =SUM() over its rows (or, ``across``, its columns) in ``span`` (first,
    last), with the selector's value cached so a reader that does not calculate sees it too.
    With nothing to sum it is the plain number."""
    first, last = span
    if last < first:
        sheet.write_number(row, col, float(value), cell_format)
        return
    if across:
        cells = f"{xl_rowcol_to_cell(row, first)}:{xl_rowcol_to_cell(row, last)}"
    else:
        cells = f"{xl_rowcol_to_cell(first, col)}:{xl_rowcol_to_cell(last, col)}"
    sheet.write_formula(row, col, f"=SUM({cells})", cell_format, float(value))


def write_workbook(output, period=ALL_TIME, today=None, **filters):
    """Write the workbook to a path or file object. Text goes in with write_string, which
    never makes a formula, whatever the text begins with."""
    book = xlsxwriter.Workbook(
        output,
        {
            "constant_memory": True,
            "strings_to_formulas": False,
            "strings_to_numbers": False,
            "strings_to_urls": False,
        },
    )
    bold = book.add_format({"bold": True})
    money = book.add_format({"num_format": GBP})
    money_bold = book.add_format({"num_format": GBP, "bold": True})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    rows = budget_against_actual(period, today=today, **filters)

    summary = book.add_worksheet("Summary")
    title = f"Budget against actual {period.financial_year or 'all years'}"
    if period.quarter:
        title += f" Q{period.quarter}"
    summary.write_string(0, 0, title, bold)
    headings = [
        "Reference",
        "Project",
        "Cost centre",
        "Budget",
        "Spent",
        "Remaining",
        "Variance",
        "% spent",
        "Forecast outturn",
        "Flag",
    ]
    for col, heading in enumerate(headings):
        summary.write_string(2, col, heading, bold)
    for index, row in enumerate(rows, start=3):
        summary.write_string(index, 0, row.project.reference)
        summary.write_string(index, 1, row.project.title)
        summary.write_string(index, 2, row.project.cost_centre)
        for col, value in enumerate([row.budget, row.spent, row.remaining, row.variance], start=3):
            summary.write_number(index, col, float(value), money)
        if row.percent_spent is not None:
            summary.write_number(index, 7, float(row.percent_spent))
        summary.write_number(index, 8, float(row.forecast_outturn), money)
        flag = "Overspent" if row.overspent else "Underspending" if row.underspending else ""
        summary.write_string(index, 9, flag)
    total_row = len(rows) + 3
    total = totals(rows)
    summary.write_string(total_row, 0, "Total", bold)
    for col, key in [
        (3, "budget"),
        (4, "spent"),
        (5, "remaining"),
        (6, "variance"),
        (8, "forecast_outturn"),
    ]:
        write_sum(summary, total_row, col, (3, total_row - 1), total[key], money_bold)
    if total["budget"]:
        percent = (total["spent"] / total["budget"] * 100).quantize(Decimal("0.1"))
        budget_cell, spent_cell = xl_rowcol_to_cell(total_row, 3), xl_rowcol_to_cell(total_row, 4)
        summary.write_formula(
            total_row, 7, f"=ROUND({spent_cell}/{budget_cell}*100,1)", bold, float(percent)
        )
    summary.set_column(0, 0, 13)
    summary.set_column(1, 1, 45)
    summary.set_column(2, 9, 16)
    if rows:
        chart = book.add_chart({"type": "column"})
        for col, name in [(3, "Budget"), (4, "Spent")]:
            chart.add_series(
                {
                    "name": name,
                    "categories": ["Summary", 3, 0, total_row - 1, 0],
                    "values": ["Summary", 3, col, total_row - 1, col],
                }
            )
        chart.set_title({"name": "Budget and spend by project"})
        chart.set_y_axis({"num_format": '"£"#,##0'})
        summary.insert_chart(total_row + 2, 1, chart, {"x_scale": 2, "y_scale": 1.4})

    sheet = book.add_worksheet("Transactions")
    columns = [
        "Transaction number",
        "Date",
        "Supplier",
        "Description",
        "Cost centre",
        "Project",
        "Expense type",
        "Net amount",
        "Irrecoverable VAT",
        "Total",
    ]
    for col, heading in enumerate(columns):
        sheet.write_string(0, col, heading, bold)
    sheet.freeze_panes(1, 0)
    # Plain tuples, not model instances: the ledger is the bulk of the workbook.
    lines = (
        spend_lines(period, **filters)
        .order_by("date", "transaction_number")
        .values_list(*LEDGER_COLUMNS)
        .iterator(chunk_size=CHUNK)
    )
    count = 0
    midnight = datetime.time()
    for count, line in enumerate(lines, start=1):
        number, day, supplier, description, cost_centre, reference, expense, net, vat = line
        sheet.write_string(count, 0, number)
        sheet.write_datetime(count, 1, datetime.datetime.combine(day, midnight), date)
        sheet.write_string(count, 2, supplier)
        sheet.write_string(count, 3, description)
        sheet.write_string(count, 4, cost_centre)
        sheet.write_string(count, 5, reference)
        sheet.write_string(count, 6, expense)
        sheet.write_number(count, 7, float(net), money)
        sheet.write_number(count, 8, float(vat), money)
        sheet.write_number(count, 9, float(net + vat), money)
    sheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    sheet.set_column(0, 0, 18)
    sheet.set_column(1, 1, 11)
    sheet.set_column(2, 3, 34)
    sheet.set_column(4, 9, 14)

    months = period.months()
    by_month = book.add_worksheet("By month")
    by_month.write_string(0, 0, "Project", bold)
    for col, month in enumerate(months, start=1):
        by_month.write_string(0, col, month.strftime("%b %Y"), bold)
    if months:
        spent = spend_by_month(period, **filters)
        last_col = len(months) + 1
        by_month.write_string(0, last_col, "Total", bold)
        column_totals = [ZERO] * len(months)
        for index, row in enumerate(rows, start=1):
            by_month.write_string(index, 0, f"{row.project.reference} {row.project.title}")
            row_total = ZERO
            for col, month in enumerate(months, start=1):
                amount = spent.get((row.project.pk, month), ZERO)
                by_month.write_number(index, col, float(amount), money)
                row_total += amount
                column_totals[col - 1] += amount
            write_sum(
                by_month, index, last_col, (1, last_col - 1), row_total, money_bold, across=True
            )
        total_row = len(rows) + 1
        by_month.write_string(total_row, 0, "Total", bold)
        for col, amount in enumerate([*column_totals, sum(column_totals, ZERO)], start=1):
            write_sum(by_month, total_row, col, (1, total_row - 1), amount, money_bold)
    else:
        by_month.write_string(1, 0, "Choose a financial year to see spend by month.")
    by_month.set_column(0, 0, 50)
    by_month.set_column(1, 12, 13)
    write_outcomes_sheet(book, period, {"bold": bold, "money": money}, today=today)
    book.close()
