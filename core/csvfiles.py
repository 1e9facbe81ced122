"""Reading CSV exports from other systems (the finance ledger, case management): headings in
any order and case, dates as dd/mm/yyyy or ISO, amounts with or without '£' and thousands
separators, a byte-order mark and blank lines allowed."""

import csv
import datetime
import functools
import io
import re
from decimal import Decimal, InvalidOperation

PLAIN_AMOUNT = re.compile(r"^\d+(\.\d{1,2})?$")
GROUPED_AMOUNT = re.compile(r"^\d{1,3}(,\d{3})+(\.\d{1,2})?$")
DMY = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d+)$")
YMD = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DMONY = re.compile(r"^(\d{1,2})[- ]([A-Za-z]{3})[- ](\d+)$")
TIME_PART = re.compile(r"^(.+?)[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")
MONTHS = {
    name: number
    for number, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
        start=1,
    )
}
# The ledger's money columns hold 12 digits, two of them pence: up to £9,999,999,999.99.
MAX_WHOLE_POUNDS_DIGITS = 10


class FileProblem(ValueError):
    """The file as a whole cannot be read (encoding, headings)."""


def parse_amount(text):
    """An amount in pounds and pence as finance systems write it: '£1,234.56', '1234.56',
    a credit as '-250.00', '250.00-', '(250.00)' or '250.00 CR' ('DR' is a debit). Commas may
    only separate thousands in proper groups of three; a decimal comma ('1234,56') is refused,
    never read as 123456. A value beyond what the ledger holds is refused here, so a check
    and the import that follows it always agree."""
    raw = (text or "").strip().replace("£", "").replace("\u00a0", "").replace(" ", "")
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
    if GROUPED_AMOUNT.match(raw):
        raw = raw.replace(",", "")
    elif "," in raw:
        raise ValueError(
            f"'{text}' is not an amount in pounds and pence: its comma does not separate "
            "thousands (as in 1,234.56); if it is a decimal comma, export the file with a "
            "decimal point"
        )
    if not PLAIN_AMOUNT.match(raw):
        raise ValueError(f"'{text}' is not an amount in pounds and pence")
    whole = raw.split(".")[0].lstrip("0")
    if len(whole) > MAX_WHOLE_POUNDS_DIGITS:
        raise ValueError(
            f"'{text}' is an amount larger than the ledger can hold (£9,999,999,999.99)"
        )
    try:
        amount = Decimal(raw).quantize(Decimal("0.01"))
    except InvalidOperation as error:
        raise ValueError(f"'{text}' is not an amount") from error
    return -amount if negative else amount


@functools.lru_cache(maxsize=8192)
def parse_date(text):
    """A date written dd/mm/yyyy, yyyy-mm-dd or dd-MON-yyyy (05-NOV-2026), with or without a
    time after it. Two-digit years are refused: 05/11/26 could be 1926 or 2026. Cached: an
    export repeats the same dates."""
    raw = (text or "").strip()
    timed = TIME_PART.match(raw)
    if timed:
        raw = timed.group(1).strip()
    parts = None
    if match := DMY.match(raw):
        day, month, year = match.groups()
        parts = (year, month, day)
    elif match := YMD.match(raw):
        parts = match.groups()
    elif (match := DMONY.match(raw)) and match.group(2).lower() in MONTHS:
        day, month_name, year = match.groups()
        parts = (year, MONTHS[month_name.lower()], day)
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


def decode(data, source="the system it came from"):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(
            f"The file is not UTF-8 text. Export it from {source} as CSV (UTF-8)."
        ) from error
    if "\x00" in text:
        # No text export holds a NUL, and PostgreSQL refuses to store or even compare one.
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise FileProblem(
            f"Line {line} holds a NUL character, which a CSV export never does: the file may "
            "be damaged or not a CSV. Nothing was imported."
        )
    return text


def normal_heading(text):
    return " ".join(text.strip().lower().split())


def _rows(reader):
    """The reader's rows; a row the csv module cannot read (a cell over its size limit, a
    quote never closed) stops the file with a problem naming its line."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise FileProblem(
                f"Line {reader.line_num} cannot be read as CSV: {error}. Nothing was imported."
            ) from error


def read(text, headings, optional=()):
    """Yield (line number, {field: raw text}) for each non-blank row. ``headings`` maps each
    accepted heading (lower case) to a field; other columns are ignored."""
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration as error:
        raise FileProblem("The file is empty.") from error
    except csv.Error as error:
        raise FileProblem(f"Line 1 cannot be read as CSV: {error}.") from error
    columns = {}
    for index, heading in enumerate(header):
        field = headings.get(normal_heading(heading))
        if field:
            columns[field] = index
    missing = [
        heading.title()
        for heading, field in headings.items()
        if field not in columns and field not in optional
    ]
    if missing:
        raise FileProblem("The header row is missing: " + ", ".join(missing) + ".")
    for row in _rows(reader):
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
