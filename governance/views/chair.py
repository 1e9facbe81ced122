"""The chair's and secretary's pages that are not about a single vote."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from governance import services
from governance.forms import ChairsActionForm, DispensationForm, UrgentItemForm
from governance.permissions import runs_meetings
from governance.selectors.room import (
    agenda_item,
    condition_by_pk,
    declaration_on,
    eligible_for_urgent_business,
)
from governance.views.base import attempt, found, meeting_for, run
from governance.views.items import item_page_response
from programme.permissions import is_chair
from proposals.selectors import awaiting_decision


@login_required
def chairs_action(request):
    if not is_chair(request.user, timezone.localdate()):
        raise PermissionDenied
    form = ChairsActionForm(
        request.POST or None,
        proposals=awaiting_decision(),
        initial={"decided_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if attempt(
            request,
            form,
            services.chairs_action_record,
            "Chair's action recorded; it will be noted at the next meeting.",
            proposal=data["proposal"],
            outcome=data["outcome"],
            decided_on=data["decided_on"],
            reasons=data["reasons"],
            alternatives=data["alternatives"],
            interests=data["interests"],
            approved_amount=data["approved_amount"],
            conditions=form.conditions(),
            override_reason=data["override_reason"],
        ):
            return redirect("proposals:detail", data["proposal"].reference)
    return render(request, "governance/chairs_action.html", {"form": form})


@login_required
def urgent_item(request, pk):
    meeting = meeting_for(request, pk)
    if not runs_meetings(request.user, meeting):
        raise PermissionDenied
    form = UrgentItemForm(
        request.POST or None,
        proposals=eligible_for_urgent_business(meeting),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and attempt(
            request,
            form,
            services.agenda_add_urgent,
            "Added as urgent business.",
            meeting=meeting,
            **form.cleaned_data,
        )
    ):
        return redirect("governance:meeting", pk)
    return render(request, "governance/urgent_item.html", {"meeting": meeting, "form": form})


@login_required
@require_POST
def move_item(request, pk, item_pk, direction):
    meeting = meeting_for(request, pk)
    item = found(agenda_item(meeting, item_pk))
    run(request, services.agenda_move, "Agenda order changed.", item=item, up=direction == "up")
    return redirect("governance:meeting", pk)


@login_required
@require_POST
def dispensation(request, pk, item_pk, declaration_pk):
    meeting = meeting_for(request, pk)
    declaration = found(declaration_on(meeting, item_pk, declaration_pk))
    form = DispensationForm(request.POST)
    if form.is_valid() and attempt(
        request,
        form,
        services.dispensation_grant,
        "Dispensation recorded.",
        declaration=declaration,
        reason=form.cleaned_data["reason"],
    ):
        return redirect("governance:item", pk, item_pk)
    return item_page_response(request, declaration.item, dispensation_form=form)


@login_required
@require_POST
def mark_condition_met(request, pk, condition_pk):
    meeting = meeting_for(request, pk)
    condition = found(condition_by_pk(condition_pk))
    run(
        request,
        services.condition_met,
        "Condition marked as met.",
        condition=condition,
        on=timezone.localdate(),
    )
    return redirect("governance:meeting", meeting.pk)
