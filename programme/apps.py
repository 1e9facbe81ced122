from django.apps import AppConfig
from django.db.models.signals import post_migrate
from wagtail.users.apps import WagtailUsersAppConfig


class ProgrammeConfig(AppConfig):
    default = True
    name = "programme"
    verbose_name = "Programme set-up"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out

        from core.search import follow
        from programme.models import Organisation
        from programme.roles import set_up_roles
        from programme.sessions import record_sign_in, record_sign_out

        follow(Organisation)

        post_migrate.connect(set_up_roles, sender=self, dispatch_uid="programme.set_up_roles")
        user_logged_in.connect(record_sign_in, dispatch_uid="programme.sessions.sign_in")
        user_logged_out.connect(record_sign_out, dispatch_uid="programme.sessions.sign_out")


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a user editor that shows organisation and job title."""

    user_viewset = "programme.users_admin.UserViewSet"
