"""Writing many rows at once. On PostgreSQL the rows go in with COPY, the database's own bulk
path; elsewhere with bulk_create. Callers validate everything first: nothing here checks."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection

AS_IS = {
    "BigAutoField",
    "BooleanField",
    "CharField",
    "ForeignKey",
    "IntegerField",
    "PositiveIntegerField",
    "TextField",
}


def bulk_insert(model, objects, batch_size=2000):
    """Insert model instances (primary keys are not set on them). Every concrete field but an
    auto primary key is written from the instance as it stands (auto_now fields are stamped)."""
    objects = list(objects)
    if not objects:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_create(objects, batch_size=batch_size)
        return
    fields = [
        field
        for field in model._meta.concrete_fields
        if not (field.primary_key and field.get_internal_type().endswith("AutoField"))
    ]
    stamped = [
        field
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    as_json = {field.attname for field in fields if field.get_internal_type() == "JSONField"}
    names = [field.attname for field in fields]

    def rows():
        for obj in objects:
            for field in stamped:
                field.pre_save(obj, add=True)
            yield [
                json.dumps(getattr(obj, name), cls=DjangoJSONEncoder)
                if name in as_json
                else getattr(obj, name)
                for name in names
            ]

    _copy(model, fields, rows())


def bulk_insert_rows(model, attnames, rows, batch_size=2000):
    """Insert rows given as tuples of the named attributes (``family_id``, not ``family``),
    without making a model instance for each: for the many small rows of an import (COPY on
    PostgreSQL, executemany elsewhere). The fields not named take their database defaults, so
    name every field without one."""
    rows = list(rows)
    if not rows:
        return
    by_attname = {field.attname: field for field in model._meta.concrete_fields}
    fields = [by_attname[name] for name in attnames]
    if connection.vendor == "postgresql":
        _copy(model, fields, rows)
        return
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    # Values the database driver takes as they are; the rest are prepared as Django would.
    as_is = [field.get_internal_type() in AS_IS for field in fields]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            cursor.executemany(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks})",  # noqa: S608
                [
                    [
                        value if plain else field.get_db_prep_save(value, connection)
                        for field, plain, value in zip(fields, as_is, row, strict=True)
                    ]
                    for row in rows[start : start + batch_size]
                ],
            )


def _copy(model, fields, rows):
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def add_to_totals(model, keys, sums, rows):
    """Add rows of (*keys, *sums) to a table of totals with a unique constraint on ``keys``
    (column names): a new key is inserted, a key already there has the sums added to its own.
    INSERT ... ON CONFLICT DO UPDATE, which PostgreSQL and SQLite both have: on PostgreSQL from
    a temporary table filled by COPY (one statement however many rows), on SQLite a row at a
    time in process. Each key may appear once in ``rows``."""
    rows = list(rows)
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(name) for name in [*keys, *sums])
    upsert = f"ON CONFLICT ({', '.join(quote(name) for name in keys)}) DO UPDATE SET " + ", ".join(
        f"{quote(name)} = {table}.{quote(name)} + excluded.{quote(name)}" for name in sums
    )
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            marks = ", ".join(["%s"] * (len(keys) + len(sums)))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks}) {upsert}", rows)  # noqa: S608
            return
        _copy_to_temporary(cursor, "staged_totals", table, columns, rows)
        staged = f"SELECT {columns} FROM staged_totals {upsert}"  # noqa: S608
        cursor.execute(f"INSERT INTO {table} ({columns}) {staged}")
        cursor.execute("DROP TABLE staged_totals")


def _copy_to_temporary(cursor, name, table, columns, rows):
    """A temporary table ``name`` with ``columns`` (quoted, comma-separated) as ``table`` has
    them, holding ``rows``, written by COPY (PostgreSQL)."""
    cursor.execute(f"CREATE TEMPORARY TABLE {name} AS SELECT {columns} FROM {table} WITH NO DATA")  # noqa: S608
    with cursor.cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def insert_select(model, columns, queryset):
    """INSERT INTO the model's table (``columns``) the rows a queryset selects, in one
    statement that never brings them into Python: for tables of totals rebuilt by GROUP BY.
    The queryset's values_list must give the columns in the same order."""
    select, params = queryset.query.sql_with_params()
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    names = ", ".join(quote(name) for name in columns)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({names}) {select}", params)  # noqa: S608

