"""What the meeting room shows: a meeting's agenda, papers and attendance, and one item's
questions, declarations, roll, vote and decision. The rules come from ``governance.voting``;
these gather them for a page."""

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from core.financial_years import fy_for_date
from governance.models import (
    AgendaItem,
    Attendance,
    Ballot,
    Condition,
    Decision,
    Declaration,
    Minutes,
    Vote,
)
from governance.permissions import runs_meetings
from governance.selectors.meetings import (
    conditions_due,
    fund_positions,
    requested_by_year,
    unapproved_minutes,
)
from governance.selectors.minutes import minutes_shown
from governance.selectors.papers import variation_paper
from governance.voting import barred, item_voters, present_voters, quorum, result, tally
from programme.models import Meeting, Membership, User
from programme.selectors import current_memberships, voting_memberships
from projects.models import Variation
from proposals.models import Proposal


def undecided_items(meeting: Meeting) -> QuerySet[AgendaItem]:
    """The proposals on a meeting's agenda for decision that have none yet, in agenda order."""
    return (
        meeting.agenda.filter(
            proposal__isnull=False,
            decisions__isnull=True,
            section__in=[AgendaItem.Section.PROPOSALS, AgendaItem.Section.URGENT],
        )
        .select_related("proposal")
        .order_by("section", "position", "pk")
    )


def meeting_room(meeting: Meeting, user: User) -> dict[str, Any]:
    """A meeting's page: agenda, papers, the fund position with what is still to decide,
    quorum, its minutes, earlier minutes to approve and conditions due."""
    year = fy_for_date(meeting.date)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    items = list(
        meeting.agenda.select_related("proposal", "vote", "version", "variation").annotate(
            decided=Exists(Decision.objects.filter(item=OuterRef("pk")))
        )
    )
    for item in items:
        if item.variation is not None:
            item.decided = not variation_before(item.variation, meeting)
    undecided = [item.version for item in items if item.version and not item.decided]
    return {
        "meeting": meeting,
        "items": items,
        "papers": getattr(meeting, "papers", None),
        "runs": runs_meetings(user, meeting),
        "funds": fund_positions(year, requested_by_year(undecided)),
        "quorum": quorum(meeting),
        "minutes": minutes,
        "minutes_record": minutes_shown(minutes) if minutes else "",
        "to_approve": unapproved_minutes(meeting)
        if meeting.status == Meeting.Status.IN_SESSION
        else [],
        "conditions": conditions_due(meeting),
        "undecided_count": sum(item.is_decision_item and not item.decided for item in items),
        "not_held": meeting.not_held(timezone.localdate()),
        "held_today": meeting.date == timezone.localdate(),
    }


def publish_preview(meeting: Meeting, today: datetime.date) -> dict[str, Any]:
    """What publishing sends: the proposals the agenda will carry, who is emailed, and whether
    proposals can still arrive before the submission deadline."""
    return {
        "meeting": meeting,
        "proposals": Proposal.objects.filter(meeting=meeting, status=Proposal.Status.ELIGIBLE)
        .with_total()
        .select_related("lead_organisation")
        .order_by("reference"),
        "recipients": current_memberships(on=meeting.date).count(),
        "deadline_open": today <= meeting.submission_deadline,
        "before_papers_date": today < meeting.papers_date,
    }


def papers_versions(meeting: Meeting) -> dict:
    """{agenda item id: the submitted version it carries}, for the papers page's links."""
    return {
        item.pk: item.version
        for item in meeting.agenda.filter(version__isnull=False).select_related("version")
    }


def attendance_sheet(meeting: Meeting) -> dict:
    """Each voting seat with its attendance record (and how many have none), everyone else
    recorded, who holds a vote and the quorum."""
    records = {a.person_id: a for a in Attendance.objects.filter(meeting=meeting)}
    seats = [(m, records.get(m.user_id)) for m in voting_memberships(meeting.date)]
    return {
        "seats": seats,
        "unrecorded": sum(1 for _, record in seats if record is None),
        "others": [a for a in records.values() if a.capacity != Attendance.Capacity.MEMBER],
        "voters": present_voters(meeting),
        "quorum": quorum(meeting),
    }


def seat_holder(meeting: Meeting, user_pk: int) -> Membership | None:
    """The voting seat a person holds at the meeting, if any."""
    return voting_memberships(meeting.date).filter(user_id=user_pk).first()


def variation_before(variation: Variation, meeting: Meeting) -> bool:
    """Whether a variation on a meeting's agenda is still for it to decide: referred, and
    not deferred to a later meeting."""
    return variation.status == Variation.Status.REFERRED and variation.meeting_id in (
        meeting.pk,
        None,
    )


def item_in(meeting_pk: int, item_pk: int) -> QuerySet[AgendaItem]:
    return AgendaItem.objects.select_related(
        "meeting", "proposal", "version", "variation__project", "variation__requested_by"
    ).filter(pk=item_pk, meeting_id=meeting_pk)


def item_page(item: AgendaItem, user: User) -> dict[str, Any]:
    """One item: its questions and declarations, the roll of voting members (who is barred or
    present, who has voted, and how once the vote has closed), whether this person may vote,
    the tally and result, quorum, the fund position and the decisions."""
    vote = vote_on(item)
    voters = item_voters(item) if item.is_decision_item else set()
    members = list(voting_memberships(item.meeting.date))
    ballots = {b.member_id: b for b in vote.ballots.all()} if vote else {}
    barred_ids = barred(item)
    decided = item.decisions.exists()
    pending = item.version.total_requested if item.version and not decided else Decimal("0.00")
    year = fy_for_date(item.meeting.date)
    by_year = requested_by_year([item.version] if item.version and pending else [])
    closed = vote is not None and vote.state != Vote.State.OPEN
    return {
        "item": item,
        "meeting": item.meeting,
        "vote": vote,
        "voters": voters,
        "runs": runs_meetings(user, item.meeting),
        "questions": item.questions.select_related("asked_by", "answered_by"),
        "declarations": item.declarations.select_related("member"),
        "roll": _roll(item, members, voters, barred_ids, ballots, closed),
        "may_vote": vote is not None and vote.state == Vote.State.OPEN and user.pk in voters,
        "my_ballot": ballots.get(user.pk),
        "pending": pending,
        "counts": tally(vote) if closed else None,
        "result": result(vote)
        if vote and vote.state in (Vote.State.CLOSED, Vote.State.PUBLISHED)
        else "",
        "quorum": quorum(item.meeting, item),
        "funds": fund_positions(year, by_year),
        "decisions": item.decisions.select_related("corrects")
        .prefetch_related("conditions__owner")
        .annotate(is_corrected=Exists(Decision.objects.filter(corrects=OuterRef("pk")))),
        "is_member": Membership.objects.current(item.meeting.date).filter(user=user).exists(),
        "variation": item.variation,
        "variation_paper": variation_paper(item.variation, item) if item.variation else None,
        "variation_open": item.variation is not None
        and variation_before(item.variation, item.meeting),
    }


def _roll(
    item: AgendaItem,
    members: list[Membership],
    voters: set[int],
    barred_ids: set[int],
    ballots: dict[int, Ballot],
    closed: bool,
) -> list[dict]:
    """Each voting seat: its holder, or the substitute in the room for them ("A for B"),
    whether barred or present, whether they voted, and how once the vote has closed."""
    substitutes = {
        a.substitute_for_id: a.person
        for a in Attendance.objects.filter(
            meeting=item.meeting, capacity=Attendance.Capacity.SUBSTITUTE, present=True
        ).select_related("person")
    }
    roll = []
    for m in members:
        sitting = substitutes.get(m.user_id, m.user)
        ballot = ballots.get(sitting.pk)
        roll.append(
            {
                "member": m.user if sitting == m.user else f"{sitting} for {m.user}",
                "barred": sitting.pk in barred_ids,
                "present": sitting.pk in voters or sitting.pk in barred_ids,
                "voted": ballot is not None,
                "choice": ballot.get_choice_display() if ballot and closed else "",
            }
        )
    return roll


def vote_on(item: AgendaItem) -> Vote | None:
    return Vote.objects.filter(item=item).first()


def eligible_for_urgent_business(meeting: Meeting) -> QuerySet[Proposal]:
    """Eligible proposals not already on this meeting's agenda."""
    return Proposal.objects.filter(status=Proposal.Status.ELIGIBLE).exclude(
        agenda_items__meeting=meeting
    )


def agenda_item(meeting: Meeting, item_pk: int) -> AgendaItem | None:
    return meeting.agenda.filter(pk=item_pk).first()


def declaration_on(meeting: Meeting, item_pk: int, declaration_pk: int) -> Declaration | None:
    """A declaration on one of the meeting's items."""
    return Declaration.objects.filter(
        pk=declaration_pk, item_id=item_pk, item__meeting=meeting
    ).first()


def decision_on_item(item: AgendaItem, decision_pk: int) -> Decision | None:
    return item.decisions.filter(pk=decision_pk).first()


def minutes_by_pk(minutes_pk: int) -> Minutes | None:
    return Minutes.objects.filter(pk=minutes_pk).select_related("meeting").first()


def condition_by_pk(condition_pk: int) -> Condition | None:
    return Condition.objects.filter(pk=condition_pk).select_related("decision").first()
