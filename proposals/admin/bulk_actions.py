"""The proposals listing's bulk actions, through Wagtail's bulk-action views (as snippets use
them): the programme team assigns a screener to proposals awaiting screening
(``services.proposals_assign_screener``) and places eligible ones for the next meeting still
taking papers (``services.proposals_place_on_next_agenda``); anyone who may list proposals
exports the selection with the listing's own columns. Each action refuses those who may not take it,
whatever the footer shows."""

from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.views.bulk_action import BulkAction

from core.search import search
from programme.models import Meeting, User
from proposals import services
from proposals.admin.filters import ProposalFilterSet
from proposals.models import Proposal
from proposals.selectors import proposals_for_back_office, screeners

SCREEN = "proposals.screen_proposal"
VIEW = "proposals.view_proposal"


class ProposalBulkAction(BulkAction):
    models = [Proposal]
    permission = SCREEN

    @classmethod
    def allowed(cls, user) -> bool:
        return user.has_perm(cls.permission)

    def dispatch(self, request, *args, **kwargs):
        if not self.allowed(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(proposals_for_back_office().filter(pk__in=object_ids).order_by("reference"))

    def get_all_objects_in_listing_query(self, parent_id):
        """"Select all in listing": every proposal the listing shows, with its filters and
        search (the listing's query string comes with the request), not every proposal."""
        listed = ProposalFilterSet(
            self.request.GET, queryset=proposals_for_back_office(), request=self.request
        ).qs
        if words := self.request.GET.get("q", "").strip():
            listed = search(listed, words, Proposal.search_lookups)
        return listed.values_list("pk", flat=True)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


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


class AssignScreenerBulkAction(ProposalBulkAction):
    display_name = "Assign screener"
    action_type = "assign_screener"
    aria_label = "Assign a screener to the selected proposals"
    template_name = "proposals/admin/bulk_assign_screener.html"
    action_priority = 10
    form_class = AssignScreenerForm

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

    def get_success_message(self, num_parent_objects, num_child_objects):
        noun = "proposal" if num_parent_objects == 1 else "proposals"
        screener = self.cleaned_form.cleaned_data["screener"].get_full_name()
        return f"{num_parent_objects} {noun} assigned to {screener} to screen."


def _next_taking_papers():
    return Meeting.objects.taking_papers(timezone.localdate()).first()


class PlaceOnAgendaBulkAction(ProposalBulkAction):
    display_name = "Place on next agenda"
    action_type = "place_on_agenda"
    aria_label = "Place the selected eligible proposals on the next meeting's agenda"
    template_name = "proposals/admin/bulk_place_on_agenda.html"
    action_priority = 20

    def check_perm(self, obj):
        # Only eligible proposals can go on an agenda; the rest are listed as such.
        return obj.status == Proposal.Status.ELIGIBLE

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=_next_taking_papers(), **kwargs)

    def get_execution_context(self):
        return {"user": self.request.user}

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        _meeting, moved = services.proposals_place_on_next_agenda(
            user=user, proposals=objects, today=timezone.localdate()
        )
        return len(moved), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        meeting = _next_taking_papers()
        if num_parent_objects == 0:
            return f"Those proposals were already placed for {meeting}."
        noun = "proposal" if num_parent_objects == 1 else "proposals"
        return f"{num_parent_objects} {noun} placed for {meeting}."


class ExportSelectionBulkAction(ProposalBulkAction):
    """Reading only: the page offers the listing's own CSV and Excel downloads of the
    selected proposals (ProposalIndexView keeps to ``selected``)."""

    display_name = "Export"
    action_type = "export_selection"
    aria_label = "Download the selected proposals as a spreadsheet"
    template_name = "proposals/admin/bulk_export.html"
    action_priority = 30
    permission = VIEW
    http_method_names = ["get"]

    def check_perm(self, obj):
        return True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = [("selected", item["item"].pk) for item in context["items"]]
        listing = reverse("proposals_admin:index")
        context["downloads"] = [
            (label, f"{listing}?{urlencode([('export', kind), *selected])}")
            for kind, label in (("xlsx", "Download Excel"), ("csv", "Download CSV"))
        ]
        return context


BULK_ACTIONS = [AssignScreenerBulkAction, PlaceOnAgendaBulkAction, ExportSelectionBulkAction]
