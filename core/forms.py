"""Django forms rendered in the GOV.UK Design System's markup (label, hint, error message,
error summary), used by every portal form."""

from django import forms
from django.forms.renderers import TemplatesSetting


class GovukRenderer(TemplatesSetting):
    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"


WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


class GovukFormMixin:
    default_renderer = GovukRenderer()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            css = next(
                (css for cls, css in WIDGET_CLASSES.items() if isinstance(widget, cls)),
                "govuk-input" if isinstance(widget, forms.widgets.Input) else "",
            )
            if css and not isinstance(widget, forms.CheckboxInput):
                existing = widget.attrs.get("class", "")
                widget.attrs["class"] = f"{css} {existing}".strip()
                widget.error_class = f"{css}--error"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            error_class = getattr(field.widget, "error_class", None) if field else None
            if error_class and error_class not in field.widget.attrs.get("class", ""):
                field.widget.attrs["class"] += f" {error_class}"

    def error_summary(self):
        """(field id, message) pairs for the GOV.UK error summary, in field order."""
        items = [("", error) for error in self.non_field_errors()]
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self[name].id_for_label or name, error))
        return items


class GovukCheckboxes(forms.CheckboxSelectMultiple):
    template_name = "includes/widgets/checkboxes.html"


class GovukRadios(forms.RadioSelect):
    template_name = "includes/widgets/radios.html"


class MoneyField(forms.DecimalField):
    """Pounds and pence, typed as people type them: '£1,250.50', '1250.5' or '1250'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault(
            "error_messages",
            {
                "invalid": "Enter an amount in pounds and pence, like 1250.50",
                "max_decimal_places": "Enter an amount with no more than 2 decimal places",
            },
        )
        super().__init__(**kwargs)
        self.widget = forms.TextInput(
            attrs={"inputmode": "decimal", "class": "govuk-input--width-10", "spellcheck": "false"}
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", "").removeprefix("£").strip()
        return super().to_python(value)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)
