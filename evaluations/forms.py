from django import forms

from core.forms import GovukFormMixin
from evaluations.models.results import RESULT_FIGURES

LABELS = {
    "families_supported": "Families supported",
    "families_achieved": "Achieved the outcome",
    "families_sustained": "Sustained it six months on",
}


class ResultsForm(GovukFormMixin, forms.Form):
    """Families per headline outcome for one quarter: three numbers for each outcome."""

    def __init__(self, *args, outcomes, existing, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for outcome in outcomes:
            names = []
            for field in RESULT_FIGURES:
                name = f"o{outcome.number}_{field}"
                self.fields[name] = forms.IntegerField(
                    label=f"{outcome.name}: {LABELS[field].lower()}",
                    min_value=0,
                    max_value=1_000_000,
                    required=False,
                    initial=existing.get((outcome.number, field), 0),
                )
                self.fields[name].widget.attrs.update(
                    {"class": "govuk-input govuk-input--width-5", "inputmode": "numeric"}
                )
                names.append(name)
            self.rows.append((outcome, [self[name] for name in names]))

    def figures(self):
        """{outcome number: (supported, achieved, sustained)} from the cleaned data."""
        return {
            outcome.number: tuple(self.cleaned_data.get(b.name) or 0 for b in boxes)
            for outcome, boxes in self.rows
        }

    def error_summary(self):
        """Each problem named by its outcome and box: the table has thirty of them."""
        items = [("", error) for error in self.non_field_errors()]
        for name, field in self.fields.items():
            for error in self.errors.get(name, []):
                items.append((self[name].id_for_label, f"{field.label}: {error}"))
        return items


class AssumptionsForm(forms.Form):
    """Try other deadweight and optimism-bias figures on the page without saving them."""

    deadweight = forms.DecimalField(min_value=0, max_value=100, decimal_places=2, required=False)
    optimism_bias = forms.DecimalField(min_value=0, max_value=100, decimal_places=2, required=False)
