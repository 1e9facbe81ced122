"""Spreading money over the months a project delivers in, gathered into quarters, exact to
the penny."""

import datetime
from collections import defaultdict
from decimal import ROUND_DOWN, ROUND_FLOOR, Decimal

from core.financial_years import fy_for_date, fy_quarter
from core.money import PENNY


def split_evenly(total, parts):
    """``parts`` amounts that sum exactly to ``total``; any odd pennies go to the last."""
    share = (total / parts).quantize(PENNY, rounding=ROUND_DOWN)
    amounts = [share] * parts
    amounts[-1] += total - share * parts
    return amounts


def scale_to(amounts, total):
    """Scale amounts proportionally so they sum exactly to ``total``: each rounded down to the
    penny (towards minus infinity), then the pennies left over given one each to the amounts
    that lost most in the rounding (the largest remainder), earliest first on a tie."""
    current = sum(amounts, Decimal("0.00"))
    if current == 0:
        return split_evenly(total, len(amounts))
    exact = [a * total / current for a in amounts]
    scaled = [value.quantize(PENNY, rounding=ROUND_FLOOR) for value in exact]
    pennies = int((total - sum(scaled, Decimal("0.00"))) / PENNY)
    by_remainder = sorted(range(len(exact)), key=lambda i: (scaled[i] - exact[i], i))
    for index in by_remainder[:pennies]:
        scaled[index] += PENNY
    return scaled


def delivery_months(start, end):
    """The first day of each month the project delivers in, from its start to its end."""
    months = []
    month = start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def profile_from_budget(budget_lines, approved, start, end):
    """{(financial year, quarter): amount} from a proposal's budget lines and its delivery
    dates: each year's total spread pro rata over the months of that year the project
    delivers in (nothing before its start or after its end), gathered into quarters, then
    scaled so the whole sums exactly to the amount approved. A year's budget with no delivery
    month in it is spread over all of them."""
    months = delivery_months(start, end)
    by_year = defaultdict(lambda: Decimal("0.00"))
    for financial_year, amount in budget_lines:
        by_year[financial_year] += amount
    cells = defaultdict(lambda: Decimal("0.00"))
    for financial_year in sorted(by_year):
        in_year = [m for m in months if fy_for_date(m) == financial_year] or months
        for month, amount in zip(in_year, split_evenly(by_year[financial_year], len(in_year)),
                                 strict=True):  # fmt: skip
            cells[(fy_for_date(month), fy_quarter(month))] += amount
    keys = sorted(cells)
    scaled = scale_to([cells[key] for key in keys], approved)
    return dict(zip(keys, scaled, strict=True))
