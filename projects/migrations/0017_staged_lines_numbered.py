"""A staged line with no number from its file is staged as line 1 and marked unnumbered, so
numbering split invoices writes only their later lines; on PostgreSQL the staging table is
UNLOGGED, as nothing in it need survive a crash (its rows live inside one import's
transaction)."""

from django.db import migrations, models


def unlogged(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE projects_stagedline SET UNLOGGED")


def logged(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE projects_stagedline SET LOGGED")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0016_profile_lines_by_year"),
    ]

    operations = [
        migrations.AddField(
            model_name="stagedline",
            name="unnumbered",
            field=models.BooleanField(default=False),
        ),
        migrations.AlterField(
            model_name="stagedline",
            name="line_number",
            field=models.PositiveIntegerField(default=1),
            preserve_default=False,
        ),
        migrations.RunPython(unlogged, logged, elidable=True),
    ]
