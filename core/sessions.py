"""Back-office sessions end after a spell without activity (BACK_OFFICE_IDLE_MINUTES): the
programme team, finance and auditors can reach family data and the ledger, and a screen left
signed in on a shared office desk should not stay open all day. Others keep the usual
session (SESSION_COOKIE_AGE, ended when the browser closes)."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login

LAST_SEEN = "core.last_seen"
# The time of the last request is written at most this often, so a page does not save the
# session on every request.
TOUCH_EVERY_SECONDS = 60


def mark_signed_in(sender, request, user, **kwargs):
    """user_logged_in: the idle clock starts at sign-in."""
    if request is not None and hasattr(request, "session"):
        request.session[LAST_SEEN] = int(time.time())


def _idle_limit(user):
    if user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return settings.BACK_OFFICE_IDLE_MINUTES * 60
    return None


class IdleTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = _idle_limit(request.user)
        if limit is not None:
            now = int(time.time())
            last = request.session.get(LAST_SEEN, now)
            if now - last > limit:
                logout(request)
                messages.info(
                    request,
                    f"You were signed out after {settings.BACK_OFFICE_IDLE_MINUTES} minutes "
                    "without activity. Sign in again to carry on.",
                )
                return redirect_to_login(request.get_full_path())
            if now - last >= TOUCH_EVERY_SECONDS or LAST_SEEN not in request.session:
                request.session[LAST_SEEN] = now
        return self.get_response(request)
