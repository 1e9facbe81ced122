from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and spend"

    def ready(self):
        from django.db.models.signals import post_delete, post_save, pre_save

        from core.search import follow, follow_related
        from projects import spend_totals
        from projects.models import Project, SpendLine
        from projects.reporting import on_project_saved

        follow(Project)
        follow_related(Project, through="lead", fields=("first_name", "last_name"))
        follow_related(Project, through="lead_organisation", fields=("name",))
        follow_related(Project, through="proposal", fields=("summary",))
        # The quarters a project owes reports for follow its dates (projects.reporting).
        post_save.connect(on_project_saved, sender=Project)
        follow(SpendLine)

        # The ledger's monthly totals follow a line saved or deleted one at a time (the back
        # office); the import adds its lines' totals itself.
        pre_save.connect(spend_totals.remember_old_place, sender=SpendLine)
        post_save.connect(spend_totals.on_line_saved, sender=SpendLine)
        post_delete.connect(spend_totals.on_line_deleted, sender=SpendLine)
