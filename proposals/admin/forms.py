from django import forms

from proposals.models import CriterionResult, Screening


class ScreeningForm(forms.Form):
    """A result for every active criterion, a recommendation, and reasons for a return."""

    recommendation = forms.ChoiceField(
        choices=Screening.Recommendation.choices, widget=forms.RadioSelect
    )
    reasons = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Required when returning the proposal: what the lead needs to change or add.",
    )

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"result_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.title,
                choices=CriterionResult.Result.choices,
                widget=forms.RadioSelect,
                help_text=criterion.guidance,
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=f"Note on ‘{criterion.title}’",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def criterion_fields(self):
        return [(self[f"result_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("recommendation") == Screening.Recommendation.RETURN
            and not cleaned.get("reasons", "").strip()
        ):
            self.add_error("reasons", "Say what the lead needs to change or add")
        return cleaned

    def results(self):
        return {
            c: (self.cleaned_data[f"result_{c.pk}"], self.cleaned_data[f"note_{c.pk}"])
            for c in self.criteria
        }
