"""The demo, seeded once for the whole test session.

``take()`` runs seed_demo inside a transaction, copies every table's rows (raw, as the
database stores them: PostgreSQL's COPY text, SQLite's storage values) and rolls back, so the
database is again as the migrations left it. ``restore(snapshot)`` puts those rows back in
place of whatever the tables hold, inside the test's own transaction, which undoes it after
the test; a test that commits (the browser's) is flushed afterwards as usual. Files the demo
writes (its documents) stay on disk for the session, as the rows that name them come back.

Seeding takes seconds; restoring takes a fraction of one, so every test that wants the demo
gets it fresh."""

from dataclasses import dataclass, field
from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction


@dataclass
class Snapshot:
    tables: dict = field(default_factory=dict)  # table: (columns, rows) or COPY text


def _tables():
    """Every table the demo can write to: Django's (with many-to-many tables), and on SQLite
    the full-text search table Wagtail keeps beside them (not its shadow tables)."""
    names = set(connection.introspection.django_table_names(only_existing=True))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'"
            )
            names |= {name for (name,) in cursor.fetchall()}
    return sorted(names - {"django_migrations"})


def _quote(name):
    return connection.ops.quote_name(name)


def _virtual(table, cursor):
    cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
    return cursor.fetchone()[0].startswith("CREATE VIRTUAL")


def take():
    """Seed the demo, copy every table and roll the seeding back."""
    snapshot = Snapshot()
    with transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        with connection.cursor() as cursor:
            for table in _tables():
                snapshot.tables[table] = _read(cursor, table)
        transaction.set_rollback(True)
    return snapshot


def _read(cursor, table):
    if connection.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {_quote(table)} TO STDOUT") as copy:
            return b"".join(bytes(block) for block in copy)
    cursor.execute(f"SELECT * FROM {_quote(table)} LIMIT 0")  # noqa: S608 - our table names
    columns = [column[0] for column in cursor.description]
    if _virtual(table, cursor):
        columns = ["rowid", *columns]
    # "+column" reads each value as stored, past the converters of its declared type.
    listed = ", ".join(f"+{_quote(column)}" for column in columns)
    cursor.execute(f"SELECT {listed} FROM {_quote(table)}")  # noqa: S608
    return columns, cursor.fetchall()


def restore(snapshot):
    """Make every table hold exactly the demo's rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        for table, data in snapshot.tables.items():
            cursor.execute(f"DELETE FROM {_quote(table)}")  # noqa: S608
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {_quote(table)} FROM STDIN") as copy:
                    copy.write(data)
                continue
            columns, rows = data
            if rows:
                names = ", ".join(_quote(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})",  # noqa: S608
                    rows,
                )
        if connection.vendor == "postgresql":
            models = apps.get_models(include_auto_created=True)
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
