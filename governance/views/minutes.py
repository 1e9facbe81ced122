"""Draft minutes: the secretary amends them until a later meeting approves them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from governance import services
from governance.forms import MinutesForm
from governance.permissions import runs_meetings
from governance.selectors.minutes import minutes_html
from governance.selectors.room import minutes_by_pk
from governance.views.base import attempt, found, meeting_for, run


@login_required
@require_http_methods(["GET", "POST"])
def minutes_edit(request, pk):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    minutes = getattr(meeting, "minutes", None)
    if minutes is None or minutes.locked:
        return redirect("governance:meeting", pk)
    form = MinutesForm(
        request.POST or None,
        items=meeting.agenda.all(),
        initial={"other_business": minutes.other_business},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            request,
            form,
            services.minutes_amend,
            "The draft minutes are saved.",
            minutes=minutes,
            discussions=form.discussions(),
            other_business=form.cleaned_data["other_business"],
        )
    ):
        return redirect("governance:meeting", pk)
    return render(
        request,
        "governance/minutes_edit.html",
        {"meeting": meeting, "form": form, "record": minutes_html(meeting)},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def approve_minutes(request, pk, minutes_pk):
    meeting = meeting_for(request, pk)
    minutes = found(minutes_by_pk(minutes_pk))
    run(
        request,
        services.minutes_approve,
        "Minutes approved and locked.",
        minutes=minutes,
        at_meeting=meeting,
    )
    return redirect("governance:meeting", pk)
