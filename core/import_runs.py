"""Back-office imports run in the background, on Django's task framework (the ``imports``
task backend: the database, worked by ``manage.py db_worker --backend imports``). The request
only keeps the upload and queues its check; the worker checks it and keeps the preview, then,
once the person confirms, writes it. The page shows how far the worker has got: rows checked,
rows written. What each import checks and writes is its own (projects.tasks,
evaluations.tasks); the steps and their bookkeeping are here."""

import datetime
import hashlib
import logging
import secrets

from django.core.files.base import ContentFile, File
from django.core.files.storage import storages
from django.utils import timezone

from core.models import ImportRun
from core.problems import ImportRefused, as_csv, grouped

logger = logging.getLogger(__name__)
FOLDER = "imports"
# How long a checked upload waits for its confirmation; past it the file is deleted.
PREVIEW_LIFE = datetime.timedelta(hours=24)
# How many kinds of problem a run keeps to show; every problem is in its CSV.
SHOWN_GROUPS = 100
NOTHING_NEW = "Everything in the file is already here, so nothing was imported."


def _storage():
    return storages["private"]


def import_start(*, user, kind, upload, layout, task) -> ImportRun:
    """Keep the upload (copied in chunks, never whole in memory) and queue its check."""
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    kept = _storage().save(f"{FOLDER}/upload-{secrets.token_hex(16)}", upload)
    run = ImportRun.objects.create(
        kind=kind,
        started_by=user,
        filename=upload.name[:255],
        layout=layout or "",
        sha256=digest.hexdigest(),
        kept=kept,
    )
    task.enqueue(run.pk)
    return run


def _progress_name(run):
    return f"{FOLDER}/progress-{run.pk}"


def progress_of(run):
    """(rows checked, rows written): the worker writes them to a small file, since an import
    writes inside one transaction no other connection can see into."""
    try:
        with _storage().open(_progress_name(run)) as handle:
            checked, written = handle.read().decode().split()
        return int(checked), int(written)
    except (FileNotFoundError, ValueError):
        return 0, 0


class Progress:
    """What the worker reports as it goes: rows checked (``checked(rows)``), then rows
    written (``written(rows, total)``); the page reads them with ``progress_of``."""

    def __init__(self, run):
        self.run, self.rows_checked, self.rows_written = run, 0, 0

    def checked(self, count):
        self.rows_checked = count
        self._save()

    def written(self, count, _total=None):
        self.rows_written = count
        self._save()

    def _save(self):
        storage = _storage()
        storage.delete(_progress_name(self.run))
        storage.save(
            _progress_name(self.run), ContentFile(f"{self.rows_checked} {self.rows_written}")
        )


def _set(run, **fields):
    for name, value in fields.items():
        setattr(run, name, value)
    run.save(update_fields=[*fields, "updated_at"])


def _drop_kept(run):
    if run.kept:
        _storage().delete(run.kept)
    _storage().delete(_progress_name(run))
    _set(run, kept="")


def _refuse(run, problems, message=""):
    name = _storage().save(
        f"{FOLDER}/problems-{secrets.token_hex(16)}.csv", ContentFile(as_csv(problems).encode())
    )
    groups = [
        {"example": group.example, "count": group.count, "lines": group.lines}
        for group in grouped(problems)
    ]
    _set(
        run,
        status=ImportRun.Status.REFUSED,
        problems=groups[:SHOWN_GROUPS],
        problem_count=len(problems),
        problems_file=name,
        message=message,
    )
    _drop_kept(run)


def _source(run):
    """A function giving a fresh stream of the kept upload: an import reads it as often as
    it needs, never whole."""
    return lambda: _storage().open(run.kept, "rb")


def run_check(run_id, check):
    """The worker's first step. ``check(run, data, progress)`` returns (the preview as JSON
    data, with ``nothing_new`` when importing would change nothing; an open binary file to
    keep instead of the upload, or None) or raises ImportRefused; ``data`` is a function
    giving a fresh stream of the upload, ``progress`` a Progress."""
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED or not run.kept:
        return
    _set(run, status=ImportRun.Status.CHECKING)
    try:
        preview, replacement = check(run, _source(run), Progress(run))
    except ImportRefused as refused:
        _refuse(run, refused.problems)
        return
    except Exception:
        logger.exception("Import run %s failed while checking", run.pk)
        _set(run, status=ImportRun.Status.FAILED, message="The check stopped with an error.")
        _drop_kept(run)
        raise
    if preview.get("nothing_new"):
        _set(run, status=ImportRun.Status.DONE, preview=preview, message=NOTHING_NEW)
        _drop_kept(run)
        return
    if replacement is not None:
        storage = _storage()
        storage.delete(run.kept)
        with replacement:
            run.kept = storage.save(f"{FOLDER}/checked-{secrets.token_hex(16)}", File(replacement))
    _set(run, status=ImportRun.Status.CHECKED, preview=preview, kept=run.kept)


def run_write(run_id, write):
    """The worker's second step, once confirmed. ``write(run, data, progress)`` (a Progress,
    which hears the rows checked again and then written) returns the
    message to show or raises ImportRefused (nothing written)."""
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    if run.status != ImportRun.Status.WRITING or not run.kept:
        return
    try:
        message = write(run, _source(run), Progress(run))
    except ImportRefused as refused:
        _refuse(run, refused.problems, "Problems appeared since the preview; nothing was imported.")
        return
    except Exception:
        logger.exception("Import run %s failed while writing", run.pk)
        _set(run, status=ImportRun.Status.FAILED, message="The import stopped with an error; "
             "nothing was imported.")  # fmt: skip
        _drop_kept(run)
        raise
    _set(run, status=ImportRun.Status.DONE, message=message)
    _drop_kept(run)


def import_confirm(*, run, task):
    """Queue the write of a checked run; False when it can no longer be confirmed."""
    updated = ImportRun.objects.filter(
        pk=run.pk, status=ImportRun.Status.CHECKED, created_at__gt=timezone.now() - PREVIEW_LIFE
    ).update(status=ImportRun.Status.WRITING, updated_at=timezone.now())
    if not updated:
        return False
    task.enqueue(run.pk)
    return True


def import_cancel(*, run):
    if run.status in {ImportRun.Status.CHECKED, ImportRun.Status.QUEUED}:
        _set(run, status=ImportRun.Status.CANCELLED)
        _drop_kept(run)


def uploads_expire(now=None):
    """Delete every kept upload and problem list older than a preview lives (the retention
    command runs this daily): a file that was never confirmed or cancelled, with whatever
    personal data it held, does not stay. Returns how many files were deleted."""
    storage = _storage()
    now = now or timezone.now()
    try:
        _folders, files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        if storage.get_modified_time(path) < now - PREVIEW_LIFE:
            storage.delete(path)
            deleted += 1
    ImportRun.objects.filter(
        status=ImportRun.Status.CHECKED, created_at__lt=now - PREVIEW_LIFE
    ).update(status=ImportRun.Status.CANCELLED, kept="")
    return deleted
