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


@hooks.register("register_log_actions")
def register_evaluation_actions(actions):
    actions.register_action(
        "evaluations.family_import", "Import family outcomes", "Imported family outcome records"
    )
    actions.register_action(
        "evaluations.data_release",
        "Case-level data released",
        "Downloaded the anonymised case-level return",
    )
    actions.register_action(
        "evaluations.results", "Outcome results", "Entered a quarter's outcome results"
    )
