"""The minutes: opened as a draft when a meeting ends, read from its record, amended by the
secretary (each item's discussion, other business) until a later meeting approves them; then
locked, with what they said kept as it was. Keyword-only, one transaction, permission
checked, audited."""

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from governance.models import Minutes
from governance.selectors.minutes import minutes_html
from governance.services.guards import require_runner
from programme.models import Meeting, User

LONGEST_NOTE = 10_000


@transaction.atomic
def minutes_draft(*, user: User | None, meeting: Meeting) -> Minutes:
    """Open the draft minutes of a meeting that has ended."""
    require_runner(user, meeting)
    minutes, created = Minutes.objects.get_or_create(meeting=meeting)
    if created:
        log(meeting, "governance.minutes_draft", user=user)
    return minutes


def _note(text: str, field: str, label: str) -> str:
    text = text.strip()
    if len(text) > LONGEST_NOTE:
        raise ValidationError({field: f"{label} must be {LONGEST_NOTE:,} characters or fewer"})
    return text


@transaction.atomic
def minutes_amend(
    *, user: User, minutes: Minutes, discussions: Mapping[int, str], other_business: str
) -> Minutes:
    """The secretary's words in the draft: what was discussed on each item (by agenda item
    id) and any other business. Refused once the minutes are approved."""
    require_runner(user, minutes.meeting)
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes.pk)
    if minutes.locked:
        raise ValidationError("These minutes are approved and locked.")
    items = {item.pk: item for item in minutes.meeting.agenda.all()}
    unknown = set(discussions) - set(items)
    if unknown:
        raise ValidationError("A discussion note names an item that is not on this agenda.")
    changed = []
    for pk, text in discussions.items():
        item = items[pk]
        text = _note(text, f"discussion_{pk}", f"The note on {item.title}")
        if text != item.discussion:
            item.discussion = text
            item.save(update_fields=["discussion"])
            changed.append(item.title)
    other_business = _note(other_business, "other_business", "Other business")
    if other_business != minutes.other_business:
        minutes.other_business = other_business
        changed.append("Other business")
    minutes.save(update_fields=["other_business", "drafted_at"])
    if changed:
        log(minutes.meeting, "governance.minutes_amend", user=user, data={"changed": changed})
    return minutes


@transaction.atomic
def minutes_approve(*, user: User, minutes: Minutes, at_meeting: Meeting) -> Minutes:
    """Minutes are approved at a later meeting, and locked: the record as it reads now is kept
    for the group, and without the votes by name for the public site."""
    at_meeting = Meeting.objects.get(pk=at_meeting.pk)
    require_runner(user, at_meeting)
    minutes = Minutes.objects.select_for_update().get(pk=minutes.pk)
    if minutes.locked:
        raise ValidationError("These minutes are already approved.")
    if at_meeting.date <= minutes.meeting.date or at_meeting.status != Meeting.Status.IN_SESSION:
        raise ValidationError("Minutes are approved at a later meeting, while it is in session.")
    minutes.approved_at_meeting = at_meeting
    minutes.approved_on = at_meeting.date
    minutes.approved_record = minutes_html(minutes.meeting)
    minutes.public_record = minutes_html(minutes.meeting, public=True)
    minutes.save(
        update_fields=["approved_at_meeting", "approved_on", "approved_record", "public_record"]
    )
    meeting = minutes.meeting
    meeting.status = Meeting.Status.MINUTES_APPROVED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.minutes_approve", user=user, data={"at": at_meeting.date.isoformat()})
    return minutes
