"""Spreading money over quarters, exact to the penny."""

from collections import defaultdict
from decimal import ROUND_DOWN, Decimal

from core.money import PENNY


def split_evenly(total, parts):
    """``parts`` amounts that sum exactly to ``total``; any odd pennies go to the last."""
    share = (total / parts).quantize(PENNY, rounding=ROUND_DOWN)
    amounts = [share] * parts
    amounts[-1] += total - share * parts
    return amounts


def scale_to(amounts, total):
    """Scale amounts proportionally so they sum exactly to ``total``."""
    current = sum(amounts, Decimal("0.00"))
    if current == 0:
        return split_evenly(total, len(amounts))
    scaled = [(a * total / current).quantize(PENNY, rounding=ROUND_DOWN) for a in amounts]
    scaled[-1] += total - sum(scaled, Decimal("0.00"))
    return scaled


def profile_from_budget(budget_lines, approved):
    """{(financial year, quarter): amount} from a proposal's budget lines: each year's total
    spread over its four quarters, then scaled to the amount approved."""
    by_year = defaultdict(lambda: Decimal("0.00"))
    for financial_year, amount in budget_lines:
        by_year[financial_year] += amount
    cells = []
    for financial_year in sorted(by_year):
        for quarter, amount in enumerate(split_evenly(by_year[financial_year], 4), start=1):
            cells.append(((financial_year, quarter), amount))
    scaled = scale_to([amount for _, amount in cells], approved)
    return {key: amount for (key, _), amount in zip(cells, scaled, strict=True)}
