from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and spend"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from governance.signals import decision_recorded
        from projects import spend_totals
        from projects.models import SpendLine
        from projects.receivers import on_decision

        decision_recorded.connect(on_decision, dispatch_uid="projects.on_decision")
        pre_save.connect(spend_totals.remember_old_place, sender=SpendLine)
        post_save.connect(spend_totals.on_line_saved, sender=SpendLine)
        post_delete.connect(spend_totals.on_line_deleted, sender=SpendLine)
