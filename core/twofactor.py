"""Two-factor sign-in for everyone who can reach the back office (the programme team, finance,
auditors), where TWO_FACTOR_REQUIRED is set: once signed in with their password they must set
up an authenticator app (and take their recovery codes) or enter a code from it before any
other page. Project leads and members who reach only the portal sign in with their password
as before. The pages themselves are in the portal (portal/twofactor.py)."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

ALLOWED_PREFIXES = ("/accounts/two-factor/", "/accounts/logout/", "/static/", "/admin/logout/")


def needs_second_factor(user) -> bool:
    return (
        settings.TWO_FACTOR_REQUIRED
        and user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and not user.is_verified()
    )


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if needs_second_factor(request.user) and not request.path_info.startswith(ALLOWED_PREFIXES):
            name = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            return redirect(f"{reverse(name)}?next={request.get_full_path()}")
        return self.get_response(request)
