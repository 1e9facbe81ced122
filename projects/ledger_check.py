"""Checking a whole ledger export before anything is written, as a finance system really
produces it: lines of other departments' cost centres are skipped and counted, an exact
repeat of a line is dropped once and reported, a split invoice (one transaction number, several
lines) imports line by line, and a totals row at the foot is checked against the lines and
skipped.

The file is read as a stream and its good rows are staged in the database (``StagedLine``),
where repeats, split invoices, lines already imported and lines that need attention are found
(projects.ledger_staging), so memory stays flat however long the file. ``staged`` runs the
check inside a transaction; the import writes the staged lines before it ends. Nothing here
writes to the ledger."""

import itertools
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce

from core.bulk import bulk_insert_rows
from core.tabular import FileProblem, choose_layout, open_table
from core.values import DecimalStyle, looks_decimal_comma, parse_date
from programme.import_layouts import layouts_for
from projects import ledger_staging
from projects.models import Project, StagedAttention, StagedLine
from projects.spend_csv import clean, net_amount

PROGRESS_EVERY = 5000
BATCH = 2000
# The rows the decimal style is first judged from; the whole file confirms it.
SAMPLE_ROWS = 1000
AMOUNTS = ("net_amount", "debit", "credit", "irrecoverable_vat")
# A ledger line's values as the file gives them, staged and then written to the ledger.
LINE_FIELDS = (
    "project_id",
    "transaction_number",
    "line_number",
    "date",
    "supplier",
    "description",
    "cost_centre",
    "expense_type",
    "net_amount",
    "irrecoverable_vat",
    "paid_to_individual",
)
STAGED = ("stage", "line", "unnumbered", *LINE_FIELDS)


@dataclass
class Skipped:
    lines: int = 0
    net: Decimal = Decimal("0.00")


@dataclass
class LedgerCheck:
    stage: str = ""
    rows: int = 0
    layout: str = ""
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (line number, reason)
    already_there: int = 0
    repeats: list = field(default_factory=list)  # the first (line, the line it repeats)
    repeat_count: int = 0
    other_cost_centres: dict = field(default_factory=dict)  # code -> Skipped
    total_line: int | None = None
    # The new lines: how many, their net, by cost centre and month [(cost centre, month,
    # lines, net, VAT)], the first of them and the first that need attention (StagedLine).
    added: int = 0
    new_net: Decimal = Decimal("0.00")
    summary: list = field(default_factory=list)
    first_lines: list = field(default_factory=list)
    needing_attention: list = field(default_factory=list)
    attention_count: int = 0
    # Set by the import once written.
    payments_matched: int = 0  # approved payments the new lines paid
    spend_import: Any = None

    def new_lines(self):
        """The new lines, while the check's transaction is open."""
        return StagedLine.objects.filter(stage=self.stage)

    def new_lines_with_attention(self):
        """The new lines, each with ``attention``: why it does not fit its project, or blank."""
        return self.new_lines().annotate(attention=Coalesce(F("flagged__text"), Value("")))

    def clear(self):
        StagedAttention.objects.filter(stage=self.stage).delete()
        self.new_lines().delete()


@contextmanager
def staged(source, filename="", layout_name=None, progress=None):
    """Check a whole file (``source``: bytes, or a function giving a fresh binary stream of
    it) inside a transaction, and yield the LedgerCheck: while it is open, ``new_lines()`` are the
    lines to write when ``errors`` is empty. ``progress(rows)`` hears how many rows have been
    checked, every few thousand."""
    checked = LedgerCheck(stage=secrets.token_hex(16))
    with transaction.atomic():
        _check(source, filename, layout_name, progress, checked)
        yield checked
        checked.clear()


def check(source, filename="", layout_name=None, progress=None):
    """Check a whole file and return what was found (the preview); nothing is kept."""
    with staged(source, filename, layout_name, progress) as checked:
        return checked


def _check(source, filename, layout_name, progress, checked):
    layouts = layouts_for("ledger")
    try:
        layout = choose_layout(layouts, layout_name) if layout_name else None
        table = open_table(source, filename, layouts, layout)
        checked.layout = table.layout.name
        checked.ignored_personal = table.ignored_personal
        decimal_comma = table.layout.decimal_comma
        if decimal_comma is None:
            decimal_comma = _sample_style(table)
        found = _stage(table, decimal_comma, checked, progress)
        if table.layout.decimal_comma is None and found != decimal_comma:
            # The sample misjudged the file: read it again as it really is.
            decimal_comma = found
            _stage(table, decimal_comma, checked, progress)
    except FileProblem as problem:
        checked.errors = [(problem.line, str(problem))]
        return
    checked.notes = table.read_notes()
    if decimal_comma and table.layout.decimal_comma is None:
        checked.notes.append("amounts written with decimal commas (1.234,56)")
    ledger_staging.analyse(checked)


def _sample_style(table):
    rows = itertools.islice(table.rows(), SAMPLE_ROWS)
    return looks_decimal_comma(raw.get(name, "") for _line, raw, _total in rows for name in AMOUNTS)


def _check_total(line, raw, sums, decimal_comma, checked):
    """A totals row must equal the lines above it: all of them (a grand total) or those
    since the last totals row (a subtotal)."""
    problems = []
    total = net_amount(raw, decimal_comma, problems)
    if problems or total is None:
        checked.errors.append((line, "this looks like a totals row, but its amount is unreadable"))
    elif total not in (sums["file"], sums["since_total"]):
        checked.errors.append(
            (
                line,
                f"the totals row says £{total:,.2f} but the lines above it add up to "
                f"£{sums['file']:,.2f}: the export may be missing lines",
            )
        )
    sums["since_total"] = Decimal("0.00")
    checked.total_line = line


def _dated(raw):
    try:
        parse_date(raw.get("date"))
    except ValueError:
        return False
    return True


def _stage(table, decimal_comma, checked, progress):
    """Read every row once: a bad row's problems are kept, a line of another cost centre is
    counted, a good one is staged. Returns whether the amounts were written with decimal
    commas, judged from the whole file."""
    checked.new_lines().delete()
    checked.rows, checked.errors, checked.total_line = 0, [], None
    checked.other_cost_centres = {}
    projects = {
        code.upper(): (pk, code) for code, pk in Project.objects.values_list("cost_centre", "pk")
    }
    # What the layout says the system calls our cost centres.
    aliases = {theirs.upper(): ours for theirs, ours in table.layout.aliases}
    style = DecimalStyle()
    sums = {"file": Decimal("0.00"), "since_total": Decimal("0.00")}
    batch = []
    for line, raw, total in table.rows():
        if total and not _dated(raw):
            _check_total(line, raw, sums, decimal_comma, checked)
            continue
        checked.rows += 1
        if progress and checked.rows % PROGRESS_EVERY == 0:
            progress(checked.rows)
        for name in AMOUNTS:
            style.see(raw.get(name, ""))
        values, problems = clean(raw, decimal_comma)
        sums["file"] += values["net_amount"] or 0
        sums["since_total"] += values["net_amount"] or 0
        code = values["cost_centre"].upper()
        project = projects.get(aliases.get(code, code).upper())
        if values["cost_centre"] and project is None:
            skipped = checked.other_cost_centres.setdefault(values["cost_centre"], Skipped())
            skipped.lines += 1
            skipped.net += values["net_amount"] or 0
            continue
        if problems:
            checked.errors += [(line, problem) for problem in problems]
            continue
        values.update(stage=checked.stage, line=line, project_id=project[0])
        values["unnumbered"] = values["line_number"] is None
        if values["unnumbered"]:
            values["line_number"] = 1
        values["cost_centre"] = project[1]
        batch.append(tuple(values[name] for name in STAGED))
        if len(batch) == BATCH:
            bulk_insert_rows(StagedLine, STAGED, batch)
            batch = []
    bulk_insert_rows(StagedLine, STAGED, batch)
    return style.decimal_comma
