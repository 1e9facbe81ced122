"""The project lead's portal: their proposals, the task list, checking and submitting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from governance import services as governance_services
from governance.forms_meetings import AnswerForm
from governance.models import Question
from proposals import services
from proposals.forms import NewProposalForm, WithdrawForm
from proposals.models import Attachment, Proposal
from proposals.permissions import can_edit, can_view, is_lead
from proposals.rules import SECTION_NAMES
from proposals.selectors import proposal_with_total, proposals_for_lead, task_list
from proposals.snapshots import compare_snapshots


def visible_proposal(request, reference):
    """The proposal, if this person may see it; otherwise 404, so nobody learns by guessing
    a URL that someone else's proposal exists."""
    proposal = get_object_or_404(Proposal, reference=reference)
    if not can_view(request.user, proposal):
        raise Http404
    return proposal


def editable_proposal(request, reference):
    proposal = visible_proposal(request, reference)
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
    if not request.user.has_perm("proposals.add_proposal"):
        raise PermissionDenied
    page = Paginator(proposals_for_lead(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "proposals/list.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_new(request):
    if not request.user.has_perm("proposals.add_proposal"):
        raise PermissionDenied
    form = NewProposalForm(
        request.POST or None, initial={"lead_organisation": request.user.organisation_id}
    )
    if request.method == "POST" and form.is_valid():
        proposal = services.proposal_create(user=request.user, **form.cleaned_data)
        messages.success(
            request, f"{proposal.reference} started. Complete each section, in any order."
        )
        return redirect("proposals:detail", proposal.reference)
    return render(request, "proposals/new.html", {"form": form})


@login_required
def proposal_detail(request, reference):
    proposal = visible_proposal(request, reference)
    if not is_lead(request.user, proposal):
        latest = proposal.versions.order_by("-number").first()
        if latest is None:
            raise Http404
        return redirect("proposals:version", reference, latest.number)
    proposal = proposal_with_total(proposal.pk)
    sections, problems = task_list(proposal)
    for item in sections:
        item["url"] = section_url(proposal.reference, item["slug"])
    context = {
        "proposal": proposal,
        "sections": sections,
        "completed": sum(1 for s in sections if s["status"] == "completed"),
        "editable": can_edit(request.user, proposal),
        "versions": proposal.versions.select_related("meeting").order_by("-number"),
        "latest_screening": _latest_return(proposal),
        "decisions": proposal.decisions.select_related("meeting").prefetch_related(
            "conditions__owner"
        ),
        "questions": Question.objects.filter(item__proposal=proposal).select_related(
            "asked_by", "item__meeting"
        ),
        "answer_form": AnswerForm(),
        "placement": services.placement(timezone.localdate()),
    }
    return render(request, "proposals/detail.html", context)


OWN_VIEWS = {"budget", "attachments", "outcomes", "criteria", "co-leads"}


def section_url(reference, slug):
    if slug in OWN_VIEWS:
        return reverse(f"proposals:{slug.replace('-', '_')}", args=[reference])
    return reverse("proposals:section", args=[reference, slug])


def _latest_return(proposal):
    if proposal.status != Proposal.Status.RETURNED:
        return None
    return proposal.versions.order_by("-number").first().screenings.order_by("-screened_at").first()


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
        "placement": services.placement(timezone.localdate()),
        "budget_lines": proposal.budget_lines.all(),
        "targets": proposal.outcome_targets.select_related("outcome"),
        "answers": proposal.answers.select_related("criterion"),
        "attachments": proposal.attachments.filter(removed_at=None),
    }
    return render(request, "proposals/check.html", context, status=400 if errors else 200)


@login_required
def proposal_submitted(request, reference):
    proposal = visible_proposal(request, reference)
    version = proposal.versions.select_related("meeting").order_by("-number").first()
    if not is_lead(request.user, proposal) or version is None:
        raise Http404
    return render(request, "proposals/submitted.html", {"proposal": proposal, "version": version})


@login_required
@require_http_methods(["GET", "POST"])
def proposal_withdraw_view(request, reference):
    proposal = visible_proposal(request, reference)
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
    proposal = visible_proposal(request, reference)
    version = get_object_or_404(
        proposal.versions.select_related("meeting", "submitted_by"), number=number
    )
    previous = proposal.versions.filter(number=number - 1).first()
    context = {
        "proposal": proposal,
        "version": version,
        "snapshot": version.snapshot,
        "changes": compare_snapshots(previous.snapshot, version.snapshot) if previous else None,
        "previous": previous,
        "other_versions": proposal.versions.exclude(pk=version.pk).order_by("number"),
        "attachments": Attachment.objects.filter(pk__in=version.snapshot.get("attachment_ids", [])),
    }
    return render(request, "proposals/version.html", context)


@login_required
def attachment_download(request, reference, attachment_id):
    """Served through this view only: the file store has no public URL."""
    proposal = visible_proposal(request, reference)
    attachment = get_object_or_404(Attachment, pk=attachment_id, proposal=proposal)
    if not is_lead(request.user, proposal):
        # Others read submitted versions, so only files a version lists are theirs to open.
        submitted = (v.snapshot.get("attachment_ids", []) for v in proposal.versions.all())
        if not any(attachment.pk in ids for ids in submitted):
            raise Http404
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["POST"])
def question_answer_view(request, reference, question_id):
    proposal = visible_proposal(request, reference)
    question = get_object_or_404(Question, pk=question_id, item__proposal=proposal)
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            governance_services.question_answer(
                user=request.user, question=question, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(request, "Answer posted. The group can read it with the papers.")
    return redirect("proposals:detail", reference)


@login_required
def decision_letter(request, reference, decision_id):
    """The letter to the lead: the decision, the amount, conditions and reporting duties."""
    proposal = visible_proposal(request, reference)
    decision = get_object_or_404(
        proposal.decisions.select_related("meeting", "recorded_by").prefetch_related(
            "conditions__owner"
        ),
        pk=decision_id,
    )
    return render(
        request,
        "proposals/decision_letter.html",
        {"proposal": proposal, "decision": decision, "today": timezone.localdate()},
    )
