"""The rules for reading a value from another system's export, in one place: amounts in
pounds and pence (thousands separators only in proper groups, decimal commas only in a file
that uses them throughout, credits as a minus before or after, brackets or CR, nothing beyond
what the ledger holds) and dates (dd/mm/yyyy, yyyy-mm-dd, dd-MON-yyyy, with or without a
time; never a two-digit year). Each value is read one way only, or refused with the reason."""

import datetime
import functools
import re
from decimal import Decimal, InvalidOperation

from core.money import PENNY

PLAIN_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
GROUPED_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")
COMMA_GROUPED_AMOUNT = re.compile(r"^\d{1,3}(\.\d{3})+(,\d{1,2})?$")
# Telling a decimal comma from a decimal point: pence after the last separator.
DECIMAL_COMMA = re.compile(r"^\d{1,3}(\.\d{3})*,\d{2}$|^\d+,\d{2}$")
DECIMAL_POINT = re.compile(r"^\d{1,3}(,\d{3})*\.\d{2}$|^\d+\.\d{2}$")
DMY = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d+)$")
YMD = re.compile(r"^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$")
DMONY = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3,9})[- ,]+(\d+)$")
TIME_PART = re.compile(
    r"^(.+?)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|am|pm|AM|PM)?$"
)
# What a date column holds when a spreadsheet wrote the cell's number, not its date.
EXCEL_SERIAL = re.compile(r"^\d{5}(\.0+)?$")
EXCEL_EPOCH = datetime.date(1899, 12, 30)
# Serial numbers from 1 January 1960 to 31 December 2099: no other date reads as one.
EXCEL_RANGE = (21916, 73415)
MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
FULL_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip
# The ledger's money columns hold 12 digits, two of them pence: up to £9,999,999,999.99.
MAX_WHOLE_POUNDS_DIGITS = 10


def parse_amount(text, decimal_comma=False):
    """An amount in pounds and pence as finance systems write it: '£1,234.56', '1234.56',
    a credit as '-250.00', '250.00-', '(250.00)' or '250.00 CR' ('DR' is a debit). Commas may
    only separate thousands in proper groups of three; a decimal comma ('1234,56') is refused,
    never read as 123456, unless the file is one with decimal commas (``decimal_comma``), where
    '1.234,56' and '1234,56' are £1,234.56 and a point may only separate thousands. A value
    beyond what the ledger holds is refused here, so a check and the import that follows it
    always agree."""
    # Most cells are plain ('1234.56'), which every rule below leaves as they are.
    plain = not decimal_comma and text and PLAIN_AMOUNT.match(text)
    if plain and len(text.split(".")[0].lstrip("0")) <= MAX_WHOLE_POUNDS_DIGITS:
        return Decimal(text).quantize(PENNY)
    raw = (text or "").strip().upper().replace("GBP", "").replace("£", "")
    raw = raw.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    negative = False
    upper = raw.upper()
    if upper.endswith(("CR", "DR")):
        negative = upper.endswith("CR")
        raw = raw[:-2]
    if raw.startswith("(") and raw.endswith(")"):
        negative, raw = True, raw[1:-1]
    if raw.startswith("-"):
        negative, raw = not negative if raw.count("-") == 1 else negative, raw[1:]
    elif raw.endswith("-"):
        negative, raw = True, raw[:-1]
    raw = _decimal_comma(raw, text) if decimal_comma else _decimal_point(raw, text)
    if not PLAIN_AMOUNT.match(raw):
        raise ValueError(f"'{text}' is not an amount in pounds and pence")
    whole = raw.split(".")[0].lstrip("0")
    if len(whole) > MAX_WHOLE_POUNDS_DIGITS:
        raise ValueError(
            f"'{text}' is an amount larger than the ledger can hold (£9,999,999,999.99)"
        )
    try:
        amount = Decimal(raw).quantize(PENNY)
    except InvalidOperation as error:
        raise ValueError(f"'{text}' is not an amount") from error
    return -amount if negative else amount


def _decimal_point(raw, text):
    if GROUPED_AMOUNT.match(raw):
        return raw.replace(",", "")
    if "," in raw:
        raise ValueError(
            f"'{text}' is not an amount in pounds and pence: its comma does not separate "
            "thousands (as in 1,234.56); if it is a decimal comma, export the file with a "
            "decimal point"
        )
    return raw


def _decimal_comma(raw, text):
    if COMMA_GROUPED_AMOUNT.match(raw):
        raw = raw.replace(".", "")
    elif "." in raw:
        raise ValueError(
            f"'{text}' is not an amount in a file with decimal commas: a point may only "
            "separate thousands (as in 1.234,56)"
        )
    return raw.replace(",", ".")


class DecimalStyle:
    """Whether a file's amounts are written with decimal commas, from those seen so far: some
    with a decimal comma ('1234,56', '1.234,56') and none with a decimal point is the only way
    a file is read as such without saying so."""

    def __init__(self):
        self.comma = self.point = False

    def see(self, value):
        if self.point or not value:
            # One decimal point settles it: the file does not use decimal commas.
            return
        raw = (value or "").strip().replace("£", "").replace(" ", "").strip("()-").upper()
        raw = raw.removesuffix("CR").removesuffix("DR")
        if DECIMAL_COMMA.match(raw):
            self.comma = True
        elif DECIMAL_POINT.match(raw):
            self.point = True

    @property
    def decimal_comma(self):
        return self.comma and not self.point


def looks_decimal_comma(values):
    """True when ``values`` are written with decimal commas (DecimalStyle)."""
    style = DecimalStyle()
    for value in values:
        style.see(value)
    return style.decimal_comma


def _month(name):
    """A month's number from its name or the start of it ('Nov', 'Sept', 'November')."""
    name = name.lower()
    number = MONTHS.get(name[:3])
    if number and FULL_MONTHS[number - 1].startswith(name):
        return number
    return None


@functools.lru_cache(maxsize=8192)
def parse_date(text):
    """A date written dd/mm/yyyy (or with dots or hyphens), yyyy-mm-dd (or yyyy/mm/dd),
    dd-MON-yyyy (05-NOV-2026) or 5 November 2026, with or without a time after it. Two-digit
    years are refused: 05/11/26 could be 1926 or 2026. Cached: an export repeats the same
    dates."""
    raw = (text or "").strip()
    if EXCEL_SERIAL.match(raw) and EXCEL_RANGE[0] <= int(float(raw)) <= EXCEL_RANGE[1]:
        return EXCEL_EPOCH + datetime.timedelta(days=int(float(raw)))
    timed = TIME_PART.match(raw)
    if timed:
        raw = timed.group(1).strip()
    parts = None
    if match := DMY.match(raw):
        day, _separator, month, year = match.groups()
        parts = (year, month, day)
    elif match := YMD.match(raw):
        year, _separator, month, day = match.groups()
        parts = (year, month, day)
    elif (match := DMONY.match(raw)) and _month(match.group(2)):
        day, month_name, year = match.groups()
        parts = (year, _month(month_name), day)
    if parts is not None:
        year, month, day = parts
        if len(str(year)) != 4:
            raise ValueError(
                f"'{text}' has a two-digit year; export dates with four-digit years "
                "(31/03/2025), so the century is not guessed"
            )
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not a date like 31/03/2025, 2025-03-31 or 31-MAR-2025")
