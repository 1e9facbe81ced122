"""Why a staged line needs attention is kept beside it (``StagedAttention``), written once for
the lines that need it, rather than rewriting each staged line; UNLOGGED on PostgreSQL, as the
staged lines are."""

import django.db.models.deletion
from django.db import migrations, models


def unlogged(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE projects_stagedattention SET UNLOGGED")


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0017_staged_lines_numbered"),
    ]

    operations = [
        migrations.CreateModel(
            name="StagedAttention",
            fields=[
                (
                    "line",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="flagged",
                        serialize=False,
                        to="projects.stagedline",
                    ),
                ),
                ("stage", models.CharField(db_index=True, max_length=32)),
                ("text", models.CharField(max_length=200)),
            ],
        ),
        migrations.RunPython(unlogged, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(
            model_name="stagedline",
            name="attention",
        ),
    ]
