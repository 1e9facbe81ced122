"""Counts of families in the back office's listings, inspect views and CSV or Excel exports:
exact for the programme team (EXACT_COUNTS_PERMISSION), through the disclosure rule for
everyone else who reads them there (finance, auditors). A viewset names its count fields in
``family_counts``, each counted within the one before (supported, achieved, sustained), so no
difference between them on a row is a small number either."""

from django.conf import settings
from wagtail.admin.ui.tables import Column

from core.admin.columns import cell
from core.disclosure import suppress_nested


def exact_counts(user) -> bool:
    return user.is_authenticated and user.has_perm(settings.EXACT_COUNTS_PERMISSION)


def shown_counts(instance, chain) -> dict[str, str]:
    values = {name: getattr(instance, name) or 0 for name in chain}
    return {name: str(shown) for name, shown in suppress_nested(values, list(chain)).items()}


class CountColumn(Column):
    def __init__(self, *args, chain=(), **kwargs):
        self.chain = chain
        super().__init__(*args, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is None or not exact_counts(request.user):
            context["value"] = shown_counts(instance, self.chain)[self.name]
        return context

    def render_cell_html(self, instance, parent_context):
        return cell(self.get_cell_context_data(instance, parent_context)["value"], self.classname)


class CountsIndexMixin:
    """For an index view: the listing's columns and its export suppress ``family_counts``."""

    family_counts: tuple[str, ...] = ()

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if field_name in self.family_counts:
            return super()._get_custom_column(
                field_name, CountColumn, chain=self.family_counts, **kwargs
            )
        return super()._get_custom_column(field_name, column_class, **kwargs)

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        if self.family_counts and not exact_counts(self.request.user):
            shown = shown_counts(item, self.family_counts)
            for name in self.family_counts:
                if name in row:
                    row[name] = shown[name]
        return row


class CountsInspectMixin:
    family_counts: tuple[str, ...] = ()

    def get_field_display_value(self, field_name, field):
        if field_name in self.family_counts and not exact_counts(self.request.user):
            return shown_counts(self.object, self.family_counts)[field_name]
        return super().get_field_display_value(field_name, field)
