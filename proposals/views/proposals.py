"""The project lead's portal: their proposals, the task list, checking and submitting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from core.panels import panels
from proposals import services
from proposals.forms import NewProposalForm, WithdrawForm
from proposals.permissions import can_edit, is_lead, nameable_organisations, starts_proposals
from proposals.selectors import (
    attachment_to_open,
    check_answers,
    invitations_for,
    latest_version,
    lead_page,
    proposal_with_total,
    proposals_for_lead,
    task_list,
    version_page,
    visible_proposal,
)
from proposals.workflow import SECTION_NAMES


def editable_proposal(request, reference):
    proposal = visible_proposal(request.user, reference)
    if not is_lead(request.user, proposal):
        raise Http404
    if not can_edit(request.user, proposal):
        messages.info(
            request,
            f"{proposal.reference} is {proposal.get_status_display().lower()} "
            "and cannot be changed now.",
        )
        raise PermissionDenied
    return proposal


@login_required
def proposal_list(request):
    if not starts_proposals(request.user):
        raise PermissionDenied
    page = Paginator(proposals_for_lead(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "proposals/list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request):
    if not starts_proposals(request.user):
        raise PermissionDenied
    form = NewProposalForm(
        request.POST or None, initial={"lead_organisation": request.user.organisation_id}
    )
    form.fields["lead_organisation"].queryset = nameable_organisations(request.user)
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_create(user=request.user, **form.cleaned_data)
        messages.success(
            request, f"{proposal.reference} started. Complete each section, in any order."
        )
        return redirect("proposals:detail", proposal.reference)
    return render(request, "proposals/new.html", {"form": form})


@login_required
def proposal_detail(request, reference):
    proposal = visible_proposal(request.user, reference)
    if not is_lead(request.user, proposal):
        latest = latest_version(proposal)
        if latest is None:
            raise Http404
        return redirect("proposals:version", reference, latest.number)
    proposal = proposal_with_total(proposal.pk)
    sections, _problems = task_list(proposal)
    for item in sections:
        item["url"] = section_url(proposal.reference, item["slug"])
    context = {
        "proposal": proposal,
        "sections": sections,
        "completed": sum(1 for s in sections if s["status"] == "completed"),
        "editable": can_edit(request.user, proposal),
        "panels": panels("proposal_page_panels", request, proposal),
        **lead_page(proposal),
    }
    return render(request, "proposals/detail.html", context)


OWN_VIEWS = {"budget", "attachments", "outcomes", "criteria", "co-leads"}


def section_url(reference, slug):
    if slug in OWN_VIEWS:
        return reverse(f"proposals:{slug.replace('-', '_')}", args=[reference])
    return reverse("proposals:section", args=[reference, slug])


@login_required
@require_http_methods(["GET", "POST"])
def proposal_check(request, reference):
    """Check your answers, then submit. A refused submission shows an error summary whose
    items link to the sections that need work."""
    proposal = editable_proposal(request, reference)
    refused = []
    if request.method == "POST":
        try:
            services.proposal_submit(user=request.user, proposal=proposal)
        except ValidationError as error:
            refused = error.messages
        else:
            return redirect("proposals:submitted", reference)
    proposal = proposal_with_total(proposal.pk)
    _, problems = task_list(proposal)
    if refused and problems:
        errors = [
            (section_url(reference, section), f"{SECTION_NAMES[section]}: {message}")
            for section, section_messages in problems.items()
            for message in section_messages
        ]
    else:
        errors = [("", message) for message in refused]
    context = {
        "proposal": proposal,
        "errors": errors,
        "problems": problems,
        "sections": {slug: section_url(reference, slug) for slug in SECTION_NAMES},
        **check_answers(proposal),
    }
    return render(request, "proposals/check.html", context, status=400 if errors else 200)


@login_required
def proposal_submitted(request, reference):
    proposal = visible_proposal(request.user, reference)
    version = latest_version(proposal)
    if not is_lead(request.user, proposal) or version is None:
        raise Http404
    return render(request, "proposals/submitted.html", {"proposal": proposal, "version": version})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw_view(request, reference):
    proposal = visible_proposal(request.user, reference)
    if not is_lead(request.user, proposal):
        raise Http404
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_withdraw(user=request.user, proposal=proposal, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error.messages[0])
        else:
            messages.success(request, f"{proposal.reference} has been withdrawn.")
            return redirect("proposals:list")
    return render(request, "proposals/withdraw.html", {"proposal": proposal, "form": form})


@login_required
def version_detail(request, reference, number):
    proposal = visible_proposal(request.user, reference)
    return render(request, "proposals/version.html", version_page(proposal, number))


@login_required
def attachment_download(request, reference, attachment_id):
    """Served through this view only: the file store has no public URL."""
    proposal = visible_proposal(request.user, reference)
    attachment = attachment_to_open(request.user, proposal, attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


ANSWERS = {
    "accept": (services.co_lead_accept, "You are now a co-lead of {reference}."),
    "decline": (services.co_lead_decline, "You declined to co-lead {reference}."),
}


@login_required
@require_POST
def invitation_answer(request, invitation_id, answer):
    """Accept or decline an invitation to co-lead: only the person invited, signed in with the
    address it was sent to, finds it."""
    if answer not in ANSWERS:
        raise Http404
    invitation = invitations_for(request.user).filter(pk=invitation_id).first()
    if invitation is None:
        raise Http404
    action, success = ANSWERS[answer]
    try:
        action(user=request.user, invitation=invitation)
    except (ValidationError, PermissionDenied) as error:
        for message in getattr(error, "messages", [str(error)]):
            messages.error(request, message)
        return redirect("portal:home")
    messages.success(request, success.format(reference=invitation.proposal.reference))
    if answer == "accept":
        return redirect("proposals:detail", invitation.proposal.reference)
    return redirect("portal:home")
