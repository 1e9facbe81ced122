from evaluations.models import ProjectTarget


def copy_targets_to_new_project(sender, instance, created, raw=False, **kwargs):
    """A new project starts with the outcome targets of the proposal the group approved."""
    if not created or raw:
        return
    ProjectTarget.objects.bulk_create(
        ProjectTarget(
            project=instance,
            outcome_id=target.outcome_id,
            expected_families=target.expected_families,
        )
        for target in instance.proposal.outcome_targets.all()
    )
