from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("evaluations/includes/suppression_note.html")
def suppression_note(suppressed):
    return {"suppressed": suppressed, "threshold": settings.SMALL_NUMBER_THRESHOLD}
