"""Django forms rendered in the GOV.UK Design System's markup (label, hint, error message,
error summary), used by every portal form."""

from django import forms
from django.forms.renderers import TemplatesSetting

from core.renderers import QuickSelectMixin


class GovukRenderer(QuickSelectMixin, TemplatesSetting):
    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"


WIDGET_CLASSES = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.ClearableFileInput: "govuk-file-upload",
    forms.FileInput: "govuk-file-upload",
}


GENERIC_REQUIRED = forms.Field.default_error_messages["required"]


def required_message(field, name):
    """GOV.UK's specific message for an empty field ("Enter the title", "Select a priority")
    in place of Django's "This field is required.", which does not say which field."""
    label = str(field.label or name.replace("_", " ").capitalize()).split(" (")[0].rstrip("?:")
    words = label.split(" ", 1)
    if not (len(words[0]) > 1 and words[0][1].isupper()):  # keep acronyms: "RAG rating"
        label = label[0].lower() + label[1:]
    if isinstance(field, forms.FileField):
        return f"Choose a file for {label}"
    if isinstance(field, (forms.ChoiceField, forms.ModelChoiceField, forms.BooleanField)):
        return f"Select {label}"
    return f"Enter {label}"


class GovukFormMixin:
    """Every field gets the GOV.UK classes and a message for an empty answer that names it;
    ``error_summary`` links each message to its field."""

    default_renderer = GovukRenderer()

    def govuk_fields(self):
        """Dress every field, including those a form adds in its own ``__init__``: called
        before the form is cleaned and before any field is rendered. Idempotent."""
        for name, field in self.fields.items():
            if field.error_messages.get("required") == GENERIC_REQUIRED:
                field.error_messages = {
                    **field.error_messages,
                    "required": required_message(field, name),
                }
            widget = field.widget
            css = next(
                (css for cls, css in WIDGET_CLASSES.items() if isinstance(widget, cls)),
                "govuk-input" if isinstance(widget, forms.widgets.Input) else "",
            )
            existing = widget.attrs.get("class", "")
            if css and not isinstance(widget, forms.CheckboxInput) and css not in existing.split():
                widget.attrs["class"] = f"{css} {existing}".strip()
                widget.error_class = f"{css}--error"

    def full_clean(self):
        self.govuk_fields()
        super().full_clean()
        for name in self.errors:
            field = self.fields.get(name)
            error_class = getattr(field.widget, "error_class", None) if field else None
            if error_class and error_class not in field.widget.attrs.get("class", ""):
                field.widget.attrs["class"] += f" {error_class}"

    def __getitem__(self, name):
        self.govuk_fields()
        return super().__getitem__(name)

    def get_context(self):
        self.govuk_fields()
        return super().get_context()

    def error_summary(self):
        """(field id, message) pairs for the GOV.UK error summary, in field order."""
        items = [("", error) for error in self.non_field_errors()]
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self.error_target(name), error))
        return items

    def error_target(self, name):
        """The id the summary links to: the field, or its first radio or checkbox."""
        bound = self[name]
        if isinstance(bound.field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"{bound.auto_id}_0"
        return bound.id_for_label or bound.auto_id


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


def add_service_errors(form, error):
    """A service's ValidationError on the form that asked: each message beside the field it
    names (or above the form), so the GOV.UK error summary links to it."""
    if hasattr(error, "error_dict"):
        for field, field_messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, field_messages)
    else:
        form.add_error(None, error.messages)
