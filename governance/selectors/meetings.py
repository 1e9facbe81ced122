"""Reads of the group's business that more than one page, export or service needs: the fund
position, published decisions, minutes waiting for approval and conditions due."""

import datetime
from collections import defaultdict
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.db.models import Case, Count, F, Q, QuerySet, Value, When
from django.db.models.functions import ExtractYear
from django.utils import timezone

from core.financial_years import fy_bounds, fy_for_date, fy_name
from core.money import MoneySum, to_money
from evaluations.models import Claim
from governance.models import Condition, Decision, Minutes
from programme.models import Fund, Meeting
from projects.models import BudgetProfileLine, Project, SpendMonth
from projects.selectors import spend_months
from projects.selectors.ledger import programme_months
from proposals.models import Proposal, ProposalVersion

CLOSED = Q(project__status=Project.Status.CLOSED)


def _profiled_by_year(profile: QuerySet[BudgetProfileLine]) -> dict[str, Decimal]:
    """What the budget profiles of open approved projects (not withdrawn, not closed) hold
    for each year."""
    return dict(
        profile.filter(project__withdrawn=False)
        .exclude(CLOSED)
        .values("financial_year")
        .annotate(total=MoneySum("amount"))
        .values_list("financial_year", "total")
    )


def _by_year(profile: QuerySet[BudgetProfileLine]) -> dict[str, Decimal]:
    """What approved projects (not withdrawn) commit to each year: an open project its budget
    profile; a closed one what the ledger shows it spent, so its underspend is back in the
    fund years it was committed to."""
    committed: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    committed.update(_profiled_by_year(profile))
    closed = profile.filter(CLOSED, project__withdrawn=False).values("project")
    starting = Case(
        When(month__month__gte=4, then=ExtractYear("month")),
        default=ExtractYear("month") - 1,
    )
    for start, total in (
        SpendMonth.objects.filter(project__in=closed)
        .annotate(starting=starting)
        .values("starting")
        .annotate(total=MoneySum("amount"))
        .values_list("starting", "total")
    ):
        committed[fy_name(start)] += to_money(total)
    return dict(committed)


def committed_by_year(proposal: Proposal) -> dict[str, Decimal]:
    """What the proposal's approval commits to each year now: its project's profile."""
    return _by_year(BudgetProfileLine.objects.filter(project__proposal=proposal))


def fund_position(financial_year: str, pending: Decimal = Decimal("0.00")) -> dict:
    """One financial year's allocation (the funds of that year; None when none is set), what
    approvals commit to it (the budget profiles of the projects approved, so a re-profile
    moves it), what remains, and what would remain if ``pending`` were approved too."""
    return fund_positions(financial_year, {financial_year: pending})[0]


def _labelled(rows: QuerySet, part: str, sums: dict) -> QuerySet:
    """The sums over the rows, in one row (part, *sums)."""
    labelled = rows.order_by().annotate(part=Value(part)).values("part")
    return labelled.annotate(**sums).values_list("part", *sums)


def _spent_by_year(years: list[str]) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """What the ledger shows spent in each of the years (net and irrecoverable VAT), from the
    programme's months, and what closed projects (not withdrawn) spent in them, from their
    months: one UNION ALL query."""
    sums = {
        f"y{index}": MoneySum("amount", filter=Q(month__range=fy_bounds(year)))
        for index, year in enumerate(years)
    }
    every = _labelled(programme_months(), "all", sums)
    closed = _labelled(spend_months().filter(CLOSED, project__withdrawn=False), "closed", sums)
    spent: dict[str, dict[str, Decimal]] = {"all": {}, "closed": {}}
    for part, *totals in every.union(closed, all=True):
        spent[part] = {y: to_money(total or 0) for y, total in zip(years, totals, strict=True)}
    zero = dict.fromkeys(years, Decimal("0.00"))
    return spent["all"] or zero, spent["closed"] or zero


def _allocated_and_claimed(years: list[str]) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Each year's allocation (the funds of that year) and its results-based income (the
    claims submitted in it), in one query."""
    funds = (
        Fund.objects.filter(financial_year__in=years)
        .order_by()
        .annotate(source=Value("fund"))
        .values_list("source", "financial_year", "total_budget")
    )
    claims = (
        Claim.objects.filter(status=Claim.Status.SUBMITTED, financial_year__in=years)
        .order_by()
        .annotate(source=Value("claim"))
        .values_list("source", "financial_year", "expected_payment")
    )
    budgets: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    income: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for source, year, amount in funds.union(claims, all=True):
        (budgets if source == "fund" else income)[year] += to_money(amount or 0)
    return dict(budgets), dict(income)


def fund_positions(
    financial_year: str, pending: Mapping[str, Decimal], today: datetime.date | None = None
) -> list[dict]:
    """The fund position of the year given and of every year something pending asks money
    from, earliest first: three SQL sums grouped by year or month, whatever the number of
    years. A year that has ended is judged by what was spent in it (an underspend is back in
    the fund), one still to end by what the approvals commit to it. The results-based claims
    submitted in a year add their expected payment to its income."""
    today = today or timezone.localdate()
    years = sorted({financial_year, *pending})
    budgets, income = _allocated_and_claimed(years)
    profiled = _profiled_by_year(BudgetProfileLine.objects.filter(financial_year__in=years))
    spent, spent_closed = _spent_by_year(years)
    # A closed project commits what it spent: its underspend is back in the fund.
    committed = {year: (profiled.get(year) or 0) + spent_closed[year] for year in years}
    positions = []
    for year in years:
        budget = to_money(budgets[year]) if year in budgets else None
        approved = to_money(committed.get(year) or 0)
        ended = fy_bounds(year)[1] < today
        used = spent[year] if ended else approved
        earned = to_money(income.get(year) or 0)
        remaining = budget + earned - used if budget is not None else None
        waiting = to_money(pending.get(year) or 0)
        positions.append(
            {
                "financial_year": year,
                "budget": budget,
                "income": earned,
                "approved": approved,
                "spent": spent[year],
                "ended": ended,
                "remaining": remaining,
                "pending": waiting,
                "remaining_after": remaining - waiting if remaining is not None else None,
            }
        )
    return positions


def requested_by_year(versions: Iterable[ProposalVersion]) -> dict[str, Decimal]:
    """What the submitted versions ask for, by financial year, from their budget lines."""
    totals: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for version in versions:
        for line in version.snapshot["budget_lines"]:
            totals[line["financial_year"]] += Decimal(line["amount"])
    return dict(totals)


PUBLISHED_STATUSES = [
    Meeting.Status.CLOSED,
    Meeting.Status.ADJOURNED,
    Meeting.Status.MINUTES_APPROVED,
]


def meetings_with_published_decisions() -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(status__in=PUBLISHED_STATUSES)
        .annotate(
            decision_count=Count("decisions", filter=Q(decisions__corrected_by__isnull=True)),
            minutes_approved_on=F("minutes__approved_on"),
        )
        .order_by("-date")
    )


def published_decisions(meeting: Meeting) -> QuerySet[Decision]:
    """The decisions in force from one meeting, for the public: no votes, no names of members."""
    return (
        Decision.objects.filter(meeting=meeting, corrected_by__isnull=True)
        .select_related("proposal__lead_organisation")
        .prefetch_related("conditions")
        .order_by("item__section", "item__position", "pk")
    )


def published_chairs_actions() -> QuerySet[Decision]:
    """Decisions the chair took between meetings, in force, newest first, for the public."""
    return (
        Decision.objects.filter(is_chairs_action=True, corrected_by__isnull=True)
        .select_related("proposal__lead_organisation")
        .prefetch_related("conditions")
        .order_by("-decided_on", "-pk")
    )


def unapproved_minutes(meeting: Meeting) -> QuerySet[Minutes]:
    """Minutes of earlier closed meetings waiting to be approved at this one."""
    return Minutes.objects.filter(
        approved_on__isnull=True,
        meeting__date__lt=meeting.date,
        meeting__status__in=[Meeting.Status.CLOSED, Meeting.Status.ADJOURNED],
    ).select_related("meeting")


def conditions_due(meeting: Meeting) -> QuerySet[Condition]:
    """Conditions whose review date has come by this meeting and that are not yet met: they
    stay on the action and conditions log until they are."""
    return Condition.objects.filter(
        met_on__isnull=True, review_date__lte=meeting.date
    ).select_related("decision__proposal", "owner")


def open_conditions() -> QuerySet[Condition]:
    """Every condition of an approval not yet met, soonest due first."""
    return (
        Condition.objects.filter(met_on__isnull=True)
        .select_related("decision__proposal", "owner")
        .order_by("due_date")
    )


def fund_for(day: datetime.date) -> Fund | None:
    """The fund a decision taken on the day commits money from."""
    return Fund.objects.filter(financial_year=fy_for_date(day)).order_by("name").first()
