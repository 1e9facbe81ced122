"""Values as people read them in the back office's listings and inspect views: yes or no, not
True or False; £1,234.56, not 1234.56; 2 December 2026, not 2026-12-02; a dash for nothing."""

import datetime
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic

from core.admin.columns import QuickTitleColumn, cell
from core.money import pounds

NOTHING = "—"


def for_people(value, field=None):
    if value is None or value == "":
        return NOTHING
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, Decimal):
        if field is not None and field.name.endswith("percent"):
            return f"{value.normalize():f}%"
        return pounds(value)
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "j F Y")
    return value


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:  # a property or method, not a field
        return None


class PeopleColumn(Column):
    def __init__(self, *args, field=None, **kwargs):
        self.field = field
        super().__init__(*args, **kwargs)

    def get_value(self, instance):
        return for_people(super().get_value(instance), self.field)

    def render_cell_html(self, instance, parent_context):
        return cell(self.get_value(instance), self.classname)


class PeopleColumnsMixin:
    """For an index view: plain columns show their values for people, and its cells are built
    without a template each (``core.admin.columns``)."""

    def _get_custom_column(self, field_name, column_class=Column, **kwargs):
        if column_class is Column:
            column_class = PeopleColumn
            kwargs["field"] = model_field(self.model, field_name)
        return super()._get_custom_column(field_name, column_class, **kwargs)

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        if column_class is TitleColumn:
            column_class = QuickTitleColumn
        return super()._get_title_column(field_name, column_class, **kwargs)


class PeopleInspectView(generic.InspectView):
    """Wagtail's inspect view, with its values for people."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(field, models.ForeignKey | models.OneToOneField) and value is None:
            return NOTHING
        return for_people(value, field)
