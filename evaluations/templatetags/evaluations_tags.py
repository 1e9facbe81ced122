from django import template
from django.conf import settings

from evaluations.disclosure import suppress_one

register = template.Library()


@register.inclusion_tag("evaluations/includes/suppression_note.html")
def suppression_note(suppressed):
    return {"suppressed": suppressed, "threshold": settings.SMALL_NUMBER_THRESHOLD}


@register.filter
def suppressed(value, apply=True):
    """A count through the disclosure rule where it applies."""
    return suppress_one(value) if apply else f"{value:,}"
