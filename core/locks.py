"""One at a time: imports that read what is there and then write must not interleave."""

from django.db import connection


def one_at_a_time(name):
    """Inside a transaction, wait until no other transaction holds the lock called ``name``,
    then hold it until this one ends. PostgreSQL's transaction-level advisory lock; SQLite
    already lets only one transaction write at a time."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [name])
