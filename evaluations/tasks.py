"""The family import's background steps (core.import_runs): check the kept upload, keep the
checked families in place of it (hashes only: the case references and any other personal data
in the upload are gone once it is checked), and once confirmed, write them."""

import io

from django.utils import timezone
from django_tasks import task

from core.import_runs import run_check, run_write
from evaluations import family_csv
from evaluations.services import family_outcomes_import

KIND = "evaluations.families"


def preview_of(result):
    return {
        "nothing_new": result.added == 0 and result.updated == 0,
        "layout": result.layout,
        "notes": result.notes,
        "ignored_personal": result.ignored_personal,
        "rows": result.rows,
        "plans": result.added + result.updated + result.unchanged + result.retired,
        "added": result.added,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "retired": result.retired,
        "warnings": [
            {"example": group.example, "count": group.count, "lines": group.lines}
            for group in result.warnings
        ],
    }


def _check(run, data, progress):
    checked = family_csv.check(
        data, today=timezone.localdate(), filename=run.filename, layout=run.layout,
        progress=progress.checked,
    )  # fmt: skip
    result = family_outcomes_import(
        user=run.started_by,
        checked=checked,
        filename=run.filename,
        sha256=run.sha256,
        dry_run=True,
    )
    return preview_of(result), checked.plan_file.open_bytes()


def _write(run, data, progress):
    checked = family_csv.CheckedFile.kept(
        lambda: io.TextIOWrapper(data(), encoding="utf-8"),
        rows=run.preview["rows"],
        plan_count=run.preview.get("plans", 0),
    )
    result = family_outcomes_import(
        user=run.started_by,
        checked=checked,
        filename=run.filename,
        sha256=run.sha256,
        progress=progress.written,
    )
    return (
        f"{run.filename}: {result.added:,} family plans added, {result.updated:,} updated, "
        f"{result.unchanged:,} unchanged."
        + (
            f" {result.retired:,} past the retention period were not added again."
            if result.retired
            else ""
        )
    )


@task(backend="imports")
def families_check(run_id: int) -> None:
    run_check(run_id, _check)


@task(backend="imports")
def families_write(run_id: int) -> None:
    run_write(run_id, _write)
