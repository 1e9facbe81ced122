from django.conf import settings
from django.utils.functional import SimpleLazyObject

from programme.roles import user_roles


def programme(request):
    return {
        "PROGRAMME_NAME": settings.PROGRAMME_NAME,
        "COUNCIL_NAME": settings.COUNCIL_NAME,
        # Read when a template asks (the portal's navigation), not on every back-office page.
        "user_roles": SimpleLazyObject(lambda: user_roles(request.user))
        if hasattr(request, "user")
        else set(),
    }
