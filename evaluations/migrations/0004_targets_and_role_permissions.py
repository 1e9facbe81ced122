from django.db import migrations

from governance.roles import sync_role_permissions


def copy_proposal_targets(apps, schema_editor):
    """Projects created before targets were kept per project start from their proposal's."""
    Project = apps.get_model("projects", "Project")
    OutcomeTarget = apps.get_model("proposals", "OutcomeTarget")
    ProjectTarget = apps.get_model("evaluations", "ProjectTarget")
    for project in Project.objects.all():
        for target in OutcomeTarget.objects.filter(proposal_id=project.proposal_id):
            ProjectTarget.objects.get_or_create(
                project=project,
                outcome_id=target.outcome_id,
                defaults={"expected_families": target.expected_families},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0003_families_results_studies"),
        ("projects", "0007_spending_page"),
        ("proposals", "0002_role_permissions"),
    ]
    operations = [
        migrations.RunPython(sync_role_permissions, migrations.RunPython.noop),
        migrations.RunPython(copy_proposal_targets, migrations.RunPython.noop),
    ]
