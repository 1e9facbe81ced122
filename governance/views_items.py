"""One agenda item: its papers, questions, declarations, vote and decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from governance import services
from governance.conduct import barred, item_voters, quorum, result, runs_meetings, tally
from governance.financial_years import fy_for_date
from governance.forms_meetings import (
    BallotForm,
    CloseVoteForm,
    CorrectionForm,
    DecisionForm,
    DeclarationForm,
    DispensationForm,
    QuestionForm,
    SecretaryBallotForm,
)
from governance.models import AgendaItem, Decision, Membership, Vote
from governance.selectors import fund_position
from governance.views_meeting_room import run
from governance.views_meetings import sees_meetings


def item_for(request, pk, item_pk):
    if not sees_meetings(request.user):
        raise PermissionDenied
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting", "proposal", "version"),
        pk=item_pk,
        meeting_id=pk,
    )


def back(item):
    return redirect("portal:item", item.meeting_id, item.pk)


@login_required
def item_detail(request, pk, item_pk):
    item = item_for(request, pk, item_pk)
    user = request.user
    vote = Vote.objects.filter(item=item).first()
    runs = runs_meetings(user, item.meeting)
    voters = item_voters(item) if item.is_decision_item else set()
    members = list(Membership.objects.current(item.meeting.date).voting().select_related("user"))
    ballots = {b.member_id: b for b in vote.ballots.all()} if vote else {}
    barred_ids = barred(item)
    decided = item.decisions.exists()
    pending = item.version.total_requested if item.version and not decided else 0
    context = {
        "item": item,
        "meeting": item.meeting,
        "vote": vote,
        "runs": runs,
        "questions": item.questions.select_related("asked_by", "answered_by"),
        "declarations": item.declarations.select_related("member"),
        "roll": [
            {
                "member": m.user,
                "barred": m.user_id in barred_ids,
                "present": m.user_id in voters or m.user_id in barred_ids,
                "voted": m.user_id in ballots,
                "choice": ballots[m.user_id].get_choice_display()
                if m.user_id in ballots and vote.state != Vote.State.OPEN
                else "",
            }
            for m in members
        ],
        "may_vote": vote is not None and vote.state == Vote.State.OPEN and user.pk in voters,
        "my_ballot": ballots.get(user.pk),
        "counts": tally(vote) if vote and vote.state != Vote.State.OPEN else None,
        "result": result(vote) if vote and vote.state in ("closed", "published") else "",
        "quorum": quorum(item.meeting, item),
        "fund": fund_position(fy_for_date(item.meeting.date), pending),
        "decisions": item.decisions.select_related("corrects")
        .prefetch_related("conditions__owner")
        .annotate(is_corrected=Exists(Decision.objects.filter(corrects=OuterRef("pk")))),
        "is_member": Membership.objects.current(item.meeting.date).filter(user=user).exists(),
        "declaration_form": DeclarationForm(),
        "dispensation_form": DispensationForm(),
        "question_form": QuestionForm(),
        "ballot_form": BallotForm(
            initial={"choice": ballots[user.pk].choice} if user.pk in ballots else None
        ),
        "secretary_form": SecretaryBallotForm(voters=voters, prefix="secretary") if runs else None,
        "close_form": CloseVoteForm(),
        "decision_form": DecisionForm(initial={"approved_amount": pending}),
        "correction_form": CorrectionForm(prefix="correct"),
    }
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
    vote = Vote.objects.filter(item=item).first()
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
    decision = get_object_or_404(item.decisions, pk=decision_pk)
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
