"""What the draft minutes say, gathered from the meeting's record in a few queries."""

from typing import Any

from governance.models import Attendance
from governance.voting import result, tally
from programme.models import Meeting


def minutes_context(meeting: Meeting) -> dict[str, Any]:
    attendance = list(
        Attendance.objects.filter(meeting=meeting).select_related("person", "substitute_for")
    )
    items = []
    for item in meeting.agenda.select_related("proposal", "vote").prefetch_related(
        "declarations__member", "decisions__conditions__owner"
    ):
        vote = getattr(item, "vote", None)
        ballots = list(vote.ballots.select_related("member")) if vote else []
        items.append(
            {
                "item": item,
                "declarations": list(item.declarations.all()),
                "vote": vote,
                "counts": tally(vote) if vote else None,
                "result": result(vote) if vote and vote.state != vote.State.CREATED else "",
                "ballots": ballots,
                "decisions": list(item.decisions.all()),
            }
        )
    return {
        "meeting": meeting,
        "present": [a for a in attendance if a.present],
        "apologies": [a for a in attendance if not a.present],
        "items": items,
    }
