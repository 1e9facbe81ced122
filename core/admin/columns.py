"""The back office's listing cells, built with ``format_html`` rather than a template each.
A page of a listing has a few hundred cells; rendered through Wagtail's cell templates (the
title's "more" menu, the "3 days ago" date) they were most of the page's time. The markup is
Wagtail's own, so its styles and behaviour (dropdown, tooltip) apply unchanged."""

import datetime

from django.forms.utils import flatatt
from django.utils.formats import date_format, get_format
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import localtime
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple
from wagtail.admin.ui.tables import Column, Table, TitleColumn
from wagtail.admin.widgets import ButtonWithDropdown

from core.money import pounds
from core.renderers import attributes


def cell(value, classname=None):
    """A listing's ``<td>``, as Wagtail's cell template writes it."""
    if classname:
        return format_html('<td class="{}">{}</td>', classname, value)
    return format_html("<td>{}</td>", value)


class MoneyColumn(Column):
    """Pounds and pence, right-aligned; empty when there is no figure."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        classes = " ".join(filter(None, ["app-numeric", self.classname]))
        return cell("" if value in (None, "") else pounds(value), classes)


class WhenColumn(Column):
    """When something happened, as Wagtail shows it ("3 days ago", the date and time on
    hover); ``sort_key`` sorts by it."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if not value:
            return cell("", self.classname)
        if isinstance(value, datetime.datetime):
            value = localtime(value)
            tooltip = date_format(value, get_format("DATETIME_FORMAT"))
        else:
            tooltip = date_format(value, get_format("DATE_FORMAT"))
        return cell(
            format_html(
                '<button type="button" class="w-human-readable-date" data-controller='
                '"w-tooltip" data-w-tooltip-content-value="{}" '
                'data-w-tooltip-placement-value="top"><time class="w-human-readable-date__date" '
                'datetime="{}">{}</time></button>',
                tooltip,
                value.isoformat(),
                capfirst(timesince_simple(value)),
            ),
            self.classname,
        )


def _dropdown_item(button):
    return format_html(
        '<a href="{}" class="{}"{}><svg class="icon icon-{} icon" aria-hidden="true">'
        '<use href="#icon-{}"></use></svg>{}</a>',
        button.url,
        button.classname,
        button.base_attrs_string,
        button.icon_name,
        button.icon_name,
        button.label,
    )


def _dropdown(menu, buttons):
    """Wagtail's "more options" menu of one row (its attributes on the wrapper, its label on
    the toggle). Items other than links with an icon (none of ours) are rendered by Wagtail."""
    items = [
        _dropdown_item(button) if button.url and button.icon_name else button.render_html()
        for button in sorted(buttons)
    ]
    icon_only = "" if menu.label else "w-dropdown__toggle--icon"
    toggle = " ".join(filter(None, ["w-dropdown__toggle", icon_only, menu.classname]))
    return format_html(
        '<div data-controller="w-dropdown" class="w-dropdown"{}><button type="button" '
        'class="{}" data-w-dropdown-target="toggle"{}>{}<svg class="icon icon-{} '
        'w-dropdown__toggle-icon" aria-hidden="true"><use href="#icon-{}"></use></svg></button>'
        '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{}</div></div>',
        menu.base_attrs_string,
        toggle,
        format_html(' aria-label="{}"', menu.aria_label) if menu.aria_label else "",
        menu.label,
        menu.icon_name or "arrow-down",
        menu.icon_name or "arrow-down",
        format_html_join("", "{}", ((item,) for item in items)),
    )


class QuickTitleColumn(TitleColumn):
    """The first column: the record's link, and its row's "more options" menu when that
    offers more than the link itself."""

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        title = context["value"]
        if context.get("title_id"):
            title = format_html('<span id="{}">{}</span>', context["title_id"], title)
        if context.get("link_url"):
            title = format_html("<a{}>{}</a>", flatatt(context["link_attrs"]), title)
        elif context.get("label_id"):
            title = format_html('<label for="{}">{}</label>', context["label_id"], title)
        actions = []
        for button in context.get("buttons", []):
            if isinstance(button, ButtonWithDropdown):
                more = [item for item in button.dropdown_buttons if item.url != context["link_url"]]
                if more:
                    actions.append(_dropdown(button, more))
            elif button.show:
                actions.append(button.render_html(parent_context))
        classes = " ".join(filter(None, [self.classname, "title"]))
        return format_html(
            '<td class="{}"><div class="title-wrapper">{}</div>{}</td>',
            classes,
            title,
            format_html(
                '<ul class="actions">{}</ul>',
                format_html_join("", "<li>{}</li>", ((action,) for action in actions)),
            )
            if actions
            else "",
        )


class QuickTable(Table):
    """Wagtail's listing table with its rows joined in Python: the template's
    ``{% component cell %}`` for each of a page's few hundred cells cost more than the cells
    themselves. Each header and cell still renders itself (these columns without a template,
    any other through its own), with the context the template would give it; the markup is
    the template's, so Wagtail's styles and scripts apply unchanged."""

    def render_html(self, parent_context=None):
        if self.template_name != Table.template_name:
            return super().render_html(parent_context)
        parent_context = parent_context or {}
        context = parent_context.flatten() if hasattr(parent_context, "flatten") else {}
        context = {**context, **self.get_context_data(parent_context)}
        columns = list(self.columns.values())
        caption = self.get_caption()
        header_classes = self.header_row_classname
        return format_html(
            "<table{}>{}{}<thead><tr{}>{}</tr></thead><tbody>{}</tbody></table>",
            attributes(self.attrs),
            format_html('<caption class="w-sr-only">{}</caption>', caption) if caption else "",
            self._widths_html(columns) if self.has_column_widths() else "",
            format_html(' class="{}"', header_classes) if header_classes else "",
            format_html_join("", "{}", ((c.header.render_html(context),) for c in columns)),
            format_html_join(
                "", "{}", ((self._row_html(row, columns, context),) for row in self.rows)
            ),
        )

    def _widths_html(self, columns):
        widths = ((format_html(' width="{}"', c.width) if c.width else "",) for c in columns)
        return format_html_join("", "<col{}/>", widths)

    def _row_html(self, row, columns, context):
        context["row"] = row
        return format_html(
            "<tr{}>{}</tr>",
            attributes(row.attrs),
            format_html_join(
                "", "{}", ((c.render_cell_html(row.instance, context),) for c in columns)
            ),
        )
