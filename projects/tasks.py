"""The ledger import's background steps (core.import_runs): check the kept upload and keep
its preview; once confirmed, write it. Each runs as the person who uploaded the file, held to
their permissions by the import service."""

from django_tasks import task

from core.import_runs import run_check, run_write
from projects.services import spend_import

KIND = "projects.ledger"


def _money(amount):
    return f"{amount:.2f}"


def _line(line):
    return {
        "transaction_number": line.transaction_number,
        "line_number": line.line_number,
        "date": f"{line.date:%-d %b %Y}",
        "supplier": line.supplier,
        "cost_centre": line.cost_centre,
        "net_amount": _money(line.net_amount),
        "irrecoverable_vat": _money(line.irrecoverable_vat),
        "attention": line.attention,
    }


def preview_of(result):
    """What the preview shows of a checked ledger file, as JSON data."""
    return {
        "nothing_new": result.added == 0,
        "layout": result.layout,
        "notes": result.notes,
        "ignored_personal": result.ignored_personal,
        "rows": result.rows,
        "added": result.added,
        "already_there": result.already_there,
        "summary": [
            [code, f"{month:%B %Y}", lines, _money(net), _money(vat)]
            for code, month, lines, net, vat in result.summary
        ],
        "other_cost_centres": [
            [code, skipped.lines, _money(skipped.net)]
            for code, skipped in sorted(result.other_cost_centres.items())
        ],
        "repeats": result.repeats[:10],
        "repeat_count": result.repeat_count,
        "total_line": result.total_line,
        "first_lines": [_line(line) for line in result.first_lines],
        "needing_attention": [_line(line) for line in result.needing_attention],
        "attention_count": result.attention_count,
    }


def _check(run, data, progress):
    result = spend_import(
        user=run.started_by,
        data=data,
        filename=run.filename,
        layout=run.layout,
        dry_run=True,
        checking=progress.checked,
    )
    return preview_of(result), None


def _write(run, data, progress):
    result = spend_import(
        user=run.started_by,
        data=data,
        filename=run.filename,
        layout=run.layout,
        checking=progress.checked,
        progress=progress.written,
    )
    attention = result.attention_count
    return (
        f"{run.filename}: {result.added:,} lines added, {result.already_there:,} already there"
        + (f", {attention:,} needing attention." if attention else ".")
    )


@task(backend="imports")
def ledger_check(run_id: int) -> None:
    run_check(run_id, _check)


@task(backend="imports")
def ledger_write(run_id: int) -> None:
    run_write(run_id, _write)
