"""Data built once for a test module and undone after it: the module's tests run in
savepoints inside this transaction, so each still starts from the same data."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def undone_after_module(django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
