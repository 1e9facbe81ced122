"""One agenda item: its papers, questions, declarations, vote and decision."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from governance import services
from governance.forms import (
    BallotForm,
    CloseVoteForm,
    CorrectionForm,
    DecisionForm,
    DeclarationForm,
    DeferForm,
    DispensationForm,
    QuestionForm,
    SecretaryBallotForm,
    VariationDecisionForm,
)
from governance.models import Decision
from governance.selectors.room import decision_on_item, item_page, vote_on
from governance.services.variations import DEFERRED
from governance.views.base import attempt, found, item_for, run
from governance.voting import item_voters


def back(item):
    return redirect("governance:item", item.meeting_id, item.pk)


@login_required
def item_detail(request, pk, item_pk):
    return item_page_response(request, item_for(request, pk, item_pk))


def item_page_response(request, item, **bound):
    """The item's page; ``bound`` is a form that failed, shown with its errors and answers
    kept (and the GOV.UK error summary at the top) in place of the empty one."""
    context = item_page(item, request.user)
    ballot = context["my_ballot"]
    forms = {
        "declaration_form": DeclarationForm(),
        "dispensation_form": DispensationForm(),
        "question_form": QuestionForm(),
        "ballot_form": BallotForm(initial={"choice": ballot.choice} if ballot else None),
        "secretary_form": SecretaryBallotForm(voters=context["voters"], prefix="secretary")
        if context["runs"]
        else None,
        "close_form": CloseVoteForm(),
        "decision_form": DecisionForm(initial={"approved_amount": context["pending"]}),
        "defer_form": DeferForm(prefix="defer"),
        "correction_form": CorrectionForm(prefix="correct"),
        "variation_form": VariationDecisionForm(prefix="variation"),
    }
    forms.update(bound)
    context.update(forms)
    context["failed_form"] = next(iter(bound.values()), None)
    return render(request, "governance/item.html", context, status=400 if bound else 200)


@login_required
@require_POST
def declare(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = DeclarationForm(request.POST)
    if form.is_valid() and attempt(
        request,
        form,
        services.declaration_record,
        "Declaration recorded.",
        item=item,
        **form.cleaned_data,
    ):
        return back(item)
    return item_page_response(request, item, declaration_form=form)


@login_required
@require_POST
def ask(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = QuestionForm(request.POST)
    if form.is_valid() and attempt(
        request,
        form,
        services.question_ask,
        "Question posted. The lead has been asked to answer.",
        item=item,
        text=form.cleaned_data["text"],
    ):
        return back(item)
    return item_page_response(request, item, question_form=form)


@login_required
@require_POST
def vote_action(request, pk, item_pk, action):
    item = item_for(request, pk, item_pk)
    vote = vote_on(item)
    if action == "open":
        run(request, services.vote_open, "The vote is open.", item=item)
        return back(item)
    if vote is None or action not in ("cast", "enter", "close"):
        raise PermissionDenied
    if action == "cast":
        name, form = "ballot_form", BallotForm(request.POST)
        done = form.is_valid() and _cast(request, form, vote)
    elif action == "enter":
        name = "secretary_form"
        form = SecretaryBallotForm(request.POST, voters=item_voters(item), prefix="secretary")
        done = form.is_valid() and _cast(
            request,
            form,
            vote,
            member=form.cleaned_data["member"],
            replace_own=form.cleaned_data["replace_own"],
        )
    else:
        name, form = "close_form", CloseVoteForm(request.POST)
        done = form.is_valid() and attempt(
            request,
            form,
            services.vote_close,
            "The vote is closed.",
            vote=vote,
            casting_vote=form.cleaned_data["casting_vote"],
        )
    return back(item) if done else item_page_response(request, item, **{name: form})


def _cast(request, form, vote, member=None, replace_own=False):
    return attempt(
        request,
        form,
        services.vote_cast,
        "Vote recorded. You can change it until the vote closes.",
        vote=vote,
        choice=form.cleaned_data["choice"],
        member=member,
        replace_own=replace_own,
    )


@login_required
@require_POST
def decide(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if attempt(
            request,
            form,
            services.decision_record,
            "Decision recorded; the lead has been told.",
            item=item,
            outcome=data["outcome"],
            approved_amount=data["approved_amount"],
            reasons=data["reasons"],
            conditions=form.conditions(),
            override_reason=data["override_reason"],
        ):
            return back(item)
    return item_page_response(request, item, decision_form=form)


@login_required
@require_POST
def defer(request, pk, item_pk):
    """Defer an item to the next meeting without a vote: not reached, or not quorate."""
    item = item_for(request, pk, item_pk)
    form = DeferForm(request.POST, prefix="defer")
    if item.variation_id is not None:
        if form.is_valid() and attempt(
            request,
            form,
            services.variation_item_decide,
            "Deferred to the next meeting.",
            item=item,
            outcome=DEFERRED,
            note=form.cleaned_data["reasons"],
        ):
            return back(item)
        return item_page_response(request, item, defer_form=form)
    if form.is_valid() and attempt(
        request,
        form,
        services.decision_record,
        "Deferred to the next meeting.",
        item=item,
        outcome=Decision.Outcome.DEFERRED,
        reasons=form.cleaned_data["reasons"],
    ):
        return back(item)
    return item_page_response(request, item, defer_form=form)


@login_required
@require_POST
def decide_variation(request, pk, item_pk):
    """The group's decision on a variation beyond the team's delegation, once its vote closed."""
    item = item_for(request, pk, item_pk)
    form = VariationDecisionForm(request.POST, prefix="variation")
    if form.is_valid() and attempt(
        request,
        form,
        services.variation_item_decide,
        "Decision on the variation recorded.",
        item=item,
        outcome=form.cleaned_data["outcome"],
        note=form.cleaned_data["note"],
    ):
        return back(item)
    return item_page_response(request, item, variation_form=form)


@login_required
@require_POST
def correct(request, pk, item_pk, decision_pk):
    """A correction is a new decision naming the old one; the old one stays on the record."""
    item = item_for(request, pk, item_pk)
    decision = found(decision_on_item(item, decision_pk))
    form = CorrectionForm(request.POST, prefix="correct")
    if form.is_valid() and attempt(
        request,
        form,
        services.decision_correct,
        "Correction recorded; the original stays on the record.",
        decision=decision,
        outcome=form.cleaned_data["outcome"],
        approved_amount=form.cleaned_data["approved_amount"],
        reasons=form.cleaned_data["reasons"],
        override_reason=form.cleaned_data["override_reason"],
        conditions=form.conditions(),
    ):
        return back(item)
    return item_page_response(request, item, correction_form=form)
