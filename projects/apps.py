from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = "Projects and spend"

    def ready(self):
        from governance.signals import decision_recorded
        from projects.receivers import on_decision

        decision_recorded.connect(on_decision, dispatch_uid="projects.on_decision")
