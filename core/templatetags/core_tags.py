"""Template filters every app's templates use: money as people read it, and a lookup."""


from django import template

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
