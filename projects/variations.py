"""A project's plan as one value (its dates, spending profile, budget lines and scope), what a
variation changes in it, how much money it moves and whether that is within what the group
delegated to the programme team. Plain functions of plain values: the services and pages share
them, and the tests check them without a database."""

import calendar
import datetime
from decimal import ROUND_CEILING, Decimal

from django.conf import settings

from core.financial_years import fy_for_date, fy_quarter
from core.money import pounds, to_money
from proposals.models import BudgetLine

ZERO = Decimal("0.00")
COST_TYPES = dict(BudgetLine.CostType.choices)


def quarter_key(financial_year: str, quarter: int) -> str:
    return f"{financial_year} Q{quarter}"


def key_of(day: datetime.date) -> str:
    return quarter_key(fy_for_date(day), fy_quarter(day))


def _money(cells: dict[str, str]) -> dict[str, Decimal]:
    return {key: to_money(amount) for key, amount in cells.items()}


def _moved(before: dict[str, str], after: dict[str, str]) -> Decimal:
    """What moved between the cells of two spreads of the same total: the sum of the rises."""
    old, new = _money(before), _money(after)
    return sum(
        (max(new.get(key, ZERO) - old.get(key, ZERO), ZERO) for key in old.keys() | new.keys()),
        ZERO,
    )


def money_moved(before: dict, after: dict) -> Decimal:
    """Money moved between quarters or between budget lines, whichever is more."""
    return max(
        _moved(before["profile"], after["profile"]), _moved(before["budget"], after["budget"])
    )


def _day(value: str) -> str:
    return f"{datetime.date.fromisoformat(value):%-d %B %Y}"


def plan_changes(before: dict, after: dict) -> list[list[str]]:
    """[kind, what, before, after] for each thing that differs, as the pages show it."""
    changes = []
    for field, label in (("start_date", "Start date"), ("end_date", "End date")):
        if before[field] != after[field]:
            changes.append(["time", label, _day(before[field]), _day(after[field])])
    for kind, name, cells in (
        ("profile", lambda key: key, "profile"),
        ("budget", lambda key: COST_TYPES.get(key, key), "budget"),
    ):
        old, new = _money(before[cells]), _money(after[cells])
        for key in sorted(old.keys() | new.keys()):
            if old.get(key, ZERO) != new.get(key, ZERO):
                changes.append(
                    [kind, name(key), pounds(old.get(key, ZERO)), pounds(new.get(key, ZERO))]
                )
    if before["scope"].strip() != after["scope"].strip():
        changes.append(["scope", "Scope", before["scope"], after["scope"]])
    return changes


def _months_on(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later; the last day of a month stays the last day."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return datetime.date(year, month + 1, last)
    return datetime.date(year, month + 1, min(day.day, last))


def months_extended(before: dict, after: dict) -> int:
    """Months (a part month counts whole) by which the end date moves later; 0 if it does
    not. 30 June to 31 March is nine months."""
    old = datetime.date.fromisoformat(before["end_date"])
    new = datetime.date.fromisoformat(after["end_date"])
    if new <= old:
        return 0
    months = (new.year - old.year) * 12 + new.month - old.month
    return months + (1 if new > _months_on(old, months) else 0)


def delegation(approved: Decimal, before: dict, after: dict) -> tuple[str, str]:
    """("delegated" or "group", why): within the team's delegation only if it moves no more
    than the delegated amount and percentage of the approval, extends by no more than the
    delegated months and leaves the scope alone."""
    moved = money_moved(before, after)
    limit = to_money(settings.VARIATION_DELEGATED_AMOUNT)
    percent = settings.VARIATION_DELEGATED_PERCENT
    # Shown to a tenth of a percent, rounded up: a share just over the limit never reads as
    # equal to it. The limit itself is compared exactly.
    share = (moved * 100 / approved).quantize(Decimal("0.1"), ROUND_CEILING) if approved else 0
    months = months_extended(before, after)
    over = []
    if before["scope"].strip() != after["scope"].strip():
        over.append("it changes the scope the group approved")
    if moved > limit:
        over.append(f"it moves {pounds(moved)}, more than the {pounds(limit)} delegated")
    if moved * 100 > approved * percent:
        over.append(f"it moves {share}% of the approval, more than the {percent}% delegated")
    if months > settings.VARIATION_DELEGATED_MONTHS:
        over.append(
            f"it extends the project by {months} months, more than the "
            f"{settings.VARIATION_DELEGATED_MONTHS} delegated"
        )
    if over:
        return "group", "For the group: " + " and ".join(over) + "."
    return "delegated", (
        f"Within the team's delegation: it moves {pounds(moved)} ({share}% of the approval)"
        + (f" and extends the project by {months} months." if months else ".")
    )


def quarter_bounds(key: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of a quarter named like "2026-27 Q1"."""
    year, quarter = key.split(" Q")
    months = int(year[:4]) * 12 + 3 + 3 * (int(quarter) - 1)  # April of the start year is 3.
    first = datetime.date(months // 12, months % 12 + 1, 1)
    following = datetime.date((months + 3) // 12, (months + 3) % 12 + 1, 1)
    return first, following - datetime.timedelta(days=1)
