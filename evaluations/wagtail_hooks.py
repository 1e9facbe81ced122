from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from evaluations.models import Outcome


class OutcomeViewSet(ModelViewSet):
    """The ten headline outcomes, seeded by a migration. The programme team may edit their
    wording but has no permission to add or delete one: the framework is the national one."""

    model = Outcome
    icon = "success"
    menu_label = "Headline outcomes"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["number", "name"]
    search_fields = ["name", "description"]
    inspect_view_enabled = True
    form_fields = ["name", "description"]


@hooks.register("register_admin_viewset")
def register_outcomes():
    return OutcomeViewSet("outcomes")
