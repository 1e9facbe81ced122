"""What a proposal needs before it can be submitted, and the legal status changes."""

from django.core.exceptions import ValidationError

from core.financial_years import fy_for_date
from programme.models import Criterion
from proposals.models import Proposal

Status = Proposal.Status

TRANSITIONS = {
    Status.DRAFT: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.SUBMITTED: {Status.RETURNED, Status.ELIGIBLE, Status.WITHDRAWN},
    Status.RETURNED: {Status.SUBMITTED, Status.WITHDRAWN},
    Status.ELIGIBLE: {Status.DECIDED, Status.WITHDRAWN},
    Status.DECIDED: set(),
    Status.WITHDRAWN: set(),
}


class InvalidTransition(ValidationError):
    pass


def check_transition(proposal, to):
    if to not in TRANSITIONS[Status(proposal.status)]:
        raise InvalidTransition(
            f"{proposal.reference} is {proposal.get_status_display().lower()}, so it cannot "
            f"become {Status(to).label.lower()}."
        )


# Each section of the task list: (slug, name, required).
SECTIONS = [
    ("about", "About the proposal", True),
    ("need", "Need and whole-family approach", True),
    ("priorities", "Programme priorities", True),
    ("outcomes", "Headline outcomes", True),
    ("budget", "Budget", True),
    ("delivery", "Delivery and sustainability", True),
    ("criteria", "Programme criteria", True),
    ("attachments", "Supporting documents", False),
    ("co-leads", "Co-leads", False),
]
SECTION_NAMES = {slug: name for slug, name, _ in SECTIONS}


def section_problems(proposal, active_criteria=None):
    """{section slug: [problem, ...]} for every required section not yet complete."""
    if active_criteria is None:
        active_criteria = list(Criterion.objects.filter(is_active=True))
    problems = {}

    def add(section, message):
        problems.setdefault(section, []).append(message)

    if not proposal.summary.strip():
        add("about", "Enter a summary of the proposal")
    if not proposal.need_and_evidence.strip():
        add("need", "Describe the need and the evidence for it")
    if not proposal.whole_family_approach.strip():
        add("need", "Describe how the proposal works with the whole family")
    if not proposal.priorities.exists():
        add("priorities", "Choose at least one programme priority")
    if not proposal.outcome_targets.exists():
        add("outcomes", "Target at least one headline outcome with an expected number of families")
    lines = list(proposal.budget_lines.all())
    if not lines:
        add("budget", "Add at least one budget line")
    elif sum(line.amount for line in lines) <= 0:
        add("budget", "The budget must total more than £0")
    if not proposal.delivery_start or not proposal.delivery_end:
        add("delivery", "Enter the dates delivery starts and ends")
    else:
        first, last = fy_for_date(proposal.delivery_start), fy_for_date(proposal.delivery_end)
        for line in lines:
            if not first <= line.financial_year <= last:
                add(
                    "budget",
                    f"The budget line ‘{line.description}’ is for {line.financial_year}, but "
                    f"delivery runs from {proposal.delivery_start:%B %Y} to "
                    f"{proposal.delivery_end:%B %Y}: change its year or the delivery dates",
                )
    if not proposal.sustainability.strip():
        add("delivery", "Describe what happens when the funding ends")
    answered = set(proposal.answers.exclude(answer="").values_list("criterion_id", flat=True))
    for criterion in active_criteria:
        if criterion.pk not in answered:
            add("criteria", f"Answer the criterion ‘{criterion.title}’")
    return problems
