from django.db import migrations

from governance.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("governance", "0007_decisions_page"),
        ("evaluations", "0005_results_page"),
        ("projects", "0007_spending_page"),
        ("proposals", "0002_role_permissions"),
    ]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
