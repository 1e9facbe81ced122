from django.conf import settings

from programme.roles import user_roles


def programme(request):
    return {
        "PROGRAMME_NAME": settings.PROGRAMME_NAME,
        "COUNCIL_NAME": settings.COUNCIL_NAME,
        "user_roles": user_roles(request.user) if hasattr(request, "user") else set(),
    }
