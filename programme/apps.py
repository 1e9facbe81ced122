from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class ProgrammeConfig(AppConfig):
    default = True
    name = "programme"
    verbose_name = "Programme set-up"

    def ready(self):
        from programme.roles import set_up_roles

        post_migrate.connect(set_up_roles, sender=self, dispatch_uid="programme.set_up_roles")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a user editor that shows organisation and job title."""

    user_viewset = "programme.users_admin.UserViewSet"
