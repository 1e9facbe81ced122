"""spend_import: the whole file is validated first; nothing is written unless every row is
good; lines already imported are counted, not added again."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.bulk import bulk_insert
from core.imports import ImportRefused
from core.locks import one_at_a_time
from programme.models import User
from projects import attention, spend_totals
from projects.models import Project, SpendImport, SpendLine
from projects.months import closed_months
from projects.spend_csv import FileProblem, clean, decode, read

BATCH = 2000


@dataclass
class ImportResult:
    rows: int = 0
    added: int = 0
    already_there: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)
    preview: list = field(default_factory=list)
    # New lines that do not fit their project (projects.attention): they still import.
    needing_attention: list = field(default_factory=list)
    spend_import: SpendImport | None = None


def _same(existing: SpendLine, values: dict[str, Any]) -> bool:
    return (
        existing.date,
        existing.net_amount,
        existing.irrecoverable_vat,
        existing.cost_centre,
    ) == (
        values["date"],
        values["net_amount"],
        values["irrecoverable_vat"],
        values["cost_centre"],
    )


def check(data: bytes) -> tuple[ImportResult, list[SpendLine]]:
    """Validate a whole file; returns the result and the new lines to write."""
    result = ImportResult()
    try:
        rows = list(read(decode(data, "the finance system")))
    except FileProblem as problem:
        result.errors.append((1, str(problem)))
        return result, []
    projects = dict(Project.objects.values_list("cost_centre", "pk"))
    closed = closed_months()
    seen: dict[str, int] = {}
    cleaned = []
    for line, raw in rows:
        values, problems = clean(raw)
        if values["cost_centre"] and values["cost_centre"] not in projects:
            problems.append(f"unknown cost centre '{values['cost_centre']}'")
        number = values["transaction_number"]
        if number in seen:
            problems.append(f"duplicate transaction number {number} (also on line {seen[number]})")
        seen.setdefault(number, line)
        result.errors += [(line, problem) for problem in problems]
        cleaned.append((line, values))
    result.rows = len(rows)
    existing = {
        line.transaction_number: line
        for line in SpendLine.objects.filter(transaction_number__in=list(seen))
    }
    new = []
    for line, values in cleaned:
        old = existing.get(values["transaction_number"])
        if old is not None:
            if not _same(old, values):
                result.errors.append(
                    (
                        line,
                        f"transaction {old.transaction_number} was imported "
                        "before with a different date, amount or cost centre",
                    )
                )
            result.already_there += 1
            continue
        if values.get("date") and values["date"].replace(day=1) in closed:
            result.errors.append(
                (line, f"dated in {values['date']:%B %Y}, a month finance has closed")
            )
            continue
        if values["cost_centre"] in projects:
            new.append(SpendLine(project_id=projects[values["cost_centre"]], **values))
    result.errors.sort()
    result.preview = new[:20]
    if not result.errors:
        attention.flag(new)
        result.needing_attention = [line for line in new if line.attention]
    return result, new


def spend_import(
    *,
    user: User | None,
    data: bytes,
    filename: str,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import ledger lines from a CSV export. Raises ImportRefused (with every bad row by
    line number) and writes nothing if any row is bad. ``user=None`` is the command line."""
    if user is not None and not user.has_perm("projects.add_spendline"):
        raise PermissionDenied("Only finance can import spend.")
    if dry_run:
        result, new = check(data)
        if result.errors:
            raise ImportRefused(result.errors)
        result.added = len(new)
        return result
    with transaction.atomic():
        # Imports run one at a time and check inside the transaction, so a second import of
        # the same file started at once waits, then finds these lines already there. The
        # unique transaction number is the last guard against a double write.
        one_at_a_time("projects.spend_import")
        result, new = check(data)
        if result.errors:
            raise ImportRefused(result.errors)
        record = SpendImport.objects.create(
            filename=filename[:255],
            sha256=hashlib.sha256(data).hexdigest(),
            imported_by=user,
            rows_in_file=result.rows,
            rows_added=len(new),
            rows_already_there=result.already_there,
        )
        for start in range(0, len(new), BATCH):
            batch = new[start : start + BATCH]
            for line in batch:
                line.spend_import = record
            bulk_insert(SpendLine, batch)
            if progress:
                progress(min(start + BATCH, len(new)), len(new))
        spend_totals.add_lines(new)
        log(
            record,
            "projects.spend_import",
            user=user,
            data={"file": filename, "added": len(new), "already_there": result.already_there},
        )
    result.added = len(new)
    result.spend_import = record
    return result


@transaction.atomic
def spend_line_explain(*, user: User, line: SpendLine, explanation: str) -> SpendLine:
    """Finance explains a line on the "needs attention" list (a payment in advance agreed by
    the programme team, a miscoded cost centre to be journalled), which takes it off."""
    if not user.has_perm("projects.add_spendline"):
        raise PermissionDenied("Only finance, who keep the ledger, explain its lines.")
    line = SpendLine.objects.select_for_update().get(pk=line.pk)
    if not line.attention:
        raise ValidationError("This line fitted its project when it was imported.")
    if line.explained_at is not None:
        raise ValidationError("This line has been explained already.")
    if not explanation.strip():
        raise ValidationError({"explanation": "Say why this line is right, or what will be done"})
    line.explanation = explanation.strip()
    line.explained_by = user
    line.explained_at = timezone.now()
    line.save(update_fields=["explanation", "explained_by", "explained_at"])
    log(
        line.project,
        "projects.spend_explained",
        user=user,
        data={"transaction": line.transaction_number, "reason": line.attention},
    )
    return line
