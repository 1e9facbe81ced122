"""Value for money per project, kind or fund as each audience may see it: counts through
the disclosure rule (``presenting``), spend per a hidden count hidden with it."""

import datetime
from typing import Any, cast

from django.core.paginator import Page, Paginator

from evaluations.selectors.presenting import per_shown, through_rule
from evaluations.selectors.value import (
    ValueRow,
    project_values,
    value_for_money,
    value_projects,
)


def _shown_values(rows: list[ValueRow], suppressed: bool) -> list[dict[str, Any]]:
    """Value for money rows, counts through the disclosure rule (each row's families overlap,
    so they add to no total and only primary suppression applies)."""
    shown_rows = []
    for row in rows:
        view = through_rule(
            {
                "families_supported": row.families_supported,
                "successful": row.successful,
                "outcomes_achieved": row.outcomes_achieved,
            },
            [],
            suppressed,
        )
        shown_rows.append(
            {
                "label": row.label,
                "spend": row.spend,
                **view,
                "per_family_supported": per_shown(row.spend, view["families_supported"]),
                "per_successful": per_shown(row.spend, view["successful"]),
                "per_outcome_achieved": per_shown(row.spend, view["outcomes_achieved"]),
            }
        )
    return shown_rows


def value_rows(
    financial_year: str | None,
    by: str,
    as_of: datetime.date | None = None,
    suppressed: bool = True,
) -> list[dict[str, Any]]:
    """Value for money per project, kind or fund, every row, as the audience may see it."""
    return _shown_values(value_for_money(financial_year, by=by, as_of=as_of), suppressed)


def value_page(
    financial_year: str | None,
    by: str,
    as_of: datetime.date,
    suppressed: bool,
    number: Any,
    per_page: int = 50,
) -> Page:
    """One page of ``value_rows``. By project, the projects are paged in SQL and only the
    page's are counted, so the page costs the same whatever the number of projects; by kind
    or fund, the few rows are counted together."""
    if by != "project":
        return Paginator(value_rows(financial_year, by, as_of, suppressed), per_page).get_page(
            number
        )
    projects = Paginator(value_projects(financial_year, as_of).only("reference", "title"), per_page)
    shown = projects.get_page(number)
    rows = project_values(list(shown.object_list), financial_year, as_of)
    # The same page of the same paginator, holding the rows shown for its projects.
    return Page(_shown_values(rows, suppressed), shown.number, cast(Paginator, shown.paginator))
