from django.db import migrations

from governance.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [("projects", "0005_progress_reports_and_redaction")]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
