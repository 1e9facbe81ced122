from django.apps import AppConfig


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = "Outcomes and evaluation"

    def ready(self):
        from django.db.models.signals import post_save

        from evaluations.receivers import copy_targets_to_new_project

        post_save.connect(
            copy_targets_to_new_project,
            sender="projects.Project",
            dispatch_uid="evaluations.copy_targets",
        )
