from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.models import AgendaItem, Ballot, Vote
from governance.permissions import runs_meetings
from governance.selectors.room import variation_before
from governance.services.guards import locked_meeting, require_runner
from governance.voting import barred, holds_vote, quorum_problem, result, tally
from programme.models import Meeting, User


@transaction.atomic
def vote_open(*, user: User, item: AgendaItem) -> Vote:
    meeting = locked_meeting(item.meeting)
    require_runner(user, meeting)
    if meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Votes open only while the meeting is in session.")
    if not item.is_decision_item:
        raise ValidationError("This item is not for decision.")
    if item.variation is not None and not variation_before(item.variation, meeting):
        raise ValidationError("This variation is no longer for this meeting to decide.")
    vote, _ = Vote.objects.select_for_update().get_or_create(item=item)
    if vote.state != Vote.State.CREATED:
        raise ValidationError(f"The vote is already {vote.get_state_display().lower()}.")
    problem = quorum_problem(meeting, item)
    if problem:
        raise ValidationError(problem)
    vote.state = Vote.State.OPEN
    vote.opened_at = timezone.now()
    vote.opened_by = user
    vote.save(update_fields=["state", "opened_at", "opened_by"])
    log(item.meeting, "governance.vote_open", user=user, data={"item": item.title})
    return vote


@transaction.atomic
def vote_cast(
    *,
    user: User,
    vote: Vote,
    choice: str,
    member: User | None = None,
    replace_own: bool = False,
) -> Ballot:
    """One vote each: a second vote replaces the first until the vote closes. The secretary
    entering a vote for a member who has voted themselves must say so (``replace_own``), and
    the audit trail keeps both. The vote row is locked, so parallel votes queue; the unique
    constraint is the last guard."""
    voter = member or user
    item = vote.item
    if voter != user and not runs_meetings(user, item.meeting):
        raise PermissionDenied("Only the secretary can enter a vote for someone else.")
    if choice not in Ballot.Choice.values:
        raise ValidationError({"choice": "Choose for, against or abstain"})
    if voter.pk in barred(item):
        raise PermissionDenied(
            "A prejudicial interest has been declared, so this member cannot vote on the item."
        )
    if not holds_vote(voter.pk, item):
        raise PermissionDenied("Only voting members recorded as present can vote on this item.")
    # Only now is the vote locked, so parallel votes queue for as short a time as possible.
    vote = Vote.objects.select_for_update().select_related("item__meeting").get(pk=vote.pk)
    if vote.state != Vote.State.OPEN:
        raise ValidationError("This vote is not open.")
    own = Ballot.objects.filter(vote=vote, member=voter, entered_by=voter).first()
    if voter != user and own is not None and not replace_own:
        raise ValidationError(
            f"{voter} has voted themselves ({own.get_choice_display().lower()}). Tick "
            "'Replace the vote they cast themselves' to enter this one instead."
        )
    ballot, created = Ballot.objects.update_or_create(
        vote=vote, member=voter, defaults={"choice": choice, "entered_by": user}
    )
    data = {"item": vote.item.title, "member": str(voter), "changed": not created}
    if own is not None and voter != user:
        data["replaced_own_vote"] = own.choice
    log(vote.item.meeting, "governance.vote_cast", user=user, data=data)
    return ballot


@transaction.atomic
def vote_close(*, user: User, vote: Vote, casting_vote: str = "") -> Vote:
    """Close the vote. On a tie the chair's casting vote decides, and is required."""
    vote = Vote.objects.select_for_update().select_related("item__meeting").get(pk=vote.pk)
    require_runner(user, vote.item.meeting)
    if vote.state != Vote.State.OPEN:
        raise ValidationError("Only an open vote can be closed.")
    counts = tally(vote)
    tied = counts["for"] == counts["against"]
    if casting_vote and not tied:
        raise ValidationError("A casting vote is given only on a tie.")
    if tied and casting_vote not in Vote.Casting.values:
        raise ValidationError("The vote is tied: the chair must give a casting vote.")
    vote.casting_vote = casting_vote if tied else ""
    vote.state = Vote.State.CLOSED
    vote.closed_at = timezone.now()
    vote.save(update_fields=["state", "closed_at", "casting_vote"])
    log(
        vote.item.meeting,
        "governance.vote_close",
        user=user,
        data={
            "item": vote.item.title,
            **counts,
            "casting_vote": vote.casting_vote,
            "result": result(vote, counts),
        },
    )
    return vote
