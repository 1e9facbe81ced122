"""What a proposal's leads see of the group's business: its decisions and letters, and the
questions the group asked on its papers."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from governance.models import Decision, Question
from programme.models import User
from proposals.models import Proposal


def decisions_on(proposal: Proposal) -> QuerySet[Decision]:
    """Every decision on a proposal, with its meeting and conditions, for its leads."""
    return proposal.decisions.select_related("meeting").prefetch_related("conditions__owner")


def questions_on(proposal: Proposal) -> QuerySet[Question]:
    """The group's questions on a proposal's papers, for its leads to answer."""
    return Question.objects.filter(item__proposal=proposal).select_related(
        "asked_by", "item__meeting"
    )


def questions_to_answer(user: User) -> QuerySet[Question]:
    """Questions the group asked on the papers of proposals this person leads or co-leads,
    not yet answered, oldest first: on the lead's home page until answered."""
    co_led = Proposal.co_leads.through.objects.filter(
        proposal=OuterRef("item__proposal"), user=user
    )
    return (
        Question.objects.filter(answer="")
        .filter(Q(item__proposal__lead=user) | Exists(co_led))
        .select_related("item__proposal", "item__meeting", "asked_by")
        .order_by("asked_at")
    )


def decision_for_letter(decision_pk: int) -> Decision | None:
    return (
        Decision.objects.select_related("proposal", "meeting", "recorded_by")
        .prefetch_related("conditions__owner")
        .filter(pk=decision_pk)
        .first()
    )


def question_with_proposal(question_pk: int) -> Question | None:
    return (
        Question.objects.select_related("item__proposal", "item__meeting", "asked_by")
        .filter(pk=question_pk)
        .first()
    )
