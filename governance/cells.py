"""Writing cells safely: text that begins with =, +, - or @ is never a formula."""

# OWASP's list: a spreadsheet may read any of these at the start of a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value):
    """For CSV: a leading formula character is escaped with an apostrophe, as the
    spreadsheet convention for 'this is text'."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
