"""A meeting in the portal: its agenda and papers for the group, and the secretary's and
chair's controls. Every action goes through a service, which checks permission again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from governance import documents, services
from governance.forms import AttendanceForm
from governance.models import Attendance
from governance.permissions import runs_meetings
from governance.selectors.room import (
    attendance_sheet,
    meeting_room,
    papers_versions,
    publish_preview,
    seat_holder,
)
from governance.views.base import attempt, meeting_for, run


@login_required
def meeting_detail(request, pk):
    meeting = meeting_for(request, pk)
    return render(request, "governance/meeting.html", meeting_room(meeting, request.user))


@login_required
def papers(request, pk):
    meeting = meeting_for(request, pk)
    pack = getattr(meeting, "papers", None)
    if pack is None:
        messages.info(request, "The papers have not been published yet.")
        return redirect("governance:meeting", pk)
    return render(
        request,
        "governance/papers.html",
        {
            "meeting": meeting,
            "pack": pack.content,
            "versions": papers_versions(meeting),
            "published": pack,
        },
    )


@login_required
def papers_pdf(request, pk):
    """The papers pack as one PDF file, for reading offline or printing."""
    meeting = meeting_for(request, pk)
    pack = getattr(meeting, "papers", None)
    if pack is None:
        raise Http404
    response = HttpResponse(documents.papers_pdf(meeting, pack), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="papers-{meeting.date:%Y-%m-%d}.pdf"'
    return response


ACTIONS = {
    "build": (services.agenda_build, "Agenda built from the proposals placed for this meeting."),
    "start": (services.meeting_start, "The meeting is in session."),
    "close": (services.meeting_close, "The meeting is closed and the minutes drafted."),
}


@login_required
@require_POST
def meeting_action(request, pk, action):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting) or action not in ACTIONS:
        raise PermissionDenied
    service, success = ACTIONS[action]
    run(request, service, success, meeting=meeting)
    return redirect("governance:meeting", pk)


@login_required
def publish(request, pk):
    """Publishing asks first: it shows what goes out and to how many, and warns while
    proposals can still be submitted for the meeting."""
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    if request.method == "POST":
        run(
            request,
            services.agenda_publish,
            "Agenda published and papers sent to the group.",
            meeting=meeting,
        )
        return redirect("governance:meeting", pk)
    return render(
        request, "governance/publish.html", publish_preview(meeting, timezone.localdate())
    )


@login_required
def attendance(request, pk):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    form = AttendanceForm(request.POST or None)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            request,
            form,
            services.attendance_record,
            "Attendance recorded.",
            meeting=meeting,
            **form.cleaned_data,
        )
    )
    if saved:
        return redirect("governance:attendance", pk)
    return render(
        request,
        "governance/attendance.html",
        {"meeting": meeting, "form": form, **attendance_sheet(meeting)},
    )


@login_required
@require_POST
def mark_present(request, pk, user_pk, present):
    meeting = meeting_for(request, pk)
    membership = seat_holder(meeting, user_pk)
    if membership is None:
        raise PermissionDenied
    run(
        request,
        services.attendance_record,
        f"{membership.user}: {'present' if present else 'apologies'}.",
        meeting=meeting,
        person=membership.user,
        capacity=Attendance.Capacity.MEMBER,
        present=bool(present),
    )
    return seats_changed(request, meeting)


@login_required
@require_POST
def all_present(request, pk):
    meeting = meeting_for(request, pk)
    run(
        request,
        services.attendance_all_present,
        "Everyone not yet recorded is marked present.",
        meeting=meeting,
    )
    return seats_changed(request, meeting)


def seats_changed(request, meeting):
    """Back to the attendance page; or, asked by the page's script (``X-Partial``), only the
    seats and quorum, with what happened, so the secretary's place on the page is kept."""
    if request.headers.get("X-Partial") != "attendance-seats":
        return redirect("governance:attendance", meeting.pk)
    return render(
        request,
        "governance/includes/attendance_seats.html",
        {
            "meeting": meeting,
            "partial_messages": [str(message) for message in messages.get_messages(request)],
            **attendance_sheet(meeting),
        },
    )
