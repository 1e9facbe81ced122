"""One agenda item: its papers, questions, declarations, vote and decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from governance import services
from governance.forms import (
    BallotForm,
    CloseVoteForm,
    CorrectionForm,
    DecisionForm,
    DeclarationForm,
    DispensationForm,
    QuestionForm,
    SecretaryBallotForm,
)
from governance.selectors.room import decision_on_item, item_page, vote_on
from governance.views.base import found, item_for, run
from governance.voting import item_voters


def back(item):
    return redirect("governance:item", item.meeting_id, item.pk)


@login_required
def item_detail(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    context = item_page(item, request.user)
    ballot = context["my_ballot"]
    context.update(
        {
            "declaration_form": DeclarationForm(),
            "dispensation_form": DispensationForm(),
            "question_form": QuestionForm(),
            "ballot_form": BallotForm(initial={"choice": ballot.choice} if ballot else None),
            "secretary_form": SecretaryBallotForm(voters=context["voters"], prefix="secretary")
            if context["runs"]
            else None,
            "close_form": CloseVoteForm(),
            "decision_form": DecisionForm(initial={"approved_amount": context["pending"]}),
            "correction_form": CorrectionForm(prefix="correct"),
        }
    )
    return render(request, "governance/item.html", context)


@login_required
@require_POST
def declare(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = DeclarationForm(request.POST)
    if form.is_valid():
        run(
            request,
            services.declaration_record,
            "Declaration recorded.",
            item=item,
            **form.cleaned_data,
        )
    else:
        messages.error(request, "Describe your interest.")
    return back(item)


@login_required
@require_POST
def ask(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        run(
            request,
            services.question_ask,
            "Question posted. The lead has been asked to answer.",
            item=item,
            text=form.cleaned_data["text"],
        )
    return back(item)


@login_required
@require_POST
def vote_action(request, pk, item_pk, action):
    item = item_for(request, pk, item_pk)
    vote = vote_on(item)
    if action == "open":
        run(request, services.vote_open, "The vote is open.", item=item)
    elif vote is None:
        raise PermissionDenied
    elif action == "cast":
        form = BallotForm(request.POST)
        if form.is_valid():
            _cast(request, vote, form.cleaned_data["choice"])
        else:
            messages.error(request, "Choose for, against or abstain.")
    elif action == "enter":
        form = SecretaryBallotForm(request.POST, voters=item_voters(item), prefix="secretary")
        if form.is_valid():
            _cast(request, vote, form.cleaned_data["choice"], member=form.cleaned_data["member"])
    elif action == "close":
        form = CloseVoteForm(request.POST)
        if form.is_valid():
            run(
                request,
                services.vote_close,
                "The vote is closed.",
                vote=vote,
                casting_vote=form.cleaned_data["casting_vote"],
            )
    else:
        raise PermissionDenied
    return back(item)


def _cast(request, vote, choice, member=None):
    run(
        request,
        services.vote_cast,
        "Vote recorded. You can change it until the vote closes.",
        vote=vote,
        choice=choice,
        member=member,
    )


@login_required
@require_POST
def decide(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "Check the decision: "
            + "; ".join(
                f"{form.fields[name].label or name}: {errors[0]}"
                for name, errors in form.errors.items()
            ),
        )
        return back(item)
    try:
        conditions = form.conditions()
    except ValidationError:
        messages.error(request, "Each condition needs an owner, a due date and a review date.")
        return back(item)
    data = form.cleaned_data
    run(
        request,
        services.decision_record,
        "Decision recorded; the lead has been told.",
        item=item,
        outcome=data["outcome"],
        approved_amount=data["approved_amount"],
        reasons=data["reasons"],
        conditions=conditions,
        override_reason=data["override_reason"],
    )
    return back(item)


@login_required
@require_POST
def correct(request, pk, item_pk, decision_pk):
    """A correction is a new decision naming the old one; the old one stays on the record."""
    item = item_for(request, pk, item_pk)
    decision = found(decision_on_item(item, decision_pk))
    form = CorrectionForm(request.POST, prefix="correct")
    if form.is_valid():
        run(
            request,
            services.decision_correct,
            "Correction recorded; the original stays on the record.",
            decision=decision,
            **form.cleaned_data,
        )
    else:
        messages.error(request, "Say what is corrected and why.")
    return back(item)
