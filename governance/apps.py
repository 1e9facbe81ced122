from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance"


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's users app, with a user editor that shows organisation and job title."""

    user_viewset = "governance.users_admin.UserViewSet"
