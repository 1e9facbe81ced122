"""Random days for the generated case-management exports, and their dd/mm/yyyy cells."""

import datetime


def day(rng, low, high):
    """A day from ``low`` to ``high`` (``low`` when ``high`` is before it)."""
    return low + datetime.timedelta(days=rng.randint(0, max(0, (high - low).days)))


def ddmmyyyy(value):
    return value.strftime("%d/%m/%Y") if value else ""
