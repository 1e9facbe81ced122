"""The papers a meeting's agenda goes out with."""

from django.utils import timezone

from core.financial_years import fy_for_date
from governance.models import AgendaItem
from governance.selectors.meetings import conditions_due, fund_positions, requested_by_year
from programme.models import Meeting
from projects.models import Variation


def variation_paper(variation: Variation, item: AgendaItem | None = None) -> dict:
    """What the group reads on a variation: the project, what changes from what to what,
    the money it moves, why it is beyond the team's delegation and the lead's reasons."""
    project = variation.project
    return {
        "item": item.pk if item else None,
        "reference": project.reference,
        "title": project.title,
        "approved_amount": str(project.approved_amount),
        "requested_by": str(variation.requested_by),
        "requested_on": f"{timezone.localtime(variation.requested_at):%-d %B %Y}",
        "reasons": variation.reasons,
        "route_reason": variation.route_reason,
        "money_moved": str(variation.money_moved),
        "changes": variation.changes,
    }


def papers_content(meeting: Meeting) -> dict:
    """What is circulated when the agenda is published, to be frozen: the agenda, each
    proposal's submitted version and screening, each variation referred to the group, the
    fund position and the conditions due."""
    items = list(
        meeting.agenda.select_related(
            "version", "proposal", "variation__project", "variation__requested_by"
        )
    )
    proposals = []
    versions = []
    for item in items:
        version, proposal = item.version, item.proposal
        if not item.is_decision_item or version is None or proposal is None:
            continue
        versions.append(version)
        screening = version.screenings.order_by("-screened_at").first()
        proposals.append(
            {
                "item": item.pk,
                "reference": proposal.reference,
                "title": version.snapshot["title"],
                "version": version.number,
                "total_requested": str(version.total_requested),
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
    year = fy_for_date(meeting.date)
    positions = fund_positions(year, requested_by_year(versions))
    conditions = conditions_due(meeting)
    return {
        "agenda": [
            {"item": item.pk, "section": item.get_section_display(), "title": item.title}
            for item in items
        ],
        "proposals": proposals,
        "variations": [
            variation_paper(item.variation, item) for item in items if item.variation is not None
        ],
        "fund_positions": [
            {
                key: value if value is None or isinstance(value, bool) else str(value)
                for key, value in position.items()
            }
            for position in positions
        ],
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
