"""The all-years workbook, prepared in the background: it reads every ledger line the
programme has, which takes longer than a web request should. The request queues it (the
``imports`` task backend the imports use, worked by ``manage.py db_worker --backend
imports``); the worker writes it to private storage; the person who asked downloads it from
its page for a day, after which the file is deleted."""

import datetime
import logging
import tempfile

from django.core.files import File
from django.core.files.storage import storages
from django.http import QueryDict
from django.utils import timezone

from exports.models import WorkbookRun
from exports.workbook import write_workbook
from projects.filters import FinanceFilterSet

logger = logging.getLogger(__name__)
FOLDER = "workbooks"
FILE_LIFE = datetime.timedelta(hours=24)


def storage():
    return storages["private"]


def arguments(query):
    """(period, filters) for the dashboard's filters as its address has them."""
    return FinanceFilterSet(QueryDict(query)).arguments()


def workbook_write(run_id):
    """The worker's step: write the workbook for the run's filters and keep it."""
    run = WorkbookRun.objects.get(pk=run_id)
    if run.status != WorkbookRun.Status.QUEUED:
        return
    WorkbookRun.objects.filter(pk=run.pk).update(status=WorkbookRun.Status.WRITING)
    try:
        period, filters = arguments(run.query)
        with tempfile.TemporaryFile(suffix=".xlsx") as handle:
            write_workbook(handle, period, **filters)
            handle.seek(0)
            name = storage().save(f"{FOLDER}/workbook-{run.pk}.xlsx", File(handle))
    except Exception:
        logger.exception("The workbook of run %s failed", run.pk)
        WorkbookRun.objects.filter(pk=run.pk).update(
            status=WorkbookRun.Status.FAILED,
            message="The workbook could not be written. Try again; if it fails again, tell "
            "the system's administrators, who have the details in the log.",
            updated_at=timezone.now(),
        )
        return
    WorkbookRun.objects.filter(pk=run.pk).update(
        status=WorkbookRun.Status.DONE, file=name, updated_at=timezone.now()
    )
    workbooks_expire()


def workbooks_expire(now=None):
    """Delete the files of workbooks prepared more than a day ago; returns how many."""
    cutoff = (now or timezone.now()) - FILE_LIFE
    expired = WorkbookRun.objects.filter(created_at__lt=cutoff).exclude(file="")
    files = list(expired.values_list("file", flat=True))
    for name in files:
        storage().delete(name)
    expired.update(status=WorkbookRun.Status.EXPIRED, file="")
    return len(files)
