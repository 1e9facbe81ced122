"""Writing cells safely: text that begins with =, +, - or @ is never a formula."""

FORMULA_STARTS = ("=", "+", "-", "@")


def safe_text(value):
    """For CSV: a leading formula character is escaped with an apostrophe, as the
    spreadsheet convention for 'this is text'."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
