"""A meeting's agenda: built from the proposals placed for it, reordered, added to with urgent
business and published with its papers. Keyword-only, one transaction, permission checked,
audited."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from wagtail.log_actions import log

from governance.models import AgendaItem, Decision, PapersPack
from governance.notifications import send_papers
from governance.selectors.papers import papers_content
from governance.services.attendance import flag_conflicts
from governance.services.guards import locked_meeting, require_runner
from programme.models import Meeting, User
from projects.selectors.variations import referred_for
from projects.services import variation_follow_group
from proposals.models import Proposal
from proposals.services import proposal_place

Section = AgendaItem.Section
STANDING = [
    (Section.APOLOGIES, "Apologies for absence"),
    (Section.MINUTES, "Minutes of the last meeting"),
    (Section.DECLARATIONS, "Declarations of interest"),
    (Section.ACTIONS, "Action and conditions log"),
    (Section.CHAIRS_ACTIONS, "Chair's actions for noting"),
]


def _require_open_agenda(meeting: Meeting) -> None:
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError("The agenda has been published and can no longer be changed.")


def _next_position(meeting: Meeting, section: int) -> int:
    top = meeting.agenda.filter(section=section).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


def note_chairs_action(meeting: Meeting, decision: Decision, addendum: bool = False) -> None:
    """A chair's action on a meeting's agenda, for noting (an addendum once its papers are out)."""
    title = (
        f"{'Addendum: ' if addendum else ''}Chair's action {decision.decided_on:%-d %B %Y}: "
        f"{decision.proposal.reference} {decision.get_outcome_display().lower()}"
    )
    AgendaItem.objects.get_or_create(
        meeting=meeting,
        section=Section.CHAIRS_ACTIONS,
        title=title,
        defaults={"position": _next_position(meeting, Section.CHAIRS_ACTIONS)},
    )


@transaction.atomic
def agenda_build(*, user: User | None, meeting: Meeting) -> list[AgendaItem]:
    """Standing items, every eligible proposal placed for the meeting (deferred ones come back
    this way), every project variation referred to the group and not yet decided, and chair's
    actions taken since the last meeting, for noting."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    _require_open_agenda(meeting)
    for section, title in STANDING:
        AgendaItem.objects.get_or_create(
            meeting=meeting, section=section, proposal=None, defaults={"title": title}
        )
    placed = meeting.proposals.filter(status=Proposal.Status.ELIGIBLE)
    for proposal in placed.order_by("submitted_at", "pk"):
        if meeting.agenda.filter(proposal=proposal).exists():
            continue
        earlier = proposal.agenda_items.exclude(meeting=meeting).order_by("-meeting__date").first()
        AgendaItem.objects.create(
            meeting=meeting,
            section=Section.PROPOSALS,
            position=_next_position(meeting, Section.PROPOSALS),
            title=f"{proposal.reference} {proposal.title}",
            proposal=proposal,
            version=proposal.versions.order_by("-number").first(),
            carried_from=earlier,
        )
    for variation in referred_for(meeting):
        if variation.meeting_id != meeting.pk:
            variation_follow_group(by=user, variation=variation, agreed=None, meeting=meeting)
        if meeting.agenda.filter(variation=variation).exists():
            continue
        project = variation.project
        kinds = ", ".join(variation.kinds).lower()
        AgendaItem.objects.create(
            meeting=meeting,
            section=Section.VARIATIONS,
            position=_next_position(meeting, Section.VARIATIONS),
            title=f"{project.reference} {project.title}: variation ({kinds})",
            proposal=project.proposal,
            variation=variation,
            carried_from=variation.agenda_items.exclude(meeting=meeting)
            .order_by("-meeting__date")
            .first(),
        )
    previous = Meeting.objects.filter(date__lt=meeting.date).order_by("-date").first()
    actions = Decision.objects.filter(is_chairs_action=True, decided_on__lt=meeting.date)
    if previous:
        actions = actions.filter(decided_on__gte=previous.date)
    for decision in actions.select_related("proposal"):
        note_chairs_action(meeting, decision)
    log(meeting, "governance.agenda_build", user=user)
    return list(meeting.agenda.all())


@transaction.atomic
def agenda_move(*, user: User, item: AgendaItem, up: bool) -> None:
    """Move a proposal up or down the order in which the group takes them."""
    meeting = locked_meeting(item.meeting)
    require_runner(user, meeting)
    _require_open_agenda(meeting)
    items = list(meeting.agenda.filter(section=item.section).order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    swap = index - 1 if up else index + 1
    if 0 <= swap < len(items):
        items[index], items[swap] = items[swap], items[index]
    for position, other in enumerate(items, start=1):
        AgendaItem.objects.filter(pk=other.pk).update(position=position)


@transaction.atomic
def agenda_add_urgent(
    *, user: User, meeting: Meeting, proposal: Proposal, reason: str
) -> AgendaItem:
    """A late item goes in only as urgent business, with the chair's stated reason."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Give the chair's reason why this cannot wait"})
    if meeting.status not in (Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.IN_SESSION):
        raise ValidationError("Urgent business is added to a published agenda.")
    if proposal.status != Proposal.Status.ELIGIBLE:
        raise ValidationError("Only a proposal screened as eligible can be decided.")
    item = AgendaItem.objects.create(
        meeting=meeting,
        section=Section.URGENT,
        title=f"{proposal.reference} {proposal.title}",
        proposal=proposal,
        version=proposal.versions.order_by("-number").first(),
        urgent_reason=reason,
        position=_next_position(meeting, Section.URGENT),
    )
    proposal_place(proposal=proposal, meeting=meeting)
    flag_conflicts(item)
    log(meeting, "governance.agenda_urgent", user=user, data={"item": item.title, "reason": reason})
    return item


@transaction.atomic
def agenda_publish(*, user: User, meeting: Meeting) -> PapersPack:
    """Freeze the papers and send them to the group."""
    agenda_build(user=user, meeting=meeting)
    meeting = locked_meeting(meeting)
    for item in meeting.agenda.filter(proposal__isnull=False):
        flag_conflicts(item)
    pack = PapersPack.objects.create(
        meeting=meeting, published_by=user, content=papers_content(meeting)
    )
    meeting.status = Meeting.Status.AGENDA_PUBLISHED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.agenda_publish", user=user)
    send_papers(meeting)
    return pack
