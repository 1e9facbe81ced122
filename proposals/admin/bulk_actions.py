"""The proposals listing's bulk action: the programme team shares out screening by assigning
the selected proposals awaiting screening to one of its members, through Wagtail's
bulk-action views (as snippets use them) and ``services.proposals_assign_screener``."""

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.admin.views.bulk_action import BulkAction

from programme.models import User
from proposals import services
from proposals.models import Proposal
from proposals.selectors import proposals_for_back_office, screeners

SCREEN = "proposals.screen_proposal"


class AssignScreenerForm(forms.Form):
    screener = forms.ModelChoiceField(
        queryset=User.objects.none(),
        empty_label="Choose who is to screen them",
        error_messages={"required": "Choose who is to screen them"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["screener"].queryset = screeners()
        self.fields["screener"].label_from_instance = lambda user: user.get_full_name()


class AssignScreenerBulkAction(BulkAction):
    display_name = "Assign screener"
    action_type = "assign_screener"
    aria_label = "Assign a screener to the selected proposals"
    template_name = "proposals/admin/bulk_assign_screener.html"
    action_priority = 10
    models = [Proposal]
    form_class = AssignScreenerForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SCREEN):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(proposals_for_back_office().filter(pk__in=object_ids).order_by("reference"))

    def get_all_objects_in_listing_query(self, parent_id):
        return proposals_for_back_office().values_list("pk", flat=True)

    def check_perm(self, obj):
        # Only proposals awaiting screening can be assigned; the rest are listed as such.
        return obj.status == Proposal.Status.SUBMITTED

    def get_execution_context(self):
        return {"user": self.request.user, "screener": self.cleaned_form.cleaned_data["screener"]}

    @classmethod
    def execute_action(cls, objects, user=None, screener=None, **kwargs):
        assigned = services.proposals_assign_screener(
            user=user, proposals=objects, screener=screener
        )
        return len(assigned), 0

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)

    def get_success_message(self, num_parent_objects, num_child_objects):
        noun = "proposal" if num_parent_objects == 1 else "proposals"
        screener = self.cleaned_form.cleaned_data["screener"].get_full_name()
        return f"{num_parent_objects} {noun} assigned to {screener} to screen."
