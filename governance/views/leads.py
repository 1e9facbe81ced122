"""What a proposal's leads do with the group's business: answer its questions and read their
decision letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from governance import documents, services
from governance.forms import AnswerForm
from governance.selectors.proposals import decision_for_letter, question_with_proposal
from proposals.permissions import can_view


@login_required
@require_http_methods(["GET", "POST"])
def question_answer(request, question_id):
    """The lead answers the group's question: from the form on the proposal's page, or on this
    page, which shows the question again with the GOV.UK error summary when the answer is
    refused."""
    question = question_with_proposal(question_id)
    proposal = question.item.proposal if question else None
    if proposal is None or not can_view(request.user, proposal):
        raise Http404
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_answer(
                user=request.user, question=question, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, "Answer posted. The group can read it with the papers.")
            return redirect("proposals:detail", proposal.reference)
    return render(
        request,
        "governance/answer.html",
        {"question": question, "proposal": proposal, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def decision_letter(request, decision_id):
    """The letter to the lead: the decision, the amount, conditions and reporting duties."""
    decision = decision_for_letter(decision_id)
    if decision is None or not can_view(request.user, decision.proposal):
        raise Http404
    return render(
        request,
        "governance/decision_letter.html",
        {"proposal": decision.proposal, "decision": decision, "today": timezone.localdate()},
    )


@login_required
def decision_letter_pdf(request, decision_id):
    """The same letter as a PDF file, to keep or send on."""
    decision = decision_for_letter(decision_id)
    if decision is None or not can_view(request.user, decision.proposal):
        raise Http404
    response = HttpResponse(
        documents.decision_letter_pdf(decision, timezone.localdate()),
        content_type="application/pdf",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="decision-{decision.proposal.reference}.pdf"'
    )
    return response
