"""Asking for the all-years workbook: the one state change the finance screens make."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_tasks.base import Task
from wagtail.log_actions import log

from exports.models import WorkbookRun
from programme.models import User

# Long enough for every filter the dashboard has; a longer address is not one it made.
QUERY_LIMIT = 500


def workbook_prepare(*, user: User, query: str, task: Task) -> WorkbookRun:
    """Queue the workbook for the dashboard's filters (``query``, as its address has them)
    to be written by ``task`` in the background, for ``user`` alone."""
    if not user.has_perm("projects.view_spendline"):
        raise PermissionDenied
    with transaction.atomic():
        run = WorkbookRun.objects.create(requested_by=user, query=query[:QUERY_LIMIT])
        log(run, "exports.workbook_prepare", user=user, data={"filters": run.query})
    task.enqueue(run.pk)
    run.refresh_from_db()
    return run
