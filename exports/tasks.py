"""The background task that writes the all-years workbook (exports.runs)."""

from django_tasks import task

from exports.runs import workbook_write


@task(backend="imports")
def workbook_build(run_id):
    workbook_write(run_id)
