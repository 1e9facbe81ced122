"""The back office's outcome records: families (with their import and the case-level return),
project results and targets, unit costs, evaluation studies and the releases of family data."""

from django.urls import path
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

from core.admin.viewsets import ListingViewSet, ProgrammeViewSet
from evaluations.admin.filters import (
    FamilyFilterSet,
    ProjectResultFilterSet,
    ProjectTargetFilterSet,
)
from evaluations.admin.views import CaseLevelExportView, FamilyImportView
from evaluations.models import (
    DataRelease,
    EvaluationStudy,
    Family,
    FamilyImport,
    ProjectResult,
    ProjectTarget,
    UnitCost,
)


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

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/", self.construct_view(FamilyImportView), name="import"),
            path("case-level/", self.construct_view(CaseLevelExportView), name="case_level"),
        ]


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
    family_counts = ("families_supported", "families_achieved", "families_sustained")
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
    list_display = ["outcome", "description", "value", "agency", "kind", "price_year"]
    list_filter = ["outcome", "agency"]
    search_fields = ["description", "source"]
    inspect_view_enabled = True
    form_fields = ["outcome", "description", "value", "agency", "kind", "source", "price_year"]


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
