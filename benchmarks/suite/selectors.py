"""The value-for-money and budget-against-actual selectors against one hand-written SQL query
returning the same figures (checked equal before timing). The hand-written queries read the
tables the selectors read (spend from the ledger's monthly totals); each is also run once on
the ledger's lines, which checks the totals at this scale and shows what they save."""

from decimal import Decimal

from django.db import connection
from django.utils import timezone

from benchmarks.sizes import BUSY_YEAR
from benchmarks.suite.measure import median_time, paired_times
from core.financial_years import fy_bounds, fy_for_date, fy_quarter
from core.money import to_money
from evaluations.selectors.value import value_for_money
from projects.periods import Period
from projects.selectors.budget import budget_against_actual

MONTHS = "projects_spendmonth"
LINES = "projects_spendline"
SPENT = {MONTHS: "s.amount", LINES: "s.net_amount + s.irrecoverable_vat"}
DAY = {MONTHS: "s.month", LINES: "s.date"}

VALUE_SQL = """
SELECT p.id,
  (SELECT SUM({spent}) FROM {spend} s
    WHERE s.project_id = p.id AND {day} BETWEEN %(start)s AND %(end)s),
  (SELECT COUNT(DISTINCT fs.family_id) FROM evaluations_familysupport fs
    WHERE fs.project_id = p.id AND fs.start <= %(last)s
      AND (fs."end" IS NULL OR fs."end" >= %(start)s)),
  (SELECT COUNT(DISTINCT fs.family_id) FROM evaluations_familysupport fs
    JOIN evaluations_family f ON f.id = fs.family_id
    WHERE fs.project_id = p.id AND f.all_needs_sustained = %(yes)s
      AND f.sustain_until BETWEEN %(start)s AND %(last)s),
  (SELECT COUNT(DISTINCT n.id) FROM evaluations_familyneed n
    JOIN evaluations_familysupport fs ON fs.family_id = n.family_id
    WHERE fs.project_id = p.id AND n.achieved_on BETWEEN %(start)s AND %(last)s
      AND n.achieved_on >= fs.start)
FROM projects_project p
"""

BUDGET_SQL = """
SELECT p.id,
  (SELECT SUM(b.amount) FROM projects_budgetprofileline b
    WHERE b.project_id = p.id AND b.financial_year = %(year)s),
  (SELECT SUM({spent}) FROM {spend} s
    WHERE s.project_id = p.id AND {day} BETWEEN %(start)s AND %(end)s),
  (SELECT SUM(b.amount) FROM projects_budgetprofileline b
    WHERE b.project_id = p.id AND (b.financial_year > %(this_year)s
      OR (b.financial_year = %(this_year)s AND b.quarter > %(this_quarter)s))),
  (SELECT SUM({spent}) FROM {spend} s
    WHERE s.project_id = p.id)
FROM projects_project p ORDER BY p.reference
"""


def _money(value):
    return to_money(Decimal(str(value))) if value is not None else Decimal("0.00")


def _spending(budget_rows):
    """Each project's spend in the year and to date, from BUDGET_SQL's rows."""
    return [(pk, _money(spent), _money(to_date)) for pk, _b, spent, _f, to_date in budget_rows]


def _sql(query, params, spend=MONTHS):
    with connection.cursor() as cursor:
        cursor.execute(query.format(spend=spend, spent=SPENT[spend], day=DAY[spend]), params)
        return cursor.fetchall()


def _on_the_ledger(query, params):
    """The same query on the ledger's lines, once: its figures and its time."""
    seconds, rows = median_time(lambda: _sql(query, params, spend=LINES), 1)
    return rows, f"; on the ledger's lines it takes {seconds:,.1f} s"


def run(runs, today=None):
    today = today or timezone.localdate()
    start, end = fy_bounds(BUSY_YEAR)
    value_params = {"start": start, "end": end, "last": min(end, today), "yes": True}
    budget_params = {
        "year": BUSY_YEAR,
        "start": start,
        "end": end,
        "this_year": fy_for_date(today),
        "this_quarter": fy_quarter(today),
    }

    def ours_value():
        return value_for_money(BUSY_YEAR, by="project", as_of=today)

    def ours_budget():
        return budget_against_actual(Period(BUSY_YEAR), today=today)

    def sql_value():
        return _sql(VALUE_SQL, value_params)

    def sql_budget():
        return _sql(BUDGET_SQL, budget_params)

    rows, raw = ours_value(), sql_value()
    ours_value_time, sql_value_time, value_ratio = paired_times(ours_value, sql_value, runs)
    expected = {
        pk: (_money(spend), supported, wins, achieved)
        for pk, spend, supported, wins, achieved in raw
        if spend or supported or wins or achieved
    }
    got = {
        row.key: (row.spend, row.families_supported, row.successful, row.outcomes_achieved)
        for row in rows
    }
    ledger_rows, value_note = _on_the_ledger(VALUE_SQL, value_params)
    on_ledger = {pk: (_money(spend), *counts) for pk, spend, *counts in ledger_rows}
    if got != expected or on_ledger != {pk: (_money(spend), *counts) for pk, spend, *counts in raw}:
        raise AssertionError("value_for_money differs from the hand-written SQL")
    budget_rows, raw_budget = ours_budget(), sql_budget()
    ours_budget_time, sql_budget_time, budget_ratio = paired_times(ours_budget, sql_budget, runs)
    expected_budget = [(pk, _money(spent)) for pk, _budget, spent, _future, _all in raw_budget]
    ledger_budget, budget_note = _on_the_ledger(BUDGET_SQL, budget_params)
    if [(row.project.pk, row.spent) for row in budget_rows] != expected_budget or _spending(
        raw_budget
    ) != _spending(ledger_budget):
        raise AssertionError("budget_against_actual differs from the hand-written SQL")
    return [
        {
            "benchmark": f"Value for money by project, {BUSY_YEAR}",
            "size": len(rows),
            "unit": "projects",
            "ours_s": ours_value_time,
            "limit_s": sql_value_time,
            "ratio": value_ratio,
            "target": 2.0,
            "limit": "one hand-written SQL query, same figures" + value_note,
        },
        {
            "benchmark": f"Budget against actual, {BUSY_YEAR}",
            "size": len(budget_rows),
            "unit": "projects",
            "ours_s": ours_budget_time,
            "limit_s": sql_budget_time,
            "ratio": budget_ratio,
            "target": 1.2,
            "limit": "one hand-written SQL query, same figures" + budget_note,
        },
    ]
