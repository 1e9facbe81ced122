"""family_outcomes_import: a checked file is written all or nothing. Each family in the file is
replaced whole (its needs and the projects that supported it), so importing a newer export
updates families and importing the same file again changes nothing."""

import datetime
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.bulk import bulk_insert, bulk_insert_rows
from core.locks import one_at_a_time
from core.problems import ImportRefused, grouped
from evaluations import day_counts, project_counts
from evaluations.family_csv import CheckedFile
from evaluations.family_plans import FamilyRecord, episode_key
from evaluations.models import Family, FamilyImport, FamilyNeed, FamilySupport, RetiredCase
from evaluations.rules import Need, assess
from programme.models import Outcome, User
from projects.models import Project

BATCH = 1000
T = TypeVar("T")


@dataclass
class FamilyImportResult:
    rows: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    retired: int = 0
    errors: list = field(default_factory=list)
    family_import: FamilyImport | None = None
    # What the check noticed, for the preview: the layout, how the file was read, personal
    # data columns ignored, and what was done about a plan's differing rows.
    layout: str = ""
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def _batches(items: Iterable[T]) -> Iterator[list[T]]:
    items = iter(items)
    while batch := list(itertools.islice(items, BATCH)):
        yield batch


def _existing(
    records: Iterable[FamilyRecord], numbers: dict[int, int]
) -> dict[str, tuple[int, tuple]]:
    """{episode key: (pk, signature)} for a batch's plans already here."""
    found = {}
    hashes = {record.case_hash for record in records}
    families = Family.objects.filter(case_hash__in=hashes).prefetch_related("needs", "supports")
    for family in families:
        needs = sorted(
            (
                Need(numbers[n.outcome_id], n.identified_on, n.achieved_on, n.sustained)
                for n in family.needs.all()
            ),
            key=lambda need: need.outcome,
        )
        signature = (
            family.plan_start,
            family.case_closed,
            family.lead_organisation_id,
            family.lead_role,
            tuple(needs),
            tuple(sorted(s.project_id for s in family.supports.all())),
        )
        found[episode_key(family.case_hash, family.plan_start)] = (family.pk, signature)
    return found


def _retired(hashes: set[str]) -> set[str]:
    """The case references among a batch's that were deleted under the retention policy."""
    return set(RetiredCase.objects.filter(case_hash__in=hashes).values_list("case_hash", flat=True))


def _family(
    record: FamilyRecord, record_import: FamilyImport | None, pk: int | None = None
) -> Family:
    standing = assess(
        plan_start=record.plan_start,
        case_closed=record.case_closed,
        needs=list(record.needs.values()),
    )
    return Family(
        pk=pk,
        case_hash=record.case_hash,
        lead_organisation_id=record.organisation_id,
        lead_role=record.role,
        plan_start=record.plan_start,
        case_closed=record.case_closed,
        eligible=standing.eligible,
        all_needs_sustained=standing.all_needs_sustained,
        sustain_until=standing.sustain_until,
        family_import=record_import,
        updated_at=timezone.now(),
    )


ProjectDates = dict[int, tuple[datetime.date, datetime.date]]


@dataclass
class Changes:
    """How an import moves the results calendar and the projects' calendars."""

    days: Counter = field(default_factory=Counter)
    projects: Counter = field(default_factory=Counter)


def _count(
    change: Changes,
    families: list[Family],
    records: list[FamilyRecord],
    project_dates: ProjectDates,
) -> None:
    for family, record in zip(families, records, strict=True):
        supports = _supports(record, project_dates)
        needs = record.needs.values()
        change.days.update(
            day_counts.events_of(family, needs, [period for _project, period in supports])
        )
        change.projects.update(project_counts.events_of(family, needs, supports))


def _supports(
    record: FamilyRecord, project_dates: ProjectDates
) -> list[tuple[int, tuple[datetime.date, datetime.date]]]:
    """(project id, (first day, last day)) of each project that supported the plan: the
    project's dates within the plan's."""
    periods = []
    for project_id in sorted(record.projects):
        start, end = project_dates[project_id]
        closed = record.case_closed
        periods.append(
            (project_id, (max(record.plan_start, start), min(closed, end) if closed else end))
        )
    return periods


NEED_COLUMNS = ["family_id", "outcome_id", "identified_on", "achieved_on", "sustained"]
SUPPORT_COLUMNS = ["family_id", "project_id", "start", "end"]


def _children(
    record: FamilyRecord,
    family_id: int,
    outcome_pks: dict[int, int],
    project_dates: ProjectDates,
) -> tuple[list[tuple], list[tuple]]:
    """The family's need and support rows, as tuples of NEED_COLUMNS and SUPPORT_COLUMNS."""
    needs = [
        (family_id, outcome_pks[need.outcome], need.identified_on, need.achieved_on, need.sustained)
        for need in record.needs.values()
    ]
    supports = [
        (family_id, project_id, start, end)
        for project_id, (start, end) in _supports(record, project_dates)
    ]
    return needs, supports


def family_outcomes_import(
    *,
    user: User | None,
    checked: CheckedFile,
    filename: str,
    sha256: str,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> FamilyImportResult:
    """Write a checked case-management export. Raises ImportRefused, writing nothing, if
    the file had any bad row. ``user=None`` is the command line."""
    if user is not None and not user.has_perm("evaluations.add_familyimport"):
        raise PermissionDenied("Only the programme team imports family outcome records.")
    if checked.errors:
        raise ImportRefused(checked.errors)
    outcome_pks = dict(Outcome.objects.values_list("number", "pk"))
    numbers = {pk: number for number, pk in outcome_pks.items()}
    try:
        return _write(user, checked, filename, sha256, dry_run, progress, outcome_pks, numbers)
    except IntegrityError as error:
        # Most likely another import wrote some of these families between our reading and our
        # writing: the unique hash stopped a duplicate, and this transaction wrote nothing.
        raise ImportRefused(
            [
                (
                    1,
                    "The database refused the write (another import of these families may have "
                    "run at the same time). Nothing was imported; import the file again.",
                )
            ]
        ) from error


def _write(
    user: User | None,
    checked: CheckedFile,
    filename: str,
    sha256: str,
    dry_run: bool,
    progress: Callable[[int, int], None] | None,
    outcome_pks: dict[int, int],
    numbers: dict[int, int],
) -> FamilyImportResult:
    project_dates = {
        pk: (start, end)
        for pk, start, end in Project.objects.values_list("pk", "start_date", "end_date")
    }
    result = FamilyImportResult(
        rows=checked.rows,
        layout=checked.layout,
        notes=checked.notes,
        ignored_personal=checked.ignored_personal,
        warnings=grouped(checked.warnings),
    )
    with transaction.atomic():
        # One import at a time: a second import of the same file waits, then finds these
        # families and counts them as unchanged.
        one_at_a_time("evaluations.family_import")
        record_import = None
        if not dry_run:
            # Its counts are known once every plan has been sorted out, below.
            record_import = FamilyImport.objects.create(
                filename=filename[:255],
                sha256=sha256,
                imported_by=user,
                rows_in_file=checked.rows,
                families_added=0,
                families_updated=0,
                families_unchanged=0,
            )
        # The results calendar moves by what these families count now less what the changed
        # ones counted before.
        change = Changes()
        done = 0
        for batch in _batches(checked.plans()):
            new, changed = _sort_out(batch, numbers, result)
            if record_import is not None:
                _add(new, record_import, change, outcome_pks, project_dates)
                _replace(changed, record_import, change, outcome_pks, project_dates)
            done += len(batch)
            if progress:
                progress(done, checked.plan_count)
        if record_import is None:
            return result
        day_counts.apply(change.days)
        project_counts.apply(change.projects)
        record_import.families_added = result.added
        record_import.families_updated = result.updated
        record_import.families_unchanged = result.unchanged
        record_import.save(
            update_fields=["families_added", "families_updated", "families_unchanged"]
        )
        log(
            record_import,
            "evaluations.family_import",
            user=user,
            data={
                "file": filename,
                "added": result.added,
                "updated": result.updated,
                "unchanged": result.unchanged,
            },
        )
    result.family_import = record_import
    return result


def _sort_out(
    batch: list[FamilyRecord], numbers: dict[int, int], result: FamilyImportResult
) -> tuple[list[FamilyRecord], list[tuple[int, FamilyRecord]]]:
    """A batch's plans that are new and those that changed (with the pk of the family they
    replace), counting those unchanged and those of retired cases in the result."""
    existing = _existing(batch, numbers)
    retired = _retired({r.case_hash for r in batch if r.key not in existing})
    new, changed = [], []
    for record in batch:
        found = existing.get(record.key)
        if found is None and record.case_hash in retired:
            # Deleted under the retention policy and still counted in the calendar.
            result.retired += 1
        elif found is None:
            new.append(record)
        elif found[1] != record.signature():
            changed.append((found[0], record))
        else:
            result.unchanged += 1
    result.added += len(new)
    result.updated += len(changed)
    return new, changed


def _add(
    new: list[FamilyRecord],
    record_import: FamilyImport,
    change: Changes,
    outcome_pks: dict[int, int],
    project_dates: ProjectDates,
) -> None:
    if not new:
        return
    families = [_family(record, record_import) for record in new]
    bulk_insert(Family, families)
    _count(change, families, new, project_dates)
    pks = {
        episode_key(digest, plan_start): pk
        for digest, plan_start, pk in Family.objects.filter(
            case_hash__in={r.case_hash for r in new}
        ).values_list("case_hash", "plan_start", "pk")
    }
    _write_children([(pks[r.key], r) for r in new], outcome_pks, project_dates)


def _replace(
    changed: list[tuple[int, FamilyRecord]],
    record_import: FamilyImport,
    change: Changes,
    outcome_pks: dict[int, int],
    project_dates: ProjectDates,
) -> None:
    if not changed:
        return
    ids = [pk for pk, _record in changed]
    change.days.subtract(day_counts.counted(ids))
    change.projects.subtract(project_counts.counted(ids))
    families = [_family(record, record_import, pk=pk) for pk, record in changed]
    _count(change, families, [record for _pk, record in changed], project_dates)
    Family.objects.bulk_update(
        families,
        [
            "lead_organisation",
            "lead_role",
            "plan_start",
            "case_closed",
            "eligible",
            "all_needs_sustained",
            "sustain_until",
            "family_import",
            "updated_at",
        ],
    )
    FamilyNeed.objects.filter(family_id__in=ids).delete()
    FamilySupport.objects.filter(family_id__in=ids).delete()
    _write_children(changed, outcome_pks, project_dates)


def _write_children(
    pairs: list[tuple[int, FamilyRecord]],
    outcome_pks: dict[int, int],
    project_dates: ProjectDates,
) -> None:
    needs, supports = [], []
    for family_id, record in pairs:
        more_needs, more_supports = _children(record, family_id, outcome_pks, project_dates)
        needs += more_needs
        supports += more_supports
    bulk_insert_rows(FamilyNeed, NEED_COLUMNS, needs)
    bulk_insert_rows(FamilySupport, SUPPORT_COLUMNS, supports)
