"""A Content Security Policy on every response, and the name a failed sign-in is counted
against for the lock-out (django-axes)."""

import secrets

from django.conf import settings


def _policy(directives, nonce):
    return "; ".join(
        " ".join([name, *(value.replace("{nonce}", nonce) for value in values)])
        for name, values in directives.items()
    )


class ContentSecurityPolicyMiddleware:
    """Sets Content-Security-Policy from CONTENT_SECURITY_POLICY, or from
    CONTENT_SECURITY_POLICY_ADMIN under /admin/ (Wagtail's editor needs inline script). Each
    request gets a fresh nonce for the portal's one inline script."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if "Content-Security-Policy" not in response:
            directives = settings.CONTENT_SECURITY_POLICY
            if request.path_info.startswith("/admin/"):
                directives = settings.CONTENT_SECURITY_POLICY_ADMIN
            response["Content-Security-Policy"] = _policy(directives, request.csp_nonce)
        return response


def csp_nonce(request):
    return {"csp_nonce": getattr(request, "csp_nonce", "")}


def login_username(request, credentials):
    """Failed sign-ins are counted against the email address as typed, ignoring case and
    spaces, so "Lead@X" and "lead@x " share one count."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return username.strip().lower()
