from django import forms

from core.financial_years import current_fy, fy_name, fy_start_year


class ScheduleForm(forms.Form):
    financial_year = forms.ChoiceField(label="Financial year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        start = fy_start_year(current_fy())
        self.fields["financial_year"].choices = [
            (fy_name(year), fy_name(year)) for year in range(start - 1, start + 3)
        ]
        self.fields["financial_year"].initial = fy_name(start + 1)
