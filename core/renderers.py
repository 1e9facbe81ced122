"""Form renderers that build a select box's options in Python. Django renders each option of
a ``<select>`` through a template of its own: a filter of 600 organisations was most of a
listing page's time. The markup is the template's, attribute for attribute."""

from django.forms.renderers import DjangoTemplates
from django.utils.html import format_html, format_html_join

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def attributes(attrs):
    """As django/forms/widgets/attrs.html writes them: in order, True bare, False left out."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def select_html(widget):
    groups = []
    for group_name, options, _index in widget["optgroups"]:
        rendered = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>',
            ((option["value"], attributes(option["attrs"]), option["label"]) for option in options),
        )
        if group_name:
            rendered = format_html(
                '\n  <optgroup label="{}">{}\n  </optgroup>', group_name, rendered
            )
        groups.append(rendered)
    return format_html(
        '<select name="{}"{}>{}\n</select>',
        widget["name"],
        attributes(widget["attrs"]),
        format_html_join("", "{}", ((group,) for group in groups)),
    )


class QuickSelectMixin:
    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if template_name == SELECT and all(
            option["template_name"] == OPTION
            for _name, options, _index in widget["optgroups"]
            for option in options
        ):
            return select_html(widget)
        return super().render(template_name, context, request)


class QuickSelectRenderer(QuickSelectMixin, DjangoTemplates):
    """Django's default renderer (the back office's forms and filters)."""
