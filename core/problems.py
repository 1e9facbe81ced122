"""An import's problems (``ImportRefused``), grouped so a file with one misspelling on 50,000
rows says so once: each kind of problem with its count, its first lines and an example, and
every problem as a CSV for those who want the list."""

import csv
import difflib
import io
import re
from dataclasses import dataclass, field

FIRST_LINES = 5


class ImportRefused(Exception):
    """Nothing was imported: ``problems`` lists (line number, reason) for every bad row."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problems; nothing was imported")


# What differs between two problems of one kind: a quoted value, a number, an amount.
VARIABLE = re.compile(r"'[^']*'|£[\d,.]+|\b\d[\d,./-]*\b")


@dataclass
class ProblemGroup:
    example: str
    count: int = 0
    lines: list = field(default_factory=list)

    @property
    def more(self):
        return self.count - len(self.lines)


def kind(reason):
    return VARIABLE.sub("…", reason)


def grouped(problems):
    """[(line, reason)] as ProblemGroups, the commonest kind first; a group keeps the first
    reason as its example and its first five lines."""
    groups: dict[str, ProblemGroup] = {}
    for line, reason in problems:
        group = groups.setdefault(kind(reason), ProblemGroup(example=reason))
        group.count += 1
        if len(group.lines) < FIRST_LINES:
            group.lines.append(line)
    return sorted(groups.values(), key=lambda group: (-group.count, group.lines[0]))


def describe(group):
    """One sentence for a group: 'Line 4: ... (and 1,233 more like it: lines 9, 12, ...)'."""
    text = f"Line {group.lines[0]}: {group.example}"
    if group.count > 1:
        lines = ", ".join(str(line) for line in group.lines[1:])
        text += f" ({group.count - 1:,} more like it, on lines {lines}"
        text += ", …)" if group.more else ")"
    return text


def as_csv(problems):
    """Every problem as CSV text: line, problem."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Line", "Problem"])
    for line, reason in problems:
        writer.writerow([line, reason])
    return out.getvalue()


def did_you_mean(value, choices):
    """' (did you mean 'X'?)' for the nearest of ``choices``, or ''."""
    nearest = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
    return f" (did you mean '{nearest[0]}'?)" if nearest else ""
