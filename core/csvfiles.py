"""Reading CSV exports from other systems (the finance ledger, case management): headings in
any order and case, dates as dd/mm/yyyy or ISO, amounts with or without '£' and thousands
separators, a byte-order mark and blank lines allowed."""

import csv
import datetime
import functools
import io
import re
from decimal import Decimal, InvalidOperation

AMOUNT = re.compile(r"^-?\d+(\.\d{1,2})?$")
DMY = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")
YMD = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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


@functools.lru_cache(maxsize=8192)
def parse_date(text):
    """A date written dd/mm/yyyy or yyyy-mm-dd. Cached: an export repeats the same dates."""
    raw = (text or "").strip()
    day = month = year = None
    if DMY.match(raw):
        day, month, year = raw.split("/")
    elif YMD.match(raw):
        year, month, day = raw.split("-")
    if year is not None:
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            pass
    raise ValueError(f"'{text}' is not a date like 31/03/2025 or 2025-03-31")


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
