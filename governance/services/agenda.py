from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from governance.conduct import runs_meetings
from governance.financial_years import fy_for_date
from governance.models import (
    AgendaItem,
    Attendance,
    Decision,
    Declaration,
    Meeting,
    Membership,
    PapersPack,
    Question,
)
from governance.roles import GROUP_MEMBERS, PROGRAMME_TEAM
from governance.selectors import conditions_due, fund_position
from governance.services.meetings import locked_meeting, require_runner

Section = AgendaItem.Section
STANDING = [
    (Section.APOLOGIES, "Apologies for absence"),
    (Section.MINUTES, "Minutes of the last meeting"),
    (Section.DECLARATIONS, "Declarations of interest"),
    (Section.ACTIONS, "Action and conditions log"),
    (Section.CHAIRS_ACTIONS, "Chair's actions for noting"),
]


def _require_open_agenda(meeting):
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError("The agenda has been published and can no longer be changed.")


def _next_position(meeting, section):
    top = meeting.agenda.filter(section=section).aggregate(top=Max("position"))["top"]
    return (top or 0) + 1


@transaction.atomic
def agenda_build(*, user, meeting):
    """Standing items, every eligible proposal placed for the meeting (deferred ones come back
    this way), and chair's actions taken since the last meeting, for noting."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    _require_open_agenda(meeting)
    for section, title in STANDING:
        AgendaItem.objects.get_or_create(
            meeting=meeting, section=section, proposal=None, defaults={"title": title}
        )
    for proposal in meeting.proposals.filter(status="eligible").order_by("submitted_at", "pk"):
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
    previous = Meeting.objects.filter(date__lt=meeting.date).order_by("-date").first()
    actions = Decision.objects.filter(is_chairs_action=True, decided_on__lt=meeting.date)
    if previous:
        actions = actions.filter(decided_on__gte=previous.date)
    for decision in actions.select_related("proposal"):
        title = (
            f"Chair's action {decision.decided_on:%-d %B %Y}: {decision.proposal.reference} "
            f"{decision.get_outcome_display().lower()}"
        )
        AgendaItem.objects.get_or_create(
            meeting=meeting,
            section=Section.CHAIRS_ACTIONS,
            title=title,
            defaults={"position": _next_position(meeting, Section.CHAIRS_ACTIONS)},
        )
    log(meeting, "governance.agenda_build", user=user)
    return list(meeting.agenda.all())


@transaction.atomic
def agenda_move(*, user, item, up):
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
def agenda_add_urgent(*, user, meeting, proposal, reason):
    """A late item goes in only as urgent business, with the chair's stated reason."""
    meeting = locked_meeting(meeting)
    require_runner(user, meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Give the chair's reason why this cannot wait"})
    if meeting.status not in (Meeting.Status.AGENDA_PUBLISHED, Meeting.Status.IN_SESSION):
        raise ValidationError("Urgent business is added to a published agenda.")
    if proposal.status != "eligible":
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
    proposal.meeting = meeting
    proposal.save(update_fields=["meeting", "updated_at"])
    flag_conflicts(item)
    log(meeting, "governance.agenda_urgent", user=user, data={"item": item.title, "reason": reason})
    return item


def flag_conflicts(item):
    """The proposal's leads, and members who represent the proposing organisation, are
    flagged with a prejudicial interest; a recorded dispensation can lift the bar."""
    proposal = item.proposal
    leads = {proposal.lead_id, *proposal.co_leads.values_list("pk", flat=True)}
    for membership in Membership.objects.current(item.meeting.date).select_related("organisation"):
        if membership.user_id in leads:
            nature = "Leads this proposal."
        elif membership.organisation_id == proposal.lead_organisation_id:
            nature = f"Represents {membership.organisation}, the proposing organisation."
        else:
            continue
        Declaration.objects.get_or_create(
            item=item,
            member_id=membership.user_id,
            defaults={"nature": nature, "prejudicial": True, "automatic": True},
        )


def _pack(meeting):
    items = list(meeting.agenda.select_related("version", "proposal"))
    proposals = []
    for item in items:
        if not item.is_decision_item:
            continue
        screening = item.version.screenings.order_by("-screened_at").first()
        proposals.append(
            {
                "item": item.pk,
                "reference": item.proposal.reference,
                "title": item.version.snapshot["title"],
                "version": item.version.number,
                "total_requested": str(item.version.total_requested),
                "screening": {
                    "recommendation": screening.get_recommendation_display() if screening else "",
                    "results": [
                        [r.criterion.title, r.get_result_display(), r.note]
                        for r in screening.results.select_related("criterion")
                    ]
                    if screening
                    else [],
                },
            }
        )
    pending = sum((item.version.total_requested for item in items if item.is_decision_item), 0)
    position = fund_position(fy_for_date(meeting.date), pending)
    conditions = conditions_due(meeting)
    return {
        "agenda": [
            {"item": item.pk, "section": item.get_section_display(), "title": item.title}
            for item in items
        ],
        "proposals": proposals,
        "fund_position": {key: str(value) for key, value in position.items()},
        "conditions_due": [
            {
                "condition": c.text,
                "proposal": c.decision.proposal.reference,
                "owner": str(c.owner),
                "due": c.due_date.isoformat(),
            }
            for c in conditions
        ],
    }


@transaction.atomic
def agenda_publish(*, user, meeting):
    """Freeze the papers and send them to the group."""
    agenda_build(user=user, meeting=meeting)
    meeting = locked_meeting(meeting)
    for item in meeting.agenda.filter(proposal__isnull=False):
        flag_conflicts(item)
    pack = PapersPack.objects.create(meeting=meeting, published_by=user, content=_pack(meeting))
    meeting.status = Meeting.Status.AGENDA_PUBLISHED
    meeting.save(update_fields=["status"])
    log(meeting, "governance.agenda_publish", user=user)
    link = settings.WAGTAILADMIN_BASE_URL + reverse("portal:meeting", args=[meeting.pk])
    subject = f"Papers for the strategic group meeting on {meeting.date:%-d %B %Y}"
    body = (
        f"The agenda and papers for the meeting on {meeting.date:%-d %B %Y} are ready.\n\n"
        f"Read them, ask questions and declare interests here: {link}\n"
    )
    recipients = list(
        Membership.objects.current(meeting.date).values_list("user__email", flat=True)
    )
    transaction.on_commit(
        lambda: send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
        )
    )
    return pack


@transaction.atomic
def attendance_record(*, user, meeting, person, capacity, present=True, substitute_for=None):
    meeting = Meeting.objects.get(pk=meeting.pk)
    require_runner(user, meeting)
    if meeting.status in (Meeting.Status.CLOSED, Meeting.Status.MINUTES_APPROVED):
        raise ValidationError("Attendance is fixed once the meeting has closed.")
    record, _ = Attendance.objects.update_or_create(
        meeting=meeting,
        person=person,
        defaults={"capacity": capacity, "present": present, "substitute_for": substitute_for},
    )
    record.full_clean()
    log(
        meeting,
        "governance.attendance",
        user=user,
        data={"person": str(person), "present": present, "capacity": capacity},
    )
    return record


def _vote_not_started(item):
    vote = getattr(item, "vote", None)
    if vote is not None and vote.state != vote.State.CREATED:
        raise ValidationError("Declare an interest before the vote on the item opens.")


@transaction.atomic
def declaration_record(*, user, item, nature, prejudicial, member=None):
    """A member declares their own interest; the chair or secretary may record one for them."""
    member = member or user
    if member != user and not runs_meetings(user, item.meeting):
        raise PermissionDenied("You can only declare your own interests.")
    if not Membership.objects.current(item.meeting.date).filter(user=member).exists():
        raise PermissionDenied("Only members of the group declare interests.")
    _vote_not_started(item)
    declaration, _ = Declaration.objects.update_or_create(
        item=item,
        member=member,
        defaults={"nature": nature, "prejudicial": prejudicial, "automatic": False},
    )
    log(
        item.meeting,
        "governance.declaration",
        user=user,
        data={"item": item.title, "member": str(member), "prejudicial": prejudicial},
    )
    return declaration


@transaction.atomic
def dispensation_grant(*, user, declaration, reason):
    require_runner(user, declaration.item.meeting)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the bar is lifted"})
    _vote_not_started(declaration.item)
    declaration.dispensation = reason
    declaration.dispensation_by = user
    declaration.save(update_fields=["dispensation", "dispensation_by"])
    log(
        declaration.item.meeting,
        "governance.dispensation",
        user=user,
        data={"item": declaration.item.title, "member": str(declaration.member), "reason": reason},
    )
    return declaration


def _reads_papers(user):
    return user.groups.filter(name__in=[GROUP_MEMBERS, PROGRAMME_TEAM]).exists()


@transaction.atomic
def question_ask(*, user, item, text):
    if not _reads_papers(user):
        raise PermissionDenied("Only the group and the programme team ask questions on papers.")
    if Meeting.objects.get(pk=item.meeting_id).status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError("Questions are asked between the papers going out and the meeting.")
    if not text.strip():
        raise ValidationError({"text": "Enter your question"})
    question = Question.objects.create(item=item, asked_by=user, text=text)
    log(item.meeting, "governance.question", user=user, data={"item": item.title})
    return question


@transaction.atomic
def question_answer(*, user, question, answer):
    proposal = question.item.proposal
    leads = (
        {proposal.lead_id, *proposal.co_leads.values_list("pk", flat=True)} if proposal else set()
    )
    if user.pk not in leads and not user.has_perm("governance.change_meeting"):
        raise PermissionDenied("Only the proposal's leads or the programme team answer questions.")
    if not answer.strip():
        raise ValidationError({"answer": "Enter your answer"})
    question.answer = answer
    question.answered_by = user
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    log(question.item.meeting, "governance.answer", user=user, data={"item": question.item.title})
    return question
