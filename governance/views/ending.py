"""Ending a meeting other than by deciding everything on it: closing with the rest deferred,
adjourning part-way, cancelling before it starts; and starting it on a day other than the
one planned. Each asks for the reason and a confirmation on a page of its own that says what
will happen."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from governance import services
from governance.forms import MeetingEndForm
from governance.permissions import runs_meetings
from governance.selectors.room import undecided_items
from governance.views.base import attempt, meeting_for


@dataclass(frozen=True)
class Ending:
    heading: str
    explanation: str
    label: str
    required_message: str
    button: str
    success: str
    service: object
    reason_argument: str
    lists_undecided: bool = True


ENDINGS = {
    "close": Ending(
        "Close the meeting and defer what is left",
        "These proposals have no decision. Closing now defers each of them to the next "
        "meeting with the reason below, records it in the minutes, and tells their leads.",
        "Why the rest are deferred",
        "Say why the rest are deferred",
        "Defer them and close the meeting",
        "The meeting is closed, the rest deferred and the minutes drafted.",
        services.meeting_close,
        "defer_rest",
    ),
    "adjourn": Ending(
        "Adjourn the meeting",
        "Adjourning stops the meeting now. Every proposal without a decision is deferred to "
        "the next meeting, and the minutes are drafted for what was done.",
        "Why the meeting is adjourned",
        "Say why the meeting is adjourned",
        "Adjourn the meeting",
        "The meeting is adjourned, the rest deferred and the minutes drafted.",
        services.meeting_adjourn,
        "reason",
    ),
    "cancel": Ending(
        "Cancel the meeting",
        "Cancelling means the meeting will not take place. The proposals placed on it move to "
        "the next scheduled meeting and their leads are told; if the papers have gone out, "
        "the group is told too.",
        "Why the meeting is cancelled",
        "Say why the meeting is cancelled",
        "Cancel the meeting",
        "The meeting is cancelled.",
        services.meeting_cancel,
        "reason",
    ),
    "start": Ending(
        "Hold the meeting today",
        "This meeting was planned for another day. Starting it today makes today the date of "
        "the meeting: its minutes and decision letters say so, with the reason below and the "
        "date that was planned.",
        "Why the meeting is held today",
        "Say why the meeting is held today",
        "Start the meeting today",
        "The meeting is in session.",
        services.meeting_start,
        "reason",
        lists_undecided=False,
    ),
}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_end(request, pk, ending):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    how = ENDINGS[ending]
    form = MeetingEndForm(
        request.POST or None, label=how.label, required_message=how.required_message
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            request,
            form,
            how.service,
            how.success,
            meeting=meeting,
            **{how.reason_argument: form.cleaned_data["reason"]},
        )
    ):
        return redirect("governance:meeting", pk)
    return render(
        request,
        "governance/meeting_end.html",
        {
            "meeting": meeting,
            "form": form,
            "how": how,
            "undecided": undecided_items(meeting) if how.lists_undecided else [],
        },
        status=400 if form.errors else 200,
    )
