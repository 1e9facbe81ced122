"""Template filters every app's templates use: money as people read it, and a lookup."""

from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def gbp(value):
    """£1,234.56 from a Decimal (or its string form), exact to the penny."""
    if value in (None, ""):
        return ""
    amount = Decimal(str(value))
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


@register.filter
def get(mapping, key):
    """``mapping[key]``, or "" when it has none."""
    return mapping.get(key, "")
