"""The results as each audience may see them. Everyone outside the programme team (group
members, finance, the public, every export but the programme team's own) gets counts through
the disclosure rule, and any figure divided by a hidden count is hidden with it.

Every count a results page or file shows is one cell of one linked table (``linked_view``):
each year's families supported, eligible and successful, with the differences between those
nested counts; outcome areas achieved, families with each need and needs sustained, by
outcome and year, with their totals. Suppression is decided once over the whole table, so a
cell hidden in one view (the all-years table) is hidden in every other (one year's summary,
the workbook), and no subtraction between any two published figures gives a small number."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import timezone

from core.disclosure import Shown, nest, shown, suppress
from evaluations.selectors.results import (
    by_outcome,
    first_dates,
    needs_by_outcome_and_year,
    per,
    results_by_year,
    summary,
    year_summary,
    years_from,
)
from programme.models import Outcome

ALL = "all"


def through_rule(cells: dict, groups: list, suppressed: bool) -> dict[Any, Shown]:
    """Counts as the audience may see them: through the disclosure rule when suppressed."""
    if suppressed:
        return suppress(cells, groups)
    return {key: shown(value) for key, value in cells.items()}


def per_shown(spend: Decimal, count: Shown) -> Decimal | None:
    """Spend per a shown count; hidden with the count."""
    return None if count.suppressed else per(spend, count.value)


@dataclass
class Figures:
    """What a results page counts, read once: the years, each year's families and spend, and
    needs achieved, sustained and open by outcome and year."""

    as_of: datetime.date
    years: list
    outcomes: list
    by_year: list
    matrix: dict  # needs achieved by (outcome number, year)
    sustained: dict  # needs sustained by (outcome number, year)
    need: dict = field(default_factory=dict)  # families with the need by (outcome, year)
    # Needs sustained by (outcome number, year) of families a funded project supported.
    funded_sustained: dict = field(default_factory=dict)
    _views: dict = field(default_factory=dict, repr=False)

    def year(self, financial_year: str) -> dict[str, Any] | None:
        return next((r for r in self.by_year if r["financial_year"] == financial_year), None)

    def view(self, suppressed: bool) -> dict[Any, Shown]:
        """The linked table as this audience sees it, decided once per page."""
        if suppressed not in self._views:
            self._views[suppressed] = linked_view(self, suppressed)
        return self._views[suppressed]


def gather(as_of: datetime.date | None = None) -> Figures:
    as_of = as_of or timezone.localdate()
    outcomes = list(Outcome.objects.order_by("number").annotate(**first_dates()))
    first: Any = outcomes[0] if outcomes else None  # carries the first_dates() annotations
    firsts = (first.first_plan, first.first_spend) if first else ()
    years = years_from(firsts, as_of)
    needs = needs_by_outcome_and_year(years, as_of, [o.number for o in outcomes])
    return Figures(
        as_of=as_of,
        years=years,
        outcomes=outcomes,
        by_year=results_by_year(years, as_of),
        matrix=needs.achieved,
        sustained=needs.sustained,
        need=needs.need,
        funded_sustained=needs.funded_sustained,
    )


def _summed(cells: dict, groups: list, members: list, total: Any) -> None:
    cells[total] = sum(cells[key] for key in members)
    groups.append((members, total))


def linked_table(figures: Figures) -> tuple[dict[Any, int], list, set]:
    """Every count the results show, the sums that link them and the (virtual) differences
    between nested counts: (cells, groups, virtual)."""
    years, numbers = figures.years, [outcome.number for outcome in figures.outcomes]
    cells: dict[Any, int] = {}
    groups: list = []
    virtual: set = set()
    for row in figures.by_year:
        year = row["financial_year"]
        cells[("supported", year)] = row["families_supported"]
        cells[("eligible", year)] = row["families_eligible"]
        cells[("successful", year)] = row["successful_family_outcomes"]
        # The headline shows each quarter's successful outcomes: they add up to the year's.
        quarters = [("successful", year, n) for n in range(1, 5)]
        for key, count in zip(quarters, row["successful_by_quarter"], strict=True):
            cells[key] = count
        groups.append((quarters, ("successful", year)))
        nest(cells, groups, virtual, ("eligible", year), ("supported", year), ("x1", year))
        nest(cells, groups, virtual, ("successful", year), ("eligible", year), ("x2", year))
        # The funded projects' families, within every family: what value for money divides by.
        cells[("funded", year)] = row["families_funded"]
        cells[("funded_successful", year)] = row["funded_successful"]
        cells[("funded_achieved", year)] = row["funded_achieved"]
        nest(cells, groups, virtual, ("funded", year), ("supported", year), ("x4", year))
        nest(
            cells, groups, virtual, ("funded_successful", year), ("successful", year), ("x5", year)
        )
    # Each successful outcome counts in one year only, so the years add up to the total.
    _summed(cells, groups, [("successful", year) for year in years], ("successful", ALL))
    for number in numbers:
        for year in years:
            cells[(number, year)] = figures.matrix.get((number, year), 0)
            cells[("need", number, year)] = figures.need.get((number, year), 0)
            cells[("sustained", number, year)] = figures.sustained.get((number, year), 0)
            nest(
                cells, groups, virtual, (number, year), ("need", number, year), ("x3", number, year)
            )
        _summed(cells, groups, [(number, year) for year in years], (number, ALL))
    for year in [*years, ALL]:
        _summed(cells, groups, [(number, year) for number in numbers], (ALL, year))
    for year in years:
        nest(cells, groups, virtual, ("funded_achieved", year), (ALL, year), ("x6", year))
    for year in years:
        # The value of sustained outcomes is their count times a published unit cost, so
        # their total is as good as shown.
        _summed(
            cells,
            groups,
            [("sustained", number, year) for number in numbers],
            ("sustained", ALL, year),
        )
        for number in numbers:
            cells[("funded_sustained", number, year)] = figures.funded_sustained.get(
                (number, year), 0
            )
            nest(
                cells,
                groups,
                virtual,
                ("funded_sustained", number, year),
                ("sustained", number, year),
                ("x7", number, year),
            )
    return cells, groups, virtual


def linked_view(figures: Figures, suppressed: bool) -> dict[Any, Shown]:
    cells, groups, virtual = linked_table(figures)
    if suppressed:
        return suppress(cells, groups, virtual)
    return {key: shown(value) for key, value in cells.items() if key not in virtual}


@dataclass
class Results:
    years: list
    successful_total: object
    outcome_rows: list
    year_totals: list
    grand_total: object
    suppressed: bool

    @property
    def chart_years(self) -> list[dict[str, Any]]:
        return [{"label": row["financial_year"], "count": row["successful"]} for row in self.years]


def results(figures: Figures, suppressed: bool = True) -> Results:
    """Families supported, eligible and successful by year, and outcome areas achieved by
    outcome and year, with totals, for the results pages and the workbook."""
    years = figures.years
    view = figures.view(suppressed)
    numbers = [(outcome.number, outcome.name) for outcome in figures.outcomes]
    return Results(
        years=[
            {
                "financial_year": row["financial_year"],
                "supported": view[("supported", row["financial_year"])],
                "eligible": view[("eligible", row["financial_year"])],
                "successful": view[("successful", row["financial_year"])],
                "funded_successful": view[("funded_successful", row["financial_year"])],
                "spend": row["spend"],
                "spend_per_successful": per_shown(
                    row["spend"], view[("funded_successful", row["financial_year"])]
                ),
            }
            for row in figures.by_year
        ],
        successful_total=view[("successful", ALL)],
        outcome_rows=[
            {
                "number": number,
                "name": name,
                "cells": [view[(number, year)] for year in years],
                "total": view[(number, ALL)],
            }
            for number, name in numbers
        ],
        year_totals=[view[(ALL, year)] for year in years],
        grand_total=view[(ALL, ALL)],
        suppressed=suppressed,
    )


FUNDED_COUNTS = {
    "funded": "families_funded",
    "funded_successful": "funded_successful",
    "funded_achieved": "funded_achieved",
}


OUTCOME_COUNTS = ["families_with_need", "achieved", "sustained", "funded_sustained"]


def summary_from(figures: Figures, financial_year: str | None) -> dict[str, Any]:
    """A year's summary from the figures already read (the same numbers year_summary counts),
    or counted afresh for all years or a year outside them."""
    row = figures.year(financial_year) if financial_year else None
    if row is None:
        return year_summary(financial_year, figures.as_of)
    counts = {
        "supported": row["families_supported"],
        "eligible": row["families_eligible"],
        "successful": row["successful_family_outcomes"],
        "achieved": sum(
            figures.matrix.get((o.number, financial_year), 0) for o in figures.outcomes
        ),
        **{key: row[name] for key, name in FUNDED_COUNTS.items()},
    }
    return summary(financial_year, figures.as_of, counts, row["spend"])


def _needs_of_year(figures: Figures, financial_year: str | None) -> dict | None:
    """The year's counts by outcome (``need_counts``) from the figures, which hold them for
    each of their years; None for another year or all years."""
    if financial_year not in figures.years:
        return None
    return {
        outcome.number: {
            "families_with_need": figures.need.get((outcome.number, financial_year), 0),
            "achieved": figures.matrix.get((outcome.number, financial_year), 0),
            "sustained": figures.sustained.get((outcome.number, financial_year), 0),
            "funded_sustained": figures.funded_sustained.get((outcome.number, financial_year), 0),
        }
        for outcome in figures.outcomes
    }


def year_figures(
    figures: Figures, financial_year: str | None, suppressed: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """One year's summary and outcome table, its counts read from the linked table (so they
    are hidden exactly where every other view hides them). Also returns the raw outcome rows,
    which the fiscal benefit estimate values."""
    counted = summary_from(figures, financial_year)
    raw = by_outcome(financial_year, figures.as_of, counts=_needs_of_year(figures, financial_year))
    if financial_year in figures.years:
        view = figures.view(suppressed)
        counts = {
            "families_supported": view[("supported", financial_year)],
            "families_eligible": view[("eligible", financial_year)],
            "successful_family_outcomes": view[("successful", financial_year)],
            "outcomes_achieved": view[(ALL, financial_year)],
            "families_funded": view[("funded", financial_year)],
            "funded_successful": view[("funded_successful", financial_year)],
            "funded_achieved": view[("funded_achieved", financial_year)],
        }
        outcomes = [
            {
                **row,
                "families_with_need": view[("need", row["number"], financial_year)],
                "achieved": view[(row["number"], financial_year)],
                "sustained": view[("sustained", row["number"], financial_year)],
                "funded_sustained": view[("funded_sustained", row["number"], financial_year)],
            }
            for row in raw
        ]
    else:
        # A year with nothing counted in it (every count is zero), or all years at once.
        counts = through_rule(
            {
                key: counted[key]
                for key in [
                    "families_supported",
                    "families_eligible",
                    "successful_family_outcomes",
                    "outcomes_achieved",
                    *FUNDED_COUNTS.values(),
                ]
            },
            [],
            suppressed,
        )
        outcomes = [
            {
                **row,
                **through_rule(
                    {key: row[key] for key in OUTCOME_COUNTS},
                    [],
                    suppressed,
                ),
            }
            for row in raw
        ]
    shown_figures = {**counted, **counts}
    spend = counted["spend"]
    shown_figures["spend_per_family_supported"] = per_shown(spend, counts["families_funded"])
    shown_figures["spend_per_successful_family_outcome"] = per_shown(
        spend, counts["funded_successful"]
    )
    shown_figures["spend_per_outcome_achieved"] = per_shown(spend, counts["funded_achieved"])
    return shown_figures, outcomes, raw


def value_hidden(figures: Figures, financial_year: str | None, suppressed: bool) -> bool:
    """The value of a year's sustained outcomes (of the families funded projects supported) is
    hidden wherever any count it is made from is: the gross value divided by a published unit
    cost would give the count back."""
    years = figures.years if financial_year is None else [financial_year]
    if not suppressed or not set(years) <= set(figures.years):
        return False
    view = figures.view(True)
    return any(
        view[("funded_sustained", outcome.number, year)].suppressed
        for outcome in figures.outcomes
        for year in years
    )


def bars(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Bar lengths (percent of the longest) for an SVG chart of counts. A hidden count gets
    no bar, only its label, so the chart shows nothing the table hides."""
    longest = max((item["count"].value or 0 for item in items), default=0) or 1
    return [
        {
            "label": item["label"],
            "display": str(item["count"]),
            "percent": None
            if item["count"].suppressed
            else round(item["count"].value * 100 / longest, 1),
        }
        for item in items
    ]
