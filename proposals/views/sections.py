"""One view per task-list section. Each saves as a draft and returns to the task list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import add_service_errors
from programme.selectors import active_criteria, headline_outcomes
from proposals import services
from proposals.forms import (
    AboutForm,
    AttachmentForm,
    BudgetLineForm,
    CoLeadForm,
    CriteriaForm,
    DeliveryForm,
    NeedForm,
    OutcomesForm,
    PrioritiesForm,
)
from proposals.permissions import nameable_organisations
from proposals.selectors import (
    answers_of,
    attachments_of,
    budget_of,
    co_leads_of,
    open_invitations,
    proposal_with_total,
    targets_of,
)
from proposals.views.proposals import editable_proposal
from proposals.workflow import SECTION_NAMES

MODEL_SECTIONS = {
    "about": AboutForm,
    "need": NeedForm,
    "priorities": PrioritiesForm,
    "delivery": DeliveryForm,
}


def _saved(request, proposal, section):
    messages.success(request, f"{SECTION_NAMES[section]} saved.")
    return redirect("proposals:detail", proposal.reference)


def _render(request, proposal, section, form, template="proposals/section.html", **extra):
    context = {
        "proposal": proposal,
        "form": form,
        "section": section,
        "section_name": SECTION_NAMES[section],
        **extra,
    }
    return render(request, template, context)


def _take_off(request, reference, service, success, back, **ids):
    """Remove one of the proposal's own things (a budget line, a file, a co-lead, an
    invitation) through its service; an id that is not this proposal's is not found."""
    proposal = editable_proposal(request, reference)
    try:
        service(user=request.user, proposal=proposal, **ids)
    except ObjectDoesNotExist as missing:
        raise Http404 from missing
    messages.success(request, success)
    return redirect(back, reference)


@login_required
@require_http_methods(["GET", "POST"])
def section(request, reference, section):
    if section not in MODEL_SECTIONS:
        raise Http404
    proposal = editable_proposal(request, reference)
    form = MODEL_SECTIONS[section](request.POST or None, instance=proposal)
    if "lead_organisation" in form.fields:
        form.fields["lead_organisation"].queryset = nameable_organisations(request.user, proposal)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            services.proposal_update(
                user=request.user, proposal=proposal, section=section, data=data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _saved(request, proposal, section)
    return _render(request, proposal, section, form)


@login_required
@require_http_methods(["GET", "POST"])
def outcomes(request, reference):
    proposal = editable_proposal(request, reference)
    current = targets_of(proposal)
    form = OutcomesForm(request.POST or None, outcomes=headline_outcomes(), current=current)
    if request.method == "POST" and form.is_valid():
        services.outcome_targets_set(user=request.user, proposal=proposal, targets=form.targets())
        return _saved(request, proposal, "outcomes")
    return _render(request, proposal, "outcomes", form, template="proposals/outcomes.html")


@login_required
@require_http_methods(["GET", "POST"])
def criteria(request, reference):
    proposal = editable_proposal(request, reference)
    current = answers_of(proposal)
    form = CriteriaForm(request.POST or None, criteria=active_criteria(), current=current)
    if request.method == "POST" and form.is_valid():
        services.criterion_answers_save(
            user=request.user, proposal=proposal, answers=form.answers()
        )
        return _saved(request, proposal, "criteria")
    return _render(request, proposal, "criteria", form)


@login_required
@require_http_methods(["GET", "POST"])
def budget(request, reference):
    proposal = editable_proposal(request, reference)
    form = BudgetLineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.budget_line_add(user=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Budget line added.")
            return redirect("proposals:budget", reference)
    proposal = proposal_with_total(proposal.pk)
    return _render(
        request,
        proposal,
        "budget",
        form,
        template="proposals/budget.html",
        lines=budget_of(proposal),
    )


@login_required
@require_POST
def budget_remove(request, reference, line_id):
    return _take_off(
        request,
        reference,
        services.budget_line_remove,
        "Budget line removed.",
        "proposals:budget",
        line_id=line_id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def attachments(request, reference):
    proposal = editable_proposal(request, reference)
    form = AttachmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.attachment_add(
                user=request.user, proposal=proposal, uploaded_file=form.cleaned_data["file"]
            )
        except ValidationError as error:
            form.add_error("file", error.messages[0])
        else:
            messages.success(request, f"{attachment.original_name} uploaded.")
            return redirect("proposals:attachments", reference)
    return _render(
        request,
        proposal,
        "attachments",
        form,
        template="proposals/attachments.html",
        files=attachments_of(proposal),
    )


@login_required
@require_POST
def attachment_remove_view(request, reference, attachment_id):
    return _take_off(
        request,
        reference,
        services.attachment_remove,
        "File removed.",
        "proposals:attachments",
        attachment_id=attachment_id,
    )


@login_required
@require_http_methods(["GET", "POST"])
def co_leads(request, reference):
    proposal = editable_proposal(request, reference)
    form = CoLeadForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = services.co_lead_invite(
                user=request.user, proposal=proposal, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                f"We have invited {invitation.email}. They become a co-lead when they accept; "
                "if they have no project lead account yet, ask the programme team for one.",
            )
            return redirect("proposals:co_leads", reference)
    return _render(
        request,
        proposal,
        "co-leads",
        form,
        template="proposals/co_leads.html",
        people=co_leads_of(proposal),
        invitations=open_invitations(proposal),
    )


@login_required
@require_POST
def co_lead_remove_view(request, reference, user_id):
    return _take_off(
        request,
        reference,
        services.co_lead_remove,
        "Co-lead removed.",
        "proposals:co_leads",
        co_lead_id=user_id,
    )


@login_required
@require_POST
def invitation_withdraw_view(request, reference, invitation_id):
    return _take_off(
        request,
        reference,
        services.co_lead_invitation_withdraw,
        "Invitation withdrawn.",
        "proposals:co_leads",
        invitation_id=invitation_id,
    )
