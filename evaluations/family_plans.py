"""A checked file's family plans, one at a time. The good rows, sorted by case, plan start and
line (core.external_sort), are gathered here into plans, each row checked against its plan's
first; the plans are kept a JSON line each (hashes only, never a case reference) in a file the
import reads back as often as it needs, which also stands in for the upload between a preview
and its confirmation. Nothing holds more than one plan, whatever the file's size."""

import datetime
import itertools
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, NamedTuple

from evaluations.rules import Need


class Row(NamedTuple):
    """A good row of the file, in the order plans are gathered in."""

    case_hash: str
    plan_start: datetime.date
    line: int
    case_closed: datetime.date | None
    organisation_id: int | None
    role: str
    outcome: int
    identified_on: datetime.date
    achieved_on: datetime.date | None
    sustained: bool | None
    projects: tuple


def episode_key(digest, plan_start):
    return f"{digest}:{plan_start.isoformat()}"


@dataclass
class FamilyRecord:
    """One plan (episode) of one case."""

    case_hash: str
    first_line: int
    plan_start: datetime.date
    case_closed: datetime.date | None
    organisation_id: int | None
    role: str
    needs: dict = field(default_factory=dict)  # outcome number -> Need
    projects: set = field(default_factory=set)  # project ids
    # The row the lead practitioner was taken from: (need identified, line).
    lead_from: tuple = ()

    @property
    def key(self):
        return episode_key(self.case_hash, self.plan_start)

    def signature(self):
        return (
            self.plan_start,
            self.case_closed,
            self.organisation_id,
            self.role,
            tuple(sorted(self.needs.values(), key=lambda need: need.outcome)),
            tuple(sorted(self.projects)),
        )


def _lead(record, row, warnings):
    """A plan whose lead practitioner changed takes the one on its latest need, saying so."""
    lead = (row.organisation_id, row.role)
    if lead == (record.organisation_id, record.role):
        return
    taken_from = (row.identified_on, row.line)
    if taken_from > record.lead_from:
        kept_line, record.lead_from = row.line, taken_from
        record.organisation_id, record.role = lead
    else:
        kept_line = record.lead_from[1]
    warnings.append(
        (
            row.line,
            "the lead practitioner differs from another row of the same plan; the one on the "
            f"latest need (line {kept_line}) is kept",
        )
    )


def _plan(rows: Iterable[Row], errors: list, warnings: list) -> FamilyRecord:
    """One plan from its rows, in line order, reporting where a row disagrees with the
    plan's first."""
    need_lines: dict[int, int] = {}
    record = None
    for row in rows:
        if record is None:
            record = FamilyRecord(
                case_hash=row.case_hash,
                first_line=row.line,
                plan_start=row.plan_start,
                case_closed=row.case_closed,
                organisation_id=row.organisation_id,
                role=row.role,
                lead_from=(row.identified_on, row.line),
            )
        problems = []
        if record.case_closed != row.case_closed:
            problems.append(
                f"case closed differs from line {record.first_line} for the same plan (a plan "
                "starting on the same day)"
            )
        if row.outcome in need_lines:
            problems.append(
                f"outcome {row.outcome} is already on line {need_lines[row.outcome]} for this plan"
            )
        if problems:
            errors += [(row.line, problem) for problem in problems]
            continue
        _lead(record, row, warnings)
        need_lines[row.outcome] = row.line
        record.needs[row.outcome] = Need(
            row.outcome, row.identified_on, row.achieved_on, row.sustained
        )
        record.projects.update(row.projects)
    assert record is not None
    return record


def gather(rows: Iterable[Row], errors: list, warnings: list) -> Iterator[FamilyRecord]:
    """The plans of rows sorted by case, plan start and line, one at a time."""
    for _episode, plan_rows in itertools.groupby(rows, key=lambda row: row[:2]):
        yield _plan(plan_rows, errors, warnings)


def _day(text):
    return datetime.date.fromisoformat(text) if text else None


def as_line(record: FamilyRecord) -> str:
    return json.dumps(
        [
            record.case_hash,
            record.first_line,
            record.plan_start.isoformat(),
            record.case_closed and record.case_closed.isoformat(),
            record.organisation_id,
            record.role,
            sorted(record.projects),
            [
                [
                    need.outcome,
                    need.identified_on.isoformat(),
                    need.achieved_on and need.achieved_on.isoformat(),
                    need.sustained,
                ]
                for need in record.needs.values()
            ],
        ]
    )


def from_line(line: str) -> FamilyRecord:
    digest, first_line, plan_start, closed, organisation_id, role, projects, needs = json.loads(
        line
    )
    return FamilyRecord(
        case_hash=digest,
        first_line=first_line,
        plan_start=datetime.date.fromisoformat(plan_start),
        case_closed=_day(closed),
        organisation_id=organisation_id,
        role=role,
        projects=set(projects),
        needs={
            number: Need(number, _day(identified), _day(achieved), sustained)
            for number, identified, achieved, sustained in needs
        },
    )


PlansOpener = Callable[[], IO[str]]


def read(opener: PlansOpener) -> Iterator[FamilyRecord]:
    with opener() as handle:
        for line in handle:
            yield from_line(line)


class PlanFile:
    """A temporary file of plans, a JSON line each, deleted when this is closed or
    dropped."""

    def __init__(self, plans: Iterable[FamilyRecord]):
        # Deleted when this is dropped, not at the end of a block: the import reads it later.
        self._file = tempfile.NamedTemporaryFile("w+", encoding="utf-8", suffix=".jsonl")  # noqa: SIM115
        self.count = 0
        for record in plans:
            self._file.write(as_line(record) + "\n")
            self.count += 1
        self._file.flush()

    def open(self) -> IO[str]:
        return open(self._file.name, encoding="utf-8")

    def open_bytes(self) -> IO[bytes]:
        return open(self._file.name, "rb")
