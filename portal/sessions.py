"""Where you are signed in: every session of yours with its browser, address and last
activity, and a button to sign out of any of the others, or all of them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from programme.selectors import signed_in_sessions
from programme.services import sessions_end


@login_required
def session_list(request):
    return render(
        request,
        "portal/sessions.html",
        {
            "sessions": signed_in_sessions(request.user),
            "current": request.session.session_key,
        },
    )


@login_required
@require_POST
def session_end(request, session_id):
    ended = sessions_end(user=request.user, keep=request.session.session_key, session_id=session_id)
    if not ended:
        raise Http404
    messages.success(request, "That session is signed out.")
    return redirect("sessions")


@login_required
@require_POST
def sessions_end_others(request):
    ended = sessions_end(user=request.user, keep=request.session.session_key)
    messages.success(request, f"Signed out of {ended} other session{'s' if ended != 1 else ''}.")
    return redirect("sessions")
