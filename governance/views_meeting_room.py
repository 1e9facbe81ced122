"""A meeting in the portal: its agenda and papers for the group, and the secretary's and
chair's controls. Every action goes through a service, which checks permission again."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance import services
from governance.conduct import present_voters, quorum, runs_meetings, voting_memberships
from governance.financial_years import fy_for_date
from governance.forms_meetings import AttendanceForm
from governance.models import Attendance, Meeting, Minutes
from governance.money import money_total
from governance.selectors import conditions_due, fund_position, unapproved_minutes
from governance.views_meetings import sees_meetings


def meeting_for(request, pk):
    if not sees_meetings(request.user):
        raise PermissionDenied
    return get_object_or_404(Meeting, pk=pk)


def run(request, action, success, **kwargs):
    """Call a service; show its refusal as a message rather than an error page."""
    try:
        action(user=request.user, **kwargs)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    except PermissionDenied as error:
        messages.error(request, str(error) or "You cannot do that.")
        return False
    messages.success(request, success)
    return True


@login_required
def meeting_detail(request, pk):
    meeting = meeting_for(request, pk)
    items = meeting.agenda.select_related("proposal", "vote")
    papers = getattr(meeting, "papers", None)
    context = {
        "meeting": meeting,
        "items": items,
        "papers": papers,
        "runs": runs_meetings(request.user, meeting),
        "fund": fund_position(
            fy_for_date(meeting.date),
            money_total(
                meeting.agenda.filter(version__isnull=False, decisions__isnull=True),
                "version__total_requested",
            ),
        ),
        "quorum": quorum(meeting),
        "minutes": Minutes.objects.filter(meeting=meeting).first(),
        "to_approve": unapproved_minutes(meeting) if meeting.status == "in_session" else [],
        "conditions": conditions_due(meeting),
    }
    return render(request, "governance/meeting.html", context)


@login_required
def papers(request, pk):
    meeting = meeting_for(request, pk)
    pack = getattr(meeting, "papers", None)
    if pack is None:
        messages.info(request, "The papers have not been published yet.")
        return redirect("portal:meeting", pk)
    versions = {
        item.pk: item.version
        for item in meeting.agenda.filter(version__isnull=False).select_related("version")
    }
    return render(
        request,
        "governance/papers.html",
        {"meeting": meeting, "pack": pack.content, "versions": versions, "published": pack},
    )


@login_required
@require_POST
def meeting_action(request, pk, action):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    actions = {
        "build": (
            services.agenda_build,
            "Agenda built from the proposals placed for this meeting.",
        ),
        "publish": (services.agenda_publish, "Agenda published and papers sent to the group."),
        "start": (services.meeting_start, "The meeting is in session."),
        "close": (services.meeting_close, "The meeting is closed and the minutes drafted."),
    }
    if action not in actions:
        raise PermissionDenied
    service, success = actions[action]
    run(request, service, success, meeting=meeting)
    return redirect("portal:meeting", pk)


@login_required
def attendance(request, pk):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    form = AttendanceForm(request.POST or None)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and run(
            request,
            services.attendance_record,
            "Attendance recorded.",
            meeting=meeting,
            **form.cleaned_data,
        )
    )
    if saved:
        return redirect("portal:attendance", pk)
    records = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    seats = [(m, records.get(m.user_id)) for m in voting_memberships(meeting)]
    return render(
        request,
        "governance/attendance.html",
        {
            "meeting": meeting,
            "form": form,
            "seats": seats,
            "others": [a for a in records.values() if a.capacity != "member"],
            "voters": present_voters(meeting),
            "quorum": quorum(meeting),
        },
    )


@login_required
@require_POST
def mark_present(request, pk, user_pk, present):
    meeting = meeting_for(request, pk)
    membership = voting_memberships(meeting).filter(user_id=user_pk).first()
    if membership is None:
        raise PermissionDenied
    run(
        request,
        services.attendance_record,
        "Attendance recorded.",
        meeting=meeting,
        person=membership.user,
        capacity=Attendance.Capacity.MEMBER,
        present=bool(present),
    )
    return redirect("portal:attendance", pk)
