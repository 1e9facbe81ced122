"""Writing many rows at once. On PostgreSQL the rows go in with COPY, the database's own bulk
path; elsewhere with bulk_create. Callers validate everything first: nothing here checks."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection


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
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    names = [field.attname for field in fields]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for obj in objects:
            for field in stamped:
                field.pre_save(obj, add=True)
            copy.write_row(
                [
                    json.dumps(getattr(obj, name), cls=DjangoJSONEncoder)
                    if name in as_json
                    else getattr(obj, name)
                    for name in names
                ]
            )
