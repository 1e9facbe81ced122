"""Reads of proposals shared by the portal, the back office and exports."""

from governance.models import Criterion
from proposals.models import Proposal
from proposals.rules import SECTIONS, section_problems


def proposals_for_lead(user):
    """A lead's proposals (and those they co-lead) with their totals, for the dashboard."""
    return (
        Proposal.objects.filter(pk__in=Proposal.objects.led_by(user).values("pk"))
        .with_total()
        .select_related("meeting", "lead_organisation")
        .order_by("-updated_at")
    )


def proposals_for_back_office():
    """Every proposal but drafts, which nobody but their leads sees."""
    return (
        Proposal.objects.exclude(status=Proposal.Status.DRAFT)
        .with_total()
        .select_related("meeting", "lead_organisation", "lead")
    )


def proposal_with_total(proposal_pk):
    return (
        Proposal.objects.with_total()
        .select_related("meeting", "lead_organisation")
        .get(pk=proposal_pk)
    )


def task_list(proposal):
    """Each task-list section with its status: completed, incomplete, not started or optional."""
    problems = section_problems(proposal, list(Criterion.objects.filter(is_active=True)))
    started = {
        "about": bool(proposal.summary),
        "need": bool(proposal.need_and_evidence or proposal.whole_family_approach),
        "priorities": proposal.priorities.exists(),
        "outcomes": proposal.outcome_targets.exists(),
        "budget": proposal.budget_lines.exists(),
        "delivery": bool(proposal.delivery_start or proposal.sustainability),
        "criteria": proposal.answers.exists(),
        "attachments": proposal.attachments.filter(removed_at=None).exists(),
        "co-leads": proposal.co_leads.exists(),
    }
    sections = []
    for slug, name, required in SECTIONS:
        if not required:
            status = "completed" if started[slug] else "optional"
        elif slug not in problems:
            status = "completed"
        else:
            status = "incomplete" if started[slug] else "not_started"
        sections.append(
            {"slug": slug, "name": name, "status": status, "problems": problems.get(slug, [])}
        )
    return sections, problems
