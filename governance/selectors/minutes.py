"""What a meeting's minutes say, gathered from its record in a fixed number of queries: who
was there and in what role, each item in agenda order with its discussion note, declarations,
vote and decisions, the earlier minutes approved, and the chair's actions noted."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from governance.models import AgendaItem, Attendance, Ballot, Decision, Minutes
from governance.voting import result, tally
from programme.models import Meeting, Membership
from projects.models import Variation


@dataclass(frozen=True)
class Present:
    """One person at the meeting, named with the role they had there."""

    name: str
    role: str
    organisation: str


def _roles(meeting: Meeting) -> dict[int, Membership]:
    return {
        m.user_id: m
        for m in Membership.objects.current(meeting.date).select_related("organisation")
    }


def _present(attendance: list[Attendance], seats: dict[int, Membership]) -> list[Present]:
    people = []
    for a in attendance:
        seat = seats.get(a.person_id) or seats.get(a.substitute_for_id or 0)
        if a.capacity == Attendance.Capacity.SUBSTITUTE:
            role = f"Substitute for {a.substitute_for}"
        elif a.capacity == Attendance.Capacity.MEMBER and seat is not None:
            role = seat.get_role_display()
        else:
            role = a.get_capacity_display()
        people.append(Present(str(a.person), role, str(seat.organisation) if seat else ""))
    order = {"Chair": 0, "Vice-chair": 1}
    return sorted(people, key=lambda p: (order.get(p.role, 2), p.role.startswith("Officer")))


def _items(meeting: Meeting) -> QuerySet[AgendaItem]:
    return meeting.agenda.select_related("proposal", "vote", "variation").prefetch_related(
        "declarations__member",
        "declarations__dispensation_by",
        Prefetch("vote__ballots", queryset=Ballot.objects.select_related("member")),
        Prefetch(
            "decisions",
            queryset=Decision.objects.order_by("recorded_at", "pk").prefetch_related(
                "conditions__owner"
            ),
        ),
    )


def _variation_minute(variation: Variation | None, meeting: Meeting) -> str:
    """What became of a variation item at the meeting, for the minutes."""
    if variation is None:
        return ""
    if variation.meeting_id != meeting.pk:
        return "Deferred to a later meeting."
    note = f" {variation.decision_note}" if variation.decision_note else ""
    if variation.status == Variation.Status.AGREED:
        return f"The variation was agreed: version {variation.version} of the plan.{note}"
    if variation.status == Variation.Status.REFUSED:
        return f"The variation was refused.{note}"
    return "Not decided at this meeting."


def minutes_context(meeting: Meeting, public: bool = False) -> dict[str, Any]:
    """Everything the minutes template needs. ``public`` leaves out how each member voted
    (the published minutes give the tallies, as the public decisions pages do)."""
    attendance = list(
        Attendance.objects.filter(meeting=meeting).select_related("person", "substitute_for")
    )
    seats = _roles(meeting)
    standing_for = {a.person_id: a.substitute_for for a in attendance if a.substitute_for_id}
    absent = {a.person_id for a in attendance if not a.present}
    items = []
    for item in _items(meeting):
        vote = getattr(item, "vote", None)
        ballots = list(vote.ballots.all()) if vote else []
        counts = tally(vote, ballots)
        closed = vote is not None and vote.state in (vote.State.CLOSED, vote.State.PUBLISHED)
        items.append(
            {
                "item": item,
                # A conflict the system flagged for someone who sent apologies is not minuted.
                "declarations": [
                    d
                    for d in item.declarations.all()
                    if not (d.automatic and d.member_id in absent)
                ],
                "vote": vote if closed else None,
                "counts": counts,
                "result": result(vote, counts) if closed else "",
                "ballots": [] if public else [(b, standing_for.get(b.member_id)) for b in ballots],
                "decisions": list(item.decisions.all()),
                "variation": _variation_minute(item.variation, meeting),
            }
        )
    return {
        "meeting": meeting,
        "minutes": Minutes.objects.filter(meeting=meeting).first(),
        "present": _present([a for a in attendance if a.present], seats),
        "apologies": [a for a in attendance if not a.present],
        "approved_here": Minutes.objects.filter(approved_at_meeting=meeting).select_related(
            "meeting"
        ),
        "items": items,
        "public": public,
    }


def minutes_html(meeting: Meeting, public: bool = False) -> SafeString:
    """The minutes as they read now, from the record (a fragment of HTML, escaped)."""
    return render_to_string("governance/includes/minutes.html", minutes_context(meeting, public))


def minutes_shown(minutes: Minutes, public: bool = False) -> SafeString:
    """Approved minutes as they were approved; a draft as it reads from the record now. The
    approved records were rendered by ``minutes_html``, which escapes everything in them, and
    cannot be edited afterwards, so they are shown as they are."""
    if minutes.locked:
        return mark_safe(minutes.public_record if public else minutes.approved_record)  # noqa: S308
    return minutes_html(minutes.meeting, public)


def published_minutes(meeting: Meeting) -> Minutes | None:
    """A meeting's minutes once approved: the public site shows them (``minutes_shown`` with
    ``public``); drafts are the group's until then."""
    return Minutes.objects.filter(meeting=meeting, approved_on__isnull=False).first()
