"""The spend workbook against bare xlsxwriter writing the same rows in constant-memory mode
from a list already in memory: time and peak memory."""

import datetime
import os
import tempfile

import xlsxwriter

from benchmarks.sizes import BUSY_YEAR
from benchmarks.suite.measure import paired_times, peak_memory
from exports.workbook import LEDGER_COLUMNS, write_workbook
from projects.periods import ALL_TIME, Period
from projects.selectors import spend_lines

# The bar: within 1.2 times bare xlsxwriter writing the same rows.
WORKBOOK_TARGET = 1.2


def _bare(rows, path):
    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("Transactions")
    money = book.add_format({"num_format": "#,##0.00"})
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    for col, name in enumerate(LEDGER_COLUMNS):
        sheet.write_string(0, col, name)
    for index, row in enumerate(rows, start=1):
        for col in (0, 2, 3, 4, 5, 6):
            sheet.write_string(index, col, row[col])
        sheet.write_datetime(index, 1, datetime.datetime.combine(row[1], datetime.time()), date)
        sheet.write_number(index, 7, float(row[7]), money)
        sheet.write_number(index, 8, float(row[8]), money)
        sheet.write_number(index, 9, float(row[7] + row[8]), money)
    book.close()


def measure(period, runs):
    """The line count, seconds for our workbook and for bare xlsxwriter (run in turn), the
    median of their ratios, and the peak bytes of each."""
    rows = list(
        spend_lines(period).order_by("date", "transaction_number").values_list(*LEDGER_COLUMNS)
    )
    with tempfile.TemporaryDirectory() as folder:
        ours_path = os.path.join(folder, "ours.xlsx")
        bare_path = os.path.join(folder, "bare.xlsx")

        def ours():
            write_workbook(ours_path, period)

        def bare():
            _bare(rows, bare_path)

        ours_time, bare_time, ratio = paired_times(ours, bare, runs)
        return len(rows), ours_time, bare_time, ratio, peak_memory(ours), peak_memory(bare)


def run(runs):
    results = []
    for label, period in [(f"one year ({BUSY_YEAR})", Period(BUSY_YEAR)), ("all years", ALL_TIME)]:
        size, ours_time, bare_time, ratio, ours_memory, bare_memory = measure(period, runs)
        results.append(
            {
                "benchmark": f"Spend workbook, {label}",
                "size": size,
                "unit": "lines",
                "ours_s": ours_time,
                "limit_s": bare_time,
                "ratio": ratio,
                "target": WORKBOOK_TARGET,
                "ours_peak_mib": ours_memory / 2**20,
                "limit_peak_mib": bare_memory / 2**20,
                "limit": "bare xlsxwriter, constant memory, rows already in a list",
            }
        )
    return results
