"""On SQLite, Wagtail's full-text table matches words exactly; this one stems them (FTS5's
Porter tokenizer), as PostgreSQL's English configuration does: "mentor" finds "mentoring".
Wagtail's triggers fill the table by name, so they carry on; the entries are copied over."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def _rebuild(tokenize):
    def rebuild(apps, schema_editor):
        if schema_editor.connection.vendor != "sqlite":
            return
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name=%s", [f"{TABLE}_fts"]
            )
            if cursor.fetchone() is None:
                return
            cursor.execute(f"DROP TABLE {TABLE}_fts")
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE}_fts USING fts5(autocomplete, body, title{tokenize})"
            )
            cursor.execute(
                f"INSERT INTO {TABLE}_fts(rowid, autocomplete, body, title) "
                f"SELECT id, autocomplete, body, title FROM {TABLE}"
            )

    return rebuild


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_import_runs"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.RunPython(
            _rebuild(", tokenize='porter unicode61'"), _rebuild(""), elidable=False
        ),
    ]
