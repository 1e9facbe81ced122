"""Reading the finance system's CSV export of the ledger: headings in any order and case,
dates as dd/mm/yyyy or ISO, amounts with or without '£' and thousands separators."""

from core.csvfiles import FileProblem, decode, parse_amount, parse_date
from core.csvfiles import read as read_csv

__all__ = [
    "EXPORT_HEADER",
    "FileProblem",
    "clean",
    "decode",
    "parse_amount",
    "parse_date",
    "read",
]

# The finance system's columns, as its export heads them, and the field each fills.
COLUMNS = [
    ("Transaction Number", "transaction_number"),
    ("Date", "date"),
    ("Supplier", "supplier"),
    ("Description", "description"),
    ("Cost Centre", "cost_centre"),
    ("Expense Type", "expense_type"),
    ("Net Amount", "net_amount"),
    ("Irrecoverable VAT", "irrecoverable_vat"),
    ("Supplier Type", "supplier_type"),
]
EXPORT_HEADER = [heading for heading, _field in COLUMNS]
HEADINGS = {heading.lower(): field for heading, field in COLUMNS}
OPTIONAL = {"irrecoverable_vat", "description", "supplier_type"}
# Supplier types that mean a private person, whose name the Transparency Code file redacts.
INDIVIDUAL = {"individual", "private individual", "person"}
MAX_TEXT = {
    "transaction_number": 50,
    "supplier": 255,
    "description": 500,
    "cost_centre": 20,
    "expense_type": 100,
}


def read(text):
    """Yield (line number, {field: raw text}) for each non-blank row of a ledger export."""
    return read_csv(text, HEADINGS, OPTIONAL)


def clean(raw):
    """A row's values, or a list of reasons it is bad."""
    problems = []
    values = {}
    for field in ("transaction_number", "supplier", "cost_centre", "expense_type"):
        if not raw.get(field):
            problems.append(f"{field.replace('_', ' ')} is blank")
    for field, limit in MAX_TEXT.items():
        if len(raw.get(field, "")) > limit:
            problems.append(f"{field.replace('_', ' ')} is longer than {limit} characters")
    try:
        values["date"] = parse_date(raw.get("date"))
    except ValueError as error:
        problems.append(f"bad date: {error}")
    try:
        values["net_amount"] = parse_amount(raw.get("net_amount"))
    except ValueError as error:
        problems.append(f"bad net amount: {error}")
    try:
        vat = raw.get("irrecoverable_vat") or "0"
        values["irrecoverable_vat"] = parse_amount(vat)
    except ValueError as error:
        problems.append(f"bad irrecoverable VAT: {error}")
    for field in ("transaction_number", "supplier", "description", "cost_centre", "expense_type"):
        values[field] = raw.get(field, "")
    values["paid_to_individual"] = raw.get("supplier_type", "").lower() in INDIVIDUAL
    return values, problems
