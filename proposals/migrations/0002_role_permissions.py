from django.db import migrations

from governance.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_initial"),
        ("governance", "0004_meetings"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
