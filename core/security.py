"""A Content Security Policy on every response, the one normal form of an email address, and
the name a failed sign-in is counted against for the lock-out (django-axes)."""

import secrets
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError

# A served document is a download that may run nothing, even if a browser renders it.
DOCUMENTS_PATH = "/documents/"
DOCUMENT_POLICY = "default-src 'none'; sandbox"


def _policy(directives, nonce):
    return "; ".join(
        " ".join([name, *(value.replace("{nonce}", nonce) for value in values)])
        for name, values in directives.items()
    )


class ContentSecurityPolicyMiddleware:
    """Sets Content-Security-Policy from CONTENT_SECURITY_POLICY, or from
        CONTENT_SECURITY_POLICY_ADMIN under /admin/ (Wagtail's editor needs inline script), or
    DOCUMENT_POLICY on documents. Each
        request gets a fresh nonce for the portal's one inline script."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(18)
        response = self.get_response(request)
        if request.path_info.startswith(DOCUMENTS_PATH):
            response["Content-Security-Policy"] = DOCUMENT_POLICY
        elif "Content-Security-Policy" not in response:
            directives = settings.CONTENT_SECURITY_POLICY
            if request.path_info.startswith("/admin/"):
                directives = settings.CONTENT_SECURITY_POLICY_ADMIN
            response["Content-Security-Policy"] = _policy(directives, request.csp_nonce)
        return response


def csp_nonce(request):
    return {"csp_nonce": getattr(request, "csp_nonce", "")}


def normalise_email(value: str) -> str:
    """The one form of an email address that is stored, looked up and locked out: compatibility
    characters folded (NFKC turns "ſ" into "s") and case folded. Sign-in looks the account up by
    exactly this form, and the lock-out counts it, so no spelling reaches an account by another
    key than its own."""
    return unicodedata.normalize("NFKC", value.strip()).casefold()


def plain_email(value: str) -> None:
    """Accounts have addresses in plain ASCII: a look-alike letter ("ı", "ſ", Cyrillic "а")
    could otherwise name a second account that reads as the first."""
    if not value.isascii():
        raise ValidationError(
            "Enter the email address in plain letters, numbers and symbols (a to z, 0 to 9); "
            "it has a character that only looks like one of them.",
            code="lookalike",
        )


def login_username(request, credentials):
    """Failed sign-ins are counted against the address in its normal form (``normalise_email``),
    so "Lead@X", "lead@x " and "leaſ@x" can never have separate counts from the account they
    would sign in to."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return normalise_email(username)


def client_address(request) -> str:
    """The address a request came from; behind a proxy, the last address it reports in
    ``CLIENT_ADDRESS_HEADER`` (the one the proxy itself saw)."""
    address = request.META.get("REMOTE_ADDR", "")
    if settings.CLIENT_ADDRESS_HEADER:
        forwarded = request.META.get(settings.CLIENT_ADDRESS_HEADER, "")
        address = forwarded.split(",")[-1].strip() or address
    return address
