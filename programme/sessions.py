"""Where each person is signed in (``SignedInSession``), kept beside Django's sessions: a row
when they sign in, its last-seen time moved at most once a minute by the middleware, removed
when they sign out. Ending a session elsewhere deletes it from the session store itself
(``programme.services.sessions_end``), so its next request is simply not signed in."""

import datetime

from django.utils import timezone

from core.security import client_address
from programme.models import SignedInSession

TOUCH_EVERY = datetime.timedelta(minutes=1)
SEEN = "programme.session_seen"


def record_sign_in(sender, request, user, **kwargs):
    """user_logged_in: note where they signed in."""
    if request is None or not hasattr(request, "session"):
        return
    if request.session.session_key is None:
        request.session.save()
    now = timezone.now()
    SignedInSession.objects.update_or_create(
        session_key=request.session.session_key,
        defaults={
            "user": user,
            "last_seen_at": now,
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:255],
            "ip_address": client_address(request) or None,
        },
    )
    request.session[SEEN] = now.timestamp()


def record_sign_out(sender, request, user, **kwargs):
    """user_logged_out: forget the session."""
    if request is not None and hasattr(request, "session") and request.session.session_key:
        SignedInSession.objects.filter(session_key=request.session.session_key).delete()


class SignedInSessionMiddleware:
    """Moves the session's last-seen time, and lists a session signed in before the list
    existed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.session.session_key:
            now = timezone.now()
            seen = request.session.get(SEEN)
            if seen is None or now.timestamp() - seen >= TOUCH_EVERY.total_seconds():
                touched = SignedInSession.objects.filter(
                    session_key=request.session.session_key, user=request.user
                ).update(last_seen_at=now)
                if not touched:
                    # Signed in before sessions were listed: list it from now on.
                    record_sign_in(None, request, request.user)
                request.session[SEEN] = now.timestamp()
        return self.get_response(request)
