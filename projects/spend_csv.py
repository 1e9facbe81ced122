"""Reading the finance system's CSV export of the ledger: headings in any order and case,
dates as dd/mm/yyyy or ISO, amounts with or without '£' and thousands separators."""

import csv
import datetime
import io
import re
from decimal import Decimal, InvalidOperation

HEADINGS = {
    "transaction number": "transaction_number",
    "date": "date",
    "supplier": "supplier",
    "description": "description",
    "cost centre": "cost_centre",
    "expense type": "expense_type",
    "net amount": "net_amount",
    "irrecoverable vat": "irrecoverable_vat",
    "supplier type": "supplier_type",
}
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
AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")


class FileProblem(ValueError):
    """The file as a whole cannot be read (encoding, headings)."""


def parse_amount(text):
    raw = (text or "").strip().replace("£", "").replace(",", "").replace(" ", "")
    if raw.startswith("(") and raw.endswith(")"):
        raw = "-" + raw[1:-1]
    if not AMOUNT.match(raw):
        raise ValueError(f"'{text}' is not an amount in pounds and pence")
    try:
        return Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation as error:
        raise ValueError(f"'{text}' is not an amount") from error


def parse_date(text):
    raw = (text or "").strip()
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(raw, pattern).date()
        except ValueError:
            continue
    raise ValueError(f"'{text}' is not a date like 31/03/2025 or 2025-03-31")


def decode(data):
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            "The file is not UTF-8 text. Export it from the finance system as CSV (UTF-8)."
        ) from error


def read(text):
    """Yield (line number, {field: raw text}) for each non-blank row."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration as error:
        raise FileProblem("The file is empty.") from error
    columns = {}
    for index, heading in enumerate(header):
        field = HEADINGS.get(" ".join(heading.strip().lower().split()))
        if field:
            columns[field] = index
    missing = [h.title() for h, f in HEADINGS.items() if f not in columns and f not in OPTIONAL]
    if missing:
        raise FileProblem("The header row is missing: " + ", ".join(missing) + ".")
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        yield (
            line,
            {
                field: row[index].strip() if index < len(row) else ""
                for field, index in columns.items()
            },
        )


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
