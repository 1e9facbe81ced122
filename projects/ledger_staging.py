"""What the database finds among a ledger file's staged lines (``StagedLine``), in statements
whose cost grows with the file but whose memory does not: exact repeats (dropped once and
reported), line numbers for split invoices that give none, two different lines under one
transaction and line number, lines imported before (counted, or refused if changed), lines in
a month finance has closed, and the lines that need attention. Then what the preview shows of
the new lines."""

from django.db import connection
from django.db.models import Count, Exists, F, Min, OuterRef, Window
from django.db.models.functions import TruncMonth

from core.money import MoneySum
from projects import attention
from projects.models import SpendLine, StagedLine
from projects.months import closed_months
from projects.spend_csv import ZERO

# Fields that make two rows the same line of the ledger, as the file gave them (a line with no
# number is staged as line 1, unnumbered, so it is not the same as one the file numbered 1).
SAME_LINE = (
    "date",
    "supplier",
    "description",
    "cost_centre",
    "expense_type",
    "net_amount",
    "transaction_number",
    "line_number",
    "unnumbered",
)
KEPT_REPEATS = 100
SHOWN = 20


def analyse(checked):
    _fresh_statistics()
    staged = checked.new_lines()
    if not checked.errors and checked.other_cost_centres and not staged.exists():
        codes = ", ".join(sorted(checked.other_cost_centres)[:5])
        checked.errors.append(
            (
                checked.total_line or 1,
                f"none of the file's {checked.rows:,} lines is for a programme project's cost "
                f"centre (the file's cost centres include {codes})",
            )
        )
    _drop_repeats(checked, staged)
    _number_split_invoices(checked.stage)
    _one_line_per_number(checked, staged)
    _against_ledger(checked, staged)
    checked.errors.sort()
    if not checked.errors:
        checked.attention_count = attention.flag(staged, checked.stage)
        _summarise(checked, staged)


def _fresh_statistics():
    """Tell PostgreSQL's planner what has just been staged. A table last analysed while empty
    is planned as empty, and the joins below then take time growing with the square of the
    file (a 50,000-line file took over ten minutes)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(StagedLine._meta.db_table)}")


def _first_of(staged, fields):
    """Each staged line with the file line of the first line sharing its ``fields``."""
    return staged.annotate(first=Window(Min("line"), partition_by=[F(name) for name in fields]))


def _drop_repeats(checked, staged):
    repeats = _first_of(staged, SAME_LINE).filter(line__gt=F("first"))
    checked.repeat_count = repeats.count()
    if checked.repeat_count:
        checked.repeats = list(repeats.order_by("line").values_list("line", "first")[:KEPT_REPEATS])
        StagedLine.objects.filter(pk__in=repeats.values("pk")).delete()


def _number_split_invoices(stage):
    """A line with no line number is numbered after the transaction's earlier unnumbered
    lines, in file order. Each was staged as line 1, so only a split invoice's later lines
    are written: one UPDATE ... FROM, which PostgreSQL and SQLite both have."""
    table = StagedLine._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET line_number = numbered.n FROM ("  # noqa: S608 - names are ours
            f"SELECT id, ROW_NUMBER() OVER (PARTITION BY transaction_number ORDER BY line) AS n "
            f"FROM {table} WHERE stage = %s AND unnumbered) AS numbered "
            f"WHERE {table}.id = numbered.id AND numbered.n > 1",
            [stage],
        )


def _one_line_per_number(checked, staged):
    clashes = _first_of(staged, ("transaction_number", "line_number")).filter(line__gt=F("first"))
    checked.errors += [
        (
            line,
            f"transaction {number} line {line_number} is also on line {first} with "
            "different values",
        )
        for line, number, line_number, first in clashes.values_list(
            "line", "transaction_number", "line_number", "first"
        )
    ]


def _against_ledger(checked, staged):
    """Lines already imported are counted and dropped; a changed one, or one in a closed
    month, is a problem."""
    same = SpendLine.objects.filter(
        transaction_number=OuterRef("transaction_number"), line_number=OuterRef("line_number")
    )
    changed = staged.filter(
        Exists(
            same.exclude(
                date=OuterRef("date"),
                net_amount=OuterRef("net_amount"),
                irrecoverable_vat=OuterRef("irrecoverable_vat"),
                cost_centre=OuterRef("cost_centre"),
            )
        )
    )
    checked.errors += [
        (
            line,
            f"transaction {number} line {line_number} was imported before with a different "
            "date, amount or cost centre",
        )
        for line, number, line_number in changed.values_list(
            "line", "transaction_number", "line_number"
        )
    ]
    there = staged.filter(Exists(same))
    checked.already_there = there.count()
    if checked.already_there:
        there.delete()
    closed = closed_months()
    if closed:
        in_closed = staged.annotate(month=TruncMonth("date")).filter(month__in=closed)
        checked.errors += [
            (line, f"dated in {day:%B %Y}, a month finance has closed")
            for line, day in in_closed.values_list("line", "date")
        ]


def _summarise(checked, staged):
    """The new lines by cost centre and month (a few rows a project), and their totals from
    those rows."""
    checked.summary = list(
        staged.annotate(month=TruncMonth("date"))
        .values("cost_centre", "month")
        .annotate(lines=Count("pk"), net=MoneySum("net_amount"), vat=MoneySum("irrecoverable_vat"))
        .order_by("cost_centre", "month")
        .values_list("cost_centre", "month", "lines", "net", "vat")
    )
    checked.added = sum(lines for _code, _month, lines, _net, _vat in checked.summary)
    checked.new_net = sum((net for _code, _month, _lines, net, _vat in checked.summary), ZERO)
    shown = checked.new_lines_with_attention()
    checked.first_lines = list(shown.order_by("line")[:SHOWN])
    flagged = shown.filter(flagged__isnull=False)
    checked.needing_attention = list(flagged.order_by(*attention.SPENT_ORDER)[:SHOWN])
