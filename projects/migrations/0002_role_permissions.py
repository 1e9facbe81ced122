from django.db import migrations

from governance.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("governance", "0007_decisions_page"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
