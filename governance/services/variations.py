"""The group's decision on a project variation beyond the programme team's delegation: an
agenda item like a proposal (papers, questions to the lead, declarations, a vote), decided
once its vote has closed, or deferred before one opens. Keyword-only, one transaction,
permission checked, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from governance.models import AgendaItem, Vote
from governance.services.guards import locked_meeting, require_runner
from governance.voting import result
from programme.models import Meeting, User
from projects.models import Variation
from projects.services import variation_follow_group

AGREED, REFUSED, DEFERRED = "agreed", "refused", "deferred"
OUTCOMES = [
    (AGREED, "Agree the variation"),
    (REFUSED, "Refuse the variation"),
]


@transaction.atomic
def variation_item_decide(
    *,
    user: User,
    item: AgendaItem,
    outcome: str,
    note: str = "",
    today: datetime.date | None = None,
) -> Variation:
    """Record the group's decision on a variation item: agreed when its vote carried,
    refused when it was lost (with the reasons, for the lead), or deferred to the next meeting
    before any vote opens (with the reason)."""
    meeting = locked_meeting(item.meeting)
    require_runner(user, meeting)
    variation = item.variation
    if variation is None:
        raise ValidationError("This item is not a variation.")
    if variation.status != Variation.Status.REFERRED:
        raise ValidationError(
            f"This variation is already {variation.get_status_display().lower()}."
        )
    vote = Vote.objects.select_for_update().filter(item=item).first()
    unvoted = vote is None or vote.state == Vote.State.CREATED
    if outcome == DEFERRED:
        if not unvoted:
            raise ValidationError("Once a vote has opened, the group decides the variation.")
        if not note.strip():
            raise ValidationError({"note": "Say why the variation is deferred"})
        later = (
            Meeting.objects.filter(date__gt=meeting.date, status=Meeting.Status.SCHEDULED)
            .order_by("date")
            .first()
        )
        if later is None:
            raise ValidationError("There is no later meeting to defer the variation to.")
        variation_follow_group(
            by=user, variation=variation, agreed=None, meeting=later, note=note, on=meeting.date
        )
    else:
        if outcome not in (AGREED, REFUSED):
            raise ValidationError({"outcome": "Choose whether the group agreed the variation"})
        if vote is None or vote.state != Vote.State.CLOSED:
            raise ValidationError("Record the decision once the vote on the item has closed.")
        carried = result(vote) == "carried"
        if carried != (outcome == AGREED):
            raise ValidationError(
                "The vote was carried, so the variation is agreed."
                if carried
                else "The vote was lost, so the variation cannot be agreed."
            )
        vote.state = Vote.State.PUBLISHED
        vote.save(update_fields=["state"])
        variation_follow_group(
            by=user,
            variation=variation,
            agreed=outcome == AGREED,
            meeting=meeting,
            note=note,
            on=today or meeting.date,
        )
    log(
        meeting,
        "governance.variation_decision",
        user=user,
        data={"item": item.title, "outcome": outcome, "note": note.strip()},
    )
    variation.refresh_from_db()
    return variation
