"""Who may vote on an item, whether it is quorate, and how a vote came out: one place for the
rules, used by the services, the portal and the minutes."""

import math
from decimal import Decimal

from django.conf import settings
from django.db.models import Count

from governance.models import Attendance, Ballot, Declaration, Vote
from programme.models import Interest, Membership
from programme.permissions import CHAIRS
from programme.selectors import voting_memberships


def present_voters(meeting, memberships=None):
    """User ids who hold a vote at the meeting: voting members present, and substitutes
    present for a voting member who is not. ``memberships``: the meeting's voting
    memberships, when the caller has read them already."""
    if memberships is None:
        memberships = voting_memberships(meeting.date)
    seats = {m.user_id for m in memberships}
    present = list(
        Attendance.objects.filter(meeting=meeting, present=True).values_list(
            "person_id", "capacity", "substitute_for_id"
        )
    )
    members_here = {
        person
        for person, capacity, _seat in present
        if capacity == Attendance.Capacity.MEMBER and person in seats
    }
    substitutes = {
        person
        for person, capacity, seat in present
        if capacity == Attendance.Capacity.SUBSTITUTE and seat in seats and seat not in members_here
    }
    return members_here | substitutes


def barred(item):
    return set(
        item.declarations.filter(prejudicial=True, dispensation="").values_list(
            "member_id", flat=True
        )
    )


def conflicts(proposal, on):
    """{member id: the nature of their conflict} for a proposal on a day: its leads, members
    who represent the proposing organisation and members with a current registered interest
    in it. The meeting flags them on the item; chair's action refuses them."""
    leads = {proposal.lead_id, *proposal.co_leads.values_list("pk", flat=True)}
    registered = {
        interest.member_id: interest
        for interest in Interest.objects.current(on).filter(
            organisation_id=proposal.lead_organisation_id
        )
    }
    found = {}
    for membership in Membership.objects.current(on).select_related("organisation"):
        if membership.user_id in leads:
            found[membership.user_id] = "Leads this proposal."
        elif membership.organisation_id == proposal.lead_organisation_id:
            found[membership.user_id] = (
                f"Represents {membership.organisation}, the proposing organisation."
            )
        elif membership.user_id in registered:
            found[membership.user_id] = (
                f"Registered interest in {proposal.lead_organisation}: "
                f"{registered[membership.user_id].description}"
            )
    return found


def conflict(person, proposal, on):
    """Why a person may not decide a proposal alone (chair's action), or "": a conflict the
    meeting would flag, or a prejudicial interest they declared without a dispensation."""
    nature = conflicts(proposal, on).get(person.pk)
    if nature:
        return nature
    declared = Declaration.objects.filter(
        item__proposal=proposal, member=person, prejudicial=True, dispensation=""
    )
    return "Declared a prejudicial interest in this proposal." if declared.exists() else ""


def item_voters(item, memberships=None):
    return present_voters(item.meeting, memberships) - barred(item)


def holds_vote(person_id, item):
    """Whether one person is among ``item_voters(item)``, asked of the database for that person
    alone (a few indexed lookups rather than the whole meeting's register)."""
    if item.declarations.filter(prejudicial=True, dispensation="", member_id=person_id).exists():
        return False
    meeting = item.meeting
    seats = voting_memberships(meeting.date).values("user_id")
    present = Attendance.objects.filter(meeting=meeting, present=True)
    mine = present.filter(person_id=person_id)
    if mine.filter(capacity=Attendance.Capacity.MEMBER, person_id__in=seats).exists():
        return True
    seat = (
        mine.filter(capacity=Attendance.Capacity.SUBSTITUTE, substitute_for_id__in=seats)
        .values_list("substitute_for_id", flat=True)
        .first()
    )
    return (
        seat is not None
        and not present.filter(capacity=Attendance.Capacity.MEMBER, person_id=seat).exists()
    )


def quorum(meeting, item=None):
    """(quorate, counted, needed, chair present): at least QUORUM_FRACTION of the voting
    members, including the chair or vice-chair, counting only those not barred on the item."""
    memberships = list(voting_memberships(meeting.date))
    needed = max(1, math.ceil(Decimal(settings.QUORUM_FRACTION) * len(memberships)))
    counted = (
        item_voters(item, memberships) if item is not None else present_voters(meeting, memberships)
    )
    chairs = {m.user_id for m in memberships if m.role in CHAIRS}
    chair_present = bool(chairs & counted)
    return len(counted) >= needed and chair_present, len(counted), needed, chair_present


def quorum_problem(meeting, item=None):
    quorate, counted, needed, chair_present = quorum(meeting, item)
    if quorate:
        return ""
    if not chair_present:
        return "The meeting is not quorate: the chair or vice-chair must be present and not barred."
    return (
        f"The meeting is not quorate: {counted} voting members can take part, {needed} are needed."
    )


def tally(vote, ballots=None):
    """{choice: count}: counted in SQL, or from ``ballots`` a page has already read."""
    if ballots is not None:
        return {c: sum(b.choice == c for b in ballots) for c in Ballot.Choice.values}
    counts = dict(vote.ballots.values_list("choice").annotate(n=Count("pk")))
    return {choice: counts.get(choice, 0) for choice in Ballot.Choice.values}


def result(vote, counts=None):
    """'carried', 'lost' or 'tied' (a tie the chair has not yet broken)."""
    counts = counts or tally(vote)
    if counts["for"] > counts["against"]:
        return "carried"
    if counts["against"] > counts["for"]:
        return "lost"
    if vote.casting_vote == Vote.Casting.FOR:
        return "carried"
    if vote.casting_vote == Vote.Casting.AGAINST:
        return "lost"
    return "tied"
