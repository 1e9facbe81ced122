"""Template filters every app's templates use: money as people read it, a count through the
disclosure rule, and a lookup."""

from django import template

from core.disclosure import suppress_one
from core.money import pounds

register = template.Library()


@register.filter
def gbp(value):
    """£1,234.56 from a Decimal (or its string form), exact to the penny."""
    if value in (None, ""):
        return ""
    return pounds(value)


@register.filter
def get(mapping, key):
    """``mapping[key]``, or "" when it has none."""
    return mapping.get(key, "")


@register.filter
def suppressed(value, apply=True):
    """A count through the disclosure rule where it applies."""
    return suppress_one(value) if apply else f"{value:,}"
