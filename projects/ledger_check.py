"""Checking a whole ledger export before anything is written, as a finance system really
produces it: lines of other departments' cost centres are skipped and counted, an exact
repeat of a line is dropped once and reported, a split invoice (one transaction number, several
lines) imports line by line, and a totals row at the foot is checked against the lines and
skipped. Nothing here writes to the database."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.tabular import FileProblem, choose_layout, open_table
from core.values import looks_decimal_comma, parse_date
from programme.import_layouts import layouts_for
from projects.models import Project, SpendLine
from projects.months import closed_months
from projects.spend_csv import clean, net_amount

PROGRESS_EVERY = 5000
# Fields that make two rows the same line of the ledger.
SAME_LINE = ("date", "supplier", "description", "cost_centre", "expense_type", "net_amount")


@dataclass
class Skipped:
    lines: int = 0
    net: Decimal = Decimal("0.00")


@dataclass
class LedgerCheck:
    rows: int = 0
    layout: str = ""
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (line number, reason)
    new: list = field(default_factory=list)  # SpendLine, unsaved
    already_there: int = 0
    repeats: list = field(default_factory=list)  # (line, the line it repeats)
    other_cost_centres: dict = field(default_factory=dict)  # code -> Skipped
    total_line: int | None = None
    # Set by the import once written.
    added: int = 0
    payments_matched: int = 0  # approved payments the new lines paid (set by the import)
    needing_attention: list = field(default_factory=list)
    spend_import: Any = None

    @property
    def new_net(self):
        return sum((line.net_amount for line in self.new), Decimal("0.00"))

    def summary(self):
        """The new lines by cost centre and month: [(cost centre, month, lines, net, VAT)]."""
        groups = defaultdict(lambda: [0, Decimal("0.00"), Decimal("0.00")])
        for line in self.new:
            group = groups[(line.cost_centre, line.date.replace(day=1))]
            group[0] += 1
            group[1] += line.net_amount
            group[2] += line.irrecoverable_vat
        return [(*key, *value) for key, value in sorted(groups.items())]


def _file_rows(data, filename, layout_name, checked):
    layouts = layouts_for("ledger")
    try:
        layout = choose_layout(layouts, layout_name) if layout_name else None
        table = open_table(data, filename, layouts, layout)
        rows = list(table.rows())
    except FileProblem as problem:
        checked.errors.append((problem.line, str(problem)))
        return None, []
    checked.layout = table.layout.name
    checked.notes = table.read_notes()
    checked.ignored_personal = table.ignored_personal
    return table.layout, rows


def _decimal_comma(layout, rows, checked):
    if layout.decimal_comma is not None:
        return layout.decimal_comma
    amounts = (
        raw.get(name, "")
        for _line, raw, _total in rows
        for name in ("net_amount", "debit", "credit", "irrecoverable_vat")
    )
    if looks_decimal_comma(amounts):
        checked.notes.append("amounts written with decimal commas (1.234,56)")
        return True
    return False


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


def check(data, filename="", layout_name=None, progress=None):
    """Check a whole file. ``checked.new`` holds the lines to write when ``checked.errors`` is
    empty. ``progress(rows)`` hears how many rows have been checked, every few thousand."""
    checked = LedgerCheck()
    layout, rows = _file_rows(data, filename, layout_name, checked)
    if layout is None:
        return checked
    decimal_comma = _decimal_comma(layout, rows, checked)
    projects = {
        code.upper(): (pk, code) for code, pk in Project.objects.values_list("cost_centre", "pk")
    }
    # What the layout says the system calls our cost centres.
    aliases = {theirs.upper(): ours for theirs, ours in layout.aliases}
    seen_values = {}  # the line's values -> its line number
    numbered = {}  # (transaction, line number) -> line number in the file
    next_number = defaultdict(int)
    ours = []
    sums = {"file": Decimal("0.00"), "since_total": Decimal("0.00")}
    for line, raw, total in rows:
        if total and not _dated(raw):
            _check_total(line, raw, sums, decimal_comma, checked)
            continue
        checked.rows += 1
        if progress and checked.rows % PROGRESS_EVERY == 0:
            progress(checked.rows)
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
        key = tuple(values[name] for name in (*SAME_LINE, "transaction_number", "line_number"))
        if key in seen_values:
            checked.repeats.append((line, seen_values[key]))
            continue
        seen_values[key] = line
        number = values["transaction_number"]
        if values["line_number"] is None:
            next_number[number] += 1
            values["line_number"] = next_number[number]
        where = (number, values["line_number"])
        if where in numbered:
            checked.errors.append(
                (
                    line,
                    f"transaction {number} line {values['line_number']} is also on line "
                    f"{numbered[where]} with different values",
                )
            )
            continue
        numbered[where] = line
        values["cost_centre"] = project[1]
        ours.append((line, project[0], values))
    if not ours and not checked.errors and checked.other_cost_centres:
        codes = ", ".join(sorted(checked.other_cost_centres)[:5])
        checked.errors.append(
            (
                checked.total_line or 1,
                f"none of the file's {checked.rows:,} lines is for a programme project's cost "
                f"centre (the file's cost centres include {codes})",
            )
        )
    _against_ledger(ours, numbered, checked)
    checked.errors.sort()
    return checked


def _against_ledger(ours, numbered, checked):
    """Lines already imported are counted; a changed one, or one in a closed month, is a
    problem."""
    existing = {}
    numbers = sorted({number for number, _line in numbered})
    for start in range(0, len(numbers), 1000):
        for old in SpendLine.objects.filter(transaction_number__in=numbers[start : start + 1000]):
            existing[(old.transaction_number, old.line_number)] = old
    closed = closed_months()
    for line, project_id, values in ours:
        old = existing.get((values["transaction_number"], values["line_number"]))
        if old is not None:
            if (old.date, old.net_amount, old.irrecoverable_vat, old.cost_centre) != (
                values["date"],
                values["net_amount"],
                values["irrecoverable_vat"],
                values["cost_centre"],
            ):
                checked.errors.append(
                    (
                        line,
                        f"transaction {old.transaction_number} line {old.line_number} was "
                        "imported before with a different date, amount or cost centre",
                    )
                )
            checked.already_there += 1
            continue
        if values["date"].replace(day=1) in closed:
            checked.errors.append(
                (line, f"dated in {values['date']:%B %Y}, a month finance has closed")
            )
            continue
        checked.new.append(SpendLine(project_id=project_id, **values))
