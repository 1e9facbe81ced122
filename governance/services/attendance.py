"""Who is at a meeting and who may take part in each item: attendance, declarations of
interest and dispensations. Keyword-only, one transaction, permission checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.log_actions import log

from governance.models import AgendaItem, Attendance, Declaration
from governance.permissions import runs_meetings
from governance.services.guards import require_runner
from governance.voting import conflicts
from programme.models import Meeting, Membership, User
from programme.selectors import voting_memberships


def flag_conflicts(item: AgendaItem) -> None:
    """Members with a conflict on the proposal (``governance.voting.conflicts``) are flagged
    with a prejudicial interest; a recorded dispensation can lift the bar."""
    if item.proposal is None:
        return
    for member_id, nature in conflicts(item.proposal, item.meeting.date).items():
        Declaration.objects.get_or_create(
            item=item,
            member_id=member_id,
            defaults={"nature": nature, "prejudicial": True, "automatic": True},
        )


@transaction.atomic
def attendance_record(
    *,
    user: User,
    meeting: Meeting,
    person: User,
    capacity: str,
    present: bool = True,
    substitute_for: User | None = None,
) -> Attendance:
    meeting = _open_for_attendance(user, meeting)
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


@transaction.atomic
def attendance_all_present(*, user: User, meeting: Meeting) -> int:
    """Record every voting member not yet recorded as present (apologies already recorded
    stay); returns how many were recorded."""
    meeting = _open_for_attendance(user, meeting)
    recorded = set(Attendance.objects.filter(meeting=meeting).values_list("person_id", flat=True))
    arrived = [m.user for m in voting_memberships(meeting.date) if m.user_id not in recorded]
    if not arrived:
        raise ValidationError("Every voting member is already recorded.")
    Attendance.objects.bulk_create(
        Attendance(meeting=meeting, person=person, capacity=Attendance.Capacity.MEMBER)
        for person in arrived
    )
    log(
        meeting,
        "governance.attendance",
        user=user,
        data={"present": [str(person) for person in arrived], "capacity": "member"},
    )
    return len(arrived)


def _open_for_attendance(user: User, meeting: Meeting) -> Meeting:
    meeting = Meeting.objects.get(pk=meeting.pk)
    require_runner(user, meeting)
    if meeting.status in Meeting.ENDED:
        raise ValidationError("Attendance is fixed once the meeting has ended.")
    return meeting


def _vote_not_started(item: AgendaItem) -> None:
    vote = getattr(item, "vote", None)
    if vote is not None and vote.state != vote.State.CREATED:
        raise ValidationError("Declare an interest before the vote on the item opens.")


@transaction.atomic
def declaration_record(
    *,
    user: User,
    item: AgendaItem,
    nature: str,
    prejudicial: bool,
    member: User | None = None,
) -> Declaration:
    """A member declares their own interest; the chair or secretary may record one for them.
    A prejudicial interest (declared or flagged automatically) is never downgraded here: only
    ``dispensation_grant``, by someone else, lifts a bar."""
    member = member or user
    if member != user and not runs_meetings(user, item.meeting):
        raise PermissionDenied("You can only declare your own interests.")
    if not Membership.objects.current(item.meeting.date).filter(user=member).exists():
        raise PermissionDenied("Only members of the group declare interests.")
    _vote_not_started(item)
    existing = Declaration.objects.select_for_update().filter(item=item, member=member).first()
    if existing is not None and existing.prejudicial and not prejudicial:
        raise ValidationError(
            {
                "prejudicial": "This interest bars the member from the item"
                + (" (flagged automatically)" if existing.automatic else "")
                + ". Only a dispensation granted by the chair, or the vice-chair for the "
                "chair, lifts the bar; a declaration cannot."
            }
        )
    declaration, _ = Declaration.objects.update_or_create(
        item=item,
        member=member,
        defaults={
            "nature": nature,
            "prejudicial": prejudicial,
            "automatic": existing.automatic if existing else False,
        },
    )
    log(
        item.meeting,
        "governance.declaration",
        user=user,
        data={"item": item.title, "member": str(member), "prejudicial": prejudicial},
    )
    return declaration


@transaction.atomic
def dispensation_grant(*, user: User, declaration: Declaration, reason: str) -> Declaration:
    require_runner(user, declaration.item.meeting)
    if declaration.member_id == user.pk:
        raise PermissionDenied(
            "You cannot lift the bar on your own interest: the chair, or the vice-chair for "
            "the chair, grants a dispensation."
        )
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
