"""The Local Government Transparency Code file of spend over £500, in the LGA's column order.
Payments to private individuals are redacted; text that could be read as a formula is
escaped."""

import csv

from django.conf import settings

from core.cells import safe_text
from projects.periods import ALL_TIME
from projects.selectors import transparency_lines

HEADINGS = [
    "Body Name",
    "Transaction Date",
    "Supplier Name",
    "Transaction Number",
    "Net Amount",
    "Irrecoverable VAT",
    "Department",
    "Procurement Category",
    "Purpose",
]
REDACTED = "REDACTED PERSONAL DATA"
CHUNK = 2000


def transparency_row(line):
    if line.paid_to_individual:
        supplier, purpose = REDACTED, f"Payment to an individual: {line.project.title}"
    else:
        supplier, purpose = line.supplier, line.description or line.project.title
    return [
        safe_text(settings.COUNCIL_NAME),
        line.date.strftime("%d/%m/%Y"),
        safe_text(supplier),
        safe_text(line.transaction_number),
        f"{line.net_amount:.2f}",
        f"{line.irrecoverable_vat:.2f}",
        safe_text(settings.TRANSPARENCY_DEPARTMENT),
        safe_text(line.expense_type),
        safe_text(purpose),
    ]


def write_transparency(output, period=ALL_TIME, **filters):
    """Write the CSV to a text file object, streaming the lines; returns how many."""
    writer = csv.writer(output)
    writer.writerow(HEADINGS)
    count = 0
    for line in transparency_lines(period, **filters).iterator(chunk_size=CHUNK):
        writer.writerow(transparency_row(line))
        count += 1
    return count
