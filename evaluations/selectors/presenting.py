"""The results as each audience may see them. Everyone outside the programme team (group
members, finance, the public, every export but the programme team's own) gets counts through
the disclosure rule, and any figure divided by a hidden count is hidden with it."""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone

from evaluations.disclosure import Shown, shown, suppress
from evaluations.selectors.results import (
    by_outcome,
    needs_by_outcome_and_year,
    per,
    results_by_year,
    value_for_money,
    year_summary,
    years_with_data,
)
from programme.models import Outcome

ALL = "all"


def _apply(cells: dict, groups: list, suppressed: bool) -> dict[Any, Shown]:
    if suppressed:
        return suppress(cells, groups)
    return {key: shown(value) for key, value in cells.items()}


def _per(spend: Decimal, count: Shown) -> Decimal | None:
    """Spend per a shown count; hidden with the count."""
    return None if count.suppressed else per(spend, count.value)


@dataclass
class Figures:
    """What a results page counts, read once: the years, each year's families and spend, and
    outcome areas achieved by outcome and year."""

    as_of: datetime.date
    years: list
    outcomes: list
    by_year: list
    matrix: dict  # needs achieved by (outcome number, year)
    sustained: dict  # needs sustained by (outcome number, year)

    def year(self, financial_year: str) -> dict[str, Any] | None:
        return next((r for r in self.by_year if r["financial_year"] == financial_year), None)


def gather(as_of: datetime.date | None = None) -> Figures:
    as_of = as_of or timezone.localdate()
    years = years_with_data(as_of)
    outcomes = list(Outcome.objects.order_by("number"))
    achieved, sustained = needs_by_outcome_and_year(years, as_of, [o.number for o in outcomes])
    return Figures(
        as_of=as_of,
        years=years,
        outcomes=outcomes,
        by_year=results_by_year(years, as_of),
        matrix=achieved,
        sustained=sustained,
    )


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
    years, by_year, achieved = figures.years, figures.by_year, figures.matrix
    cells: dict[tuple, int] = {}
    groups: list = []
    for row in by_year:
        year = row["financial_year"]
        cells[("supported", year)] = row["families_supported"]
        cells[("eligible", year)] = row["families_eligible"]
        cells[("successful", year)] = row["successful_family_outcomes"]
    # Each successful outcome counts in one year only, so the years add up to the total.
    cells[("successful", ALL)] = sum(row["successful_family_outcomes"] for row in by_year)
    groups.append(([("successful", year) for year in years], ("successful", ALL)))
    numbers = [(outcome.number, outcome.name) for outcome in figures.outcomes]
    for number, _name in numbers:
        for year in years:
            cells[(number, year)] = achieved.get((number, year), 0)
        cells[(number, ALL)] = sum(achieved.get((number, year), 0) for year in years)
        groups.append(([(number, year) for year in years], (number, ALL)))
    for year in [*years, ALL]:
        cells[(ALL, year)] = sum(cells[(number, year)] for number, _name in numbers)
        groups.append(([(number, year) for number, _name in numbers], (ALL, year)))
    groups.append(([(ALL, year) for year in years], (ALL, ALL)))
    view = _apply(cells, groups, suppressed)
    return Results(
        years=[
            {
                "financial_year": row["financial_year"],
                "supported": view[("supported", row["financial_year"])],
                "eligible": view[("eligible", row["financial_year"])],
                "successful": view[("successful", row["financial_year"])],
                "spend": row["spend"],
                "spend_per_successful": _per(
                    row["spend"], view[("successful", row["financial_year"])]
                ),
            }
            for row in by_year
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


def summary_from(figures: Figures, financial_year: str | None) -> dict[str, Any]:
    """A year's summary from the figures already read (the same numbers year_summary counts),
    or counted afresh for all years or a year outside them."""
    row = figures.year(financial_year) if financial_year else None
    if row is None:
        return year_summary(financial_year, figures.as_of)
    achieved = sum(figures.matrix.get((o.number, financial_year), 0) for o in figures.outcomes)
    spend = row["spend"]
    return {
        "financial_year": financial_year,
        "as_of": figures.as_of,
        "families_supported": row["families_supported"],
        "families_eligible": row["families_eligible"],
        "successful_family_outcomes": row["successful_family_outcomes"],
        "outcomes_achieved": achieved,
        "spend": spend,
        "spend_per_family_supported": per(spend, row["families_supported"]),
        "spend_per_successful_family_outcome": per(spend, row["successful_family_outcomes"]),
        "spend_per_outcome_achieved": per(spend, achieved),
    }


def year_figures(
    figures: Figures, financial_year: str | None, suppressed: bool = True
) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
    """One year's summary and outcome table, counts through the disclosure rule. Also returns
    the raw outcome rows, which the fiscal benefit estimate values."""
    summary = summary_from(figures, financial_year)
    counts = {
        key: summary[key]
        for key in [
            "families_supported",
            "families_eligible",
            "successful_family_outcomes",
            "outcomes_achieved",
        ]
    }
    view = _apply(counts, [], suppressed)
    raw = by_outcome(financial_year, figures.as_of)
    outcomes = []
    for row in raw:
        cells = _apply(
            {key: row[key] for key in ["families_with_need", "achieved", "sustained"]},
            [],
            suppressed,
        )
        outcomes.append({**row, **cells})
    shown_figures = {**summary, **view}
    shown_figures["spend_per_family_supported"] = _per(summary["spend"], view["families_supported"])
    shown_figures["spend_per_successful_family_outcome"] = _per(
        summary["spend"], view["successful_family_outcomes"]
    )
    shown_figures["spend_per_outcome_achieved"] = _per(summary["spend"], view["outcomes_achieved"])
    return shown_figures, outcomes, raw


def value_rows(
    financial_year: str | None,
    by: str,
    as_of: datetime.date | None = None,
    suppressed: bool = True,
) -> list[dict[str, Any]]:
    """Value for money per project, kind or fund, counts through the disclosure rule (each
    row's families overlap, so they add to no total and only primary suppression applies)."""
    rows = []
    for row in value_for_money(financial_year, by=by, as_of=as_of):
        view = _apply(
            {
                "families_supported": row.families_supported,
                "successful": row.successful,
                "outcomes_achieved": row.outcomes_achieved,
            },
            [],
            suppressed,
        )
        rows.append(
            {
                "label": row.label,
                "spend": row.spend,
                **view,
                "per_family_supported": _per(row.spend, view["families_supported"]),
                "per_successful": _per(row.spend, view["successful"]),
                "per_outcome_achieved": _per(row.spend, view["outcomes_achieved"]),
            }
        )
    return rows


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
