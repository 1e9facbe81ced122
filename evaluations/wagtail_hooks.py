from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from evaluations.admin_views import CaseLevelExportView, FamilyImportView
from evaluations.models import (
    DataRelease,
    EvaluationStudy,
    Family,
    FamilyImport,
    Outcome,
    ProjectResult,
    ProjectTarget,
    UnitCost,
)
from governance.admin_listing import ListingViewSet, ProgrammeViewSet
from governance.filters import ProjectReferenceFilter


class OutcomeViewSet(ProgrammeViewSet):
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


class FamilyFilterSet(WagtailFilterSet):
    class Meta:
        model = Family
        fields = ["eligible", "all_needs_sustained", "lead_organisation", "family_import"]


class FamilyViewSet(ListingViewSet):
    """Family-level rows: the programme team only (view permission), never edited here; a
    family changes when a newer case-management export is imported."""

    model = Family
    icon = "group"
    menu_label = "Families"
    menu_order = 320
    add_to_admin_menu = True
    list_display = [
        Column("case_hash", label="Family", accessor="__str__"),
        "plan_start",
        "case_closed",
        "eligible",
        "all_needs_sustained",
        "sustain_until",
        "lead_organisation",
    ]
    filterset_class = FamilyFilterSet
    search_fields = ["case_hash"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "case_hash",
        "lead_organisation",
        "lead_role",
        "plan_start",
        "case_closed",
        "eligible",
        "all_needs_sustained",
        "sustain_until",
        "family_import",
        "updated_at",
    ]
    form_fields = ["lead_role"]

    list_select_related = ["lead_organisation"]


class FamilyImportViewSet(ListingViewSet):
    model = FamilyImport
    list_select_related = ["imported_by"]
    icon = "upload"
    menu_label = "Family imports"
    add_to_admin_menu = False
    list_display = [
        "filename",
        "imported_at",
        "imported_by",
        "rows_in_file",
        "families_added",
        "families_updated",
        "families_unchanged",
    ]
    inspect_view_enabled = True
    form_fields = ["filename"]


class ProjectResultFilterSet(WagtailFilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProjectResult
        fields = ["project", "financial_year", "quarter", "outcome"]


class EnteredByMixin:
    """Results entered in the back office are recorded as the programme officer's."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.entered_by = self.request.user
        instance.save()
        return instance


class ProjectResultCreateView(EnteredByMixin, generic.CreateView):
    pass


class ProjectResultEditView(EnteredByMixin, generic.EditView):
    pass


class ProjectResultViewSet(ListingViewSet):
    model = ProjectResult
    add_view_class = ProjectResultCreateView
    edit_view_class = ProjectResultEditView
    icon = "tasks"
    menu_label = "Project results"
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "project",
        "financial_year",
        "quarter",
        "outcome",
        "families_supported",
        "families_achieved",
        "families_sustained",
        "entered_by",
    ]
    list_export = [*list_display, "entered_at"]
    filterset_class = ProjectResultFilterSet
    search_fields = ["project__reference", "project__title"]
    inspect_view_enabled = True
    form_fields = [
        "project",
        "financial_year",
        "quarter",
        "outcome",
        "families_supported",
        "families_achieved",
        "families_sustained",
    ]

    list_select_related = ["project", "outcome", "entered_by"]


class ProjectTargetFilterSet(WagtailFilterSet):
    project = ProjectReferenceFilter()

    class Meta:
        model = ProjectTarget
        fields = ["project", "outcome"]


class ProjectTargetViewSet(ListingViewSet):
    model = ProjectTarget
    icon = "pick"
    menu_label = "Project targets"
    menu_order = 331
    add_to_admin_menu = True
    list_display = ["project", "outcome", "expected_families"]
    filterset_class = ProjectTargetFilterSet
    search_fields = ["project__reference", "project__title"]
    form_fields = ["project", "outcome", "expected_families"]

    list_select_related = ["project", "outcome"]


class UnitCostViewSet(ListingViewSet):
    model = UnitCost
    list_select_related = ["outcome"]
    icon = "cog"
    menu_label = "Unit costs"
    menu_order = 340
    add_to_admin_menu = True
    list_display = ["outcome", "description", "value", "agency", "price_year"]
    list_filter = ["outcome", "agency"]
    search_fields = ["description", "source"]
    inspect_view_enabled = True
    form_fields = ["outcome", "description", "value", "agency", "source", "price_year"]


class EvaluationStudyViewSet(ProgrammeViewSet):
    model = EvaluationStudy
    icon = "doc-full-inverse"
    menu_label = "Evaluation studies"
    menu_order = 350
    add_to_admin_menu = True
    list_display = ["title", "evaluator", "method", "started_on", "reported_on", "published"]
    list_filter = ["method", "strength_of_evidence", "published"]
    search_fields = ["title", "evaluator", "findings"]
    inspect_view_enabled = True
    form_fields = [
        "title",
        "commissioner",
        "evaluator",
        "method",
        "projects",
        "started_on",
        "reported_on",
        "findings",
        "strength_of_evidence",
        "documents",
        "published",
    ]


class DataReleaseViewSet(ListingViewSet):
    """Who downloaded family-level data, when and why."""

    model = DataRelease
    list_select_related = ["released_by"]
    icon = "download"
    menu_label = "Case-level releases"
    add_to_admin_menu = False
    list_display = ["released_at", "released_by", "purpose", "families"]
    inspect_view_enabled = True
    form_fields = ["purpose"]


@hooks.register("register_admin_viewset")
def register_outcomes():
    return OutcomeViewSet("outcomes")


@hooks.register("register_admin_viewset")
def register_families():
    return FamilyViewSet("families")


@hooks.register("register_admin_viewset")
def register_family_imports():
    return FamilyImportViewSet("family_imports")


@hooks.register("register_admin_viewset")
def register_project_results():
    return ProjectResultViewSet("project_results")


@hooks.register("register_admin_viewset")
def register_project_targets():
    return ProjectTargetViewSet("project_targets")


@hooks.register("register_admin_viewset")
def register_unit_costs():
    return UnitCostViewSet("unit_costs")


@hooks.register("register_admin_viewset")
def register_studies():
    return EvaluationStudyViewSet("evaluation_studies")


@hooks.register("register_admin_viewset")
def register_data_releases():
    return DataReleaseViewSet("data_releases")


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [
        path("families/import/", FamilyImportView.as_view(), name="family_import"),
        path("families/case-level/", CaseLevelExportView.as_view(), name="case_level_return"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_family_import_menu_item():
    return PermissionMenuItem(
        "Import family outcomes",
        reverse("family_import"),
        icon_name="upload",
        order=321,
        permission="evaluations.add_familyimport",
    )


@hooks.register("register_admin_menu_item")
def register_case_level_menu_item():
    return PermissionMenuItem(
        "Case-level return",
        reverse("case_level_return"),
        icon_name="download",
        order=322,
        permission="evaluations.add_datarelease",
    )


@hooks.register("register_admin_menu_item")
def register_results_menu_item():
    return PermissionMenuItem(
        "Results and value",
        reverse("evaluations:results"),
        icon_name="view",
        order=305,
        permission="evaluations.view_projectresult",
    )


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
