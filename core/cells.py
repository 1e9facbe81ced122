"""Writing cells safely: text that begins with =, +, - or @ is never a formula."""

import datetime

from django.utils import timezone

# OWASP's list: a spreadsheet may read any of these at the start of a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value):
    """For CSV: a leading formula character is escaped with an apostrophe, as the
    spreadsheet convention for 'this is text'."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class SafeCsvMixin:
    """For Wagtail's spreadsheet exports (listings, the audit trail). Its CSV writes text as
    it is, so a title such as "=HYPERLINK(...)" would run as a formula in Excel; here each
    cell that comes out as text goes through safe_text (numbers and dates stay as they are;
    moments are written to the second in local time).
    Its XLSX export already writes formulas as text."""

    def write_csv_row(self, writer, row_dict):
        cells = {}
        for field, value in row_dict.items():
            cell = csv_value(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            cells[field] = safe_text(cell) if isinstance(cell, str) else cell
        return writer.writerow(cells)


def csv_value(value):
    """A moment to the second in local time (not UTC with microseconds); yes or no."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return value
