"""spend_import: the whole file is validated first; nothing is written unless every row is
good; lines already imported are counted, not added again. The file is read as a stream and
its checked lines go into the ledger in one INSERT ... SELECT, so memory stays flat however
long it is."""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Value
from django.utils import timezone
from wagtail.log_actions import log

from core.bulk import insert_select
from core.file_formats import sha256_of
from core.locks import one_at_a_time
from core.problems import ImportRefused
from core.search import index_matching
from programme.models import User
from projects import spend_totals
from projects.ledger_check import LINE_FIELDS, LedgerCheck, check, staged
from projects.models import SpendImport, SpendLine
from projects.services.agreements import payments_match_import


def spend_import(
    *,
    user: User | None,
    data: bytes | Callable,
    filename: str,
    layout: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    checking: Callable[[int], None] | None = None,
) -> LedgerCheck:
    """Import ledger lines from an export (``data``: its bytes, or a function giving a fresh
    binary stream of it; ``layout`` names its layout, otherwise it is found from the
    headings). Raises ImportRefused (with every bad row by line number) and writes nothing if
    any row is bad. ``user=None`` is the command line. ``checking(rows)`` and
    ``progress(written, total)`` hear how far the check and the writing have got."""
    if user is not None and not user.has_perm("projects.add_spendline"):
        raise PermissionDenied("Only finance can import spend.")
    if dry_run:
        result = check(data, filename, layout, checking)
        if result.errors:
            raise ImportRefused(result.errors)
        return result
    with transaction.atomic():
        # Imports run one at a time and check inside the transaction, so a second import of
        # the same file started at once waits, then finds these lines already there. The
        # unique transaction number is the last guard against a double write.
        one_at_a_time("projects.spend_import")
        with staged(data, filename, layout, checking) as result:
            if result.errors:
                raise ImportRefused(result.errors)
            record = SpendImport.objects.create(
                filename=filename[:255],
                sha256=sha256_of(data),
                imported_by=user,
                rows_in_file=result.rows,
                rows_added=result.added,
                rows_already_there=result.already_there,
            )
            lines = result.new_lines_with_attention().annotate(
                import_id=Value(record.pk), explanation=Value("")
            )
            insert_select(
                SpendLine,
                [*LINE_FIELDS, "attention", "spend_import_id", "explanation"],
                lines.values_list(*LINE_FIELDS, "attention", "import_id", "explanation"),
            )
        if progress:
            progress(result.added, result.added)
        spend_totals.add_lines(record.lines.all())
        # Queued in this transaction: it runs once the import has committed (at once where
        # tasks run in the request, as in tests).
        index_matching.enqueue("projects.SpendLine", "spend_import_id", record.pk)
        result.payments_matched = payments_match_import(record)
        log(
            record,
            "projects.spend_import",
            user=user,
            data={
                "file": filename,
                "layout": result.layout,
                "added": result.added,
                "already_there": result.already_there,
                "repeats_dropped": result.repeat_count,
                "other_cost_centres": sum(s.lines for s in result.other_cost_centres.values()),
            },
        )
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
