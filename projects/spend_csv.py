"""Reading a ledger export row by row: the layout (programme.ledger_layouts) names the columns,
core.values reads the amounts and dates, and this module turns a row into a ledger line's
values or the reasons it is bad."""

from decimal import Decimal

from core.tabular import normal_heading
from core.values import parse_amount, parse_date

# Our own export's headings, in order: the demo ledger and the workbook use them.
EXPORT_HEADER = [
    "Transaction Number",
    "Date",
    "Supplier",
    "Description",
    "Cost Centre",
    "Expense Type",
    "Net Amount",
    "Irrecoverable VAT",
    "Supplier Type",
]
# Supplier types that mean a private person, whose name the Transparency Code file redacts.
INDIVIDUAL = {"individual", "private individual", "person"}
# How a published file shows a name it has already redacted.
REDACTED = {"redacted", "redacted personal data", "personal data redacted", "withheld"}
MAX_TEXT = {
    "transaction_number": 50,
    "supplier": 255,
    "description": 500,
    "cost_centre": 20,
    "expense_type": 100,
}
MAX_LINE_NUMBER = 1_000_000
ZERO = Decimal("0.00")


def _amount(raw, field, name, decimal_comma, problems, default=None):
    text = raw.get(field, "")
    if not text and default is not None:
        return default
    try:
        return parse_amount(text, decimal_comma=decimal_comma)
    except ValueError as error:
        problems.append(f"bad {name}: {error}")
        return None


def net_amount(raw, decimal_comma, problems):
    """The net amount, from its own column or as debit less credit."""
    if "net_amount" in raw:
        return _amount(raw, "net_amount", "net amount", decimal_comma, problems)
    if not raw.get("debit") and not raw.get("credit"):
        problems.append("debit and credit are both blank")
        return None
    debit = _amount(raw, "debit", "debit", decimal_comma, problems, default=ZERO)
    credit = _amount(raw, "credit", "credit", decimal_comma, problems, default=ZERO)
    if debit is None or credit is None:
        return None
    return debit - credit


def line_number(raw, problems):
    text = raw.get("line_number", "")
    if not text:
        return None
    if not text.isdigit() or not 0 < int(text) <= MAX_LINE_NUMBER:
        problems.append(f"line number '{text}' is not a whole number from 1")
        return None
    return int(text)


def clean(raw, decimal_comma=False):
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
    values["net_amount"] = net_amount(raw, decimal_comma, problems)
    values["irrecoverable_vat"] = _amount(
        raw, "irrecoverable_vat", "irrecoverable VAT", decimal_comma, problems, default=ZERO
    )
    for field in ("transaction_number", "supplier", "description", "cost_centre", "expense_type"):
        values[field] = raw.get(field, "")
    values["line_number"] = line_number(raw, problems)
    values["paid_to_individual"] = (
        raw.get("supplier_type", "").lower() in INDIVIDUAL
        or normal_heading(values["supplier"]) in REDACTED
    )
    return values, problems
