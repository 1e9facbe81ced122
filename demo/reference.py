"""Priorities, criteria and funds from the Liverpool Families Programme page."""

from decimal import Decimal

from core.financial_years import current_fy, fy_name, fy_start_year
from programme.models import Criterion, Fund, Priority

PRIORITIES = [
    (
        "A whole family approach",
        "Assessment and planning with the whole family underpin service design, development and "
        "procurement.",
    ),
    (
        "Prevention and early intervention",
        "An intelligence-led approach to target our resources and opportunities effectively.",
    ),
    (
        "Aligning social and economic outcomes",
        "A focus on employability and skills, particularly for young people.",
    ),
    (
        "Better coordination of public sector planning and investment",
        "Service planning and investment coordinated to improve outcomes and value for money.",
    ),
    (
        "Securing sustainability",
        "Individual and community resilience, doing 'with' and not 'to' or 'for'.",
    ),
]
ADDITIONAL_PRIORITIES = [
    ("Mental health", "Agreed by the Families Strategic Group as an additional priority issue."),
    ("Early years", "Agreed by the Families Strategic Group as an additional priority issue."),
    (
        "NEETs (not in employment, education or training)",
        "Agreed by the Families Strategic Group as an additional priority issue.",
    ),
    (
        "Transitions",
        "From children's to adult services, between schools, and out of care.",
    ),
]

CRITERIA = [
    (
        "Works with the whole family",
        "How the proposal assesses and plans with the whole family, including members who do "
        "not live in the family home, through one lead worker and one family plan.",
    ),
    (
        "Addresses the programme's priorities",
        "Which of the programme's priorities the proposal addresses, and how.",
    ),
    (
        "Evidence of need",
        "Local data or evaluation showing the need, and the families who will benefit.",
    ),
    (
        "Targets the headline outcomes",
        "Which of the ten headline outcomes it will improve, for how many families, and how "
        "results will be measured and shared.",
    ),
    (
        "Value for money",
        "Costs are clear, proportionate and compared with the alternatives.",
    ),
    (
        "Additional to existing funding",
        "The money does not replace statutory or core funding already in place.",
    ),
    (
        "Sustainability and exit",
        "What happens when the funding ends: mainstreaming, other funding, or a planned close.",
    ),
]

FUND_NAME = "Supporting Families grant"
# The grant for each financial year, by years from this one.
FUND_BUDGETS = {
    -2: Decimal("1640000.00"),
    -1: Decimal("1720000.00"),
    0: Decimal("1850000.00"),
    1: Decimal("1850000.00"),
}


def seed_priorities():
    for order, (title, description) in enumerate(PRIORITIES, start=1):
        Priority.objects.update_or_create(
            title=title,
            defaults={"description": description, "is_additional": False, "sort_order": order},
        )
    for order, (title, description) in enumerate(ADDITIONAL_PRIORITIES, start=1):
        Priority.objects.update_or_create(
            title=title,
            defaults={"description": description, "is_additional": True, "sort_order": order},
        )


def seed_criteria():
    for order, (title, guidance) in enumerate(CRITERIA, start=1):
        Criterion.objects.update_or_create(
            title=title, defaults={"guidance": guidance, "sort_order": order, "is_active": True}
        )


def seed_funds(today=None):
    """The fund of each year the demo holds meetings in: two back, this one and the next."""
    this_year = fy_start_year(current_fy(today))
    funds = []
    for offset, budget in FUND_BUDGETS.items():
        fund, _ = Fund.objects.update_or_create(
            name=FUND_NAME,
            financial_year=fy_name(this_year + offset),
            defaults={
                "total_budget": budget,
                "funder": "Ministry of Housing, Communities and Local Government",
                "description": "The Supporting Families grant for the year, allocated by the "
                "Families Strategic Group.",
            },
        )
        funds.append(fund)
    return funds
