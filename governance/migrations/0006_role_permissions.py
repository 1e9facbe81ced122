from django.db import migrations

from governance.roles import sync_role_permissions


class Migration(migrations.Migration):
    dependencies = [("governance", "0005_agenda_votes_decisions")]
    operations = [migrations.RunPython(sync_role_permissions, migrations.RunPython.noop)]
