from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from core.financial_years import fy_for_date, fy_name, fy_start_year
from core.forms import MoneyField
from core.imports import UploadForm
from programme.import_layouts import layouts_for
from projects.models import Project, SpendLine
from projects.months import closed_months


class SpendLineForm(WagtailAdminModelForm):
    """Manual entry of a ledger line: it lands on the project whose cost centre it names."""

    line_number = forms.IntegerField(
        min_value=1,
        required=False,
        help_text="For a split invoice, which of its lines this is; 1 when left blank.",
    )

    class Meta:
        model = SpendLine
        fields = [
            "transaction_number",
            "line_number",
            "date",
            "supplier",
            "description",
            "cost_centre",
            "expense_type",
            "net_amount",
            "irrecoverable_vat",
            "paid_to_individual",
        ]

    def clean_date(self):
        date = self.cleaned_data["date"]
        closed = closed_months()
        for day in (date, self.instance.date if self.instance.pk else None):
            if day and day.replace(day=1) in closed:
                raise forms.ValidationError(
                    f"{day:%B %Y} is closed: no line dated in it can be added or changed."
                )
        return date

    def clean_line_number(self):
        return self.cleaned_data["line_number"] or 1

    def clean_cost_centre(self):
        code = self.cleaned_data["cost_centre"].strip()
        self.project = Project.objects.filter(cost_centre=code).first()
        if self.project is None:
            raise forms.ValidationError(f"No project has the cost centre '{code}'.")
        return code

    def save(self, commit=True):
        self.instance.project = self.project
        return super().save(commit=commit)


class ExplainForm(forms.Form):
    explanation = forms.CharField(
        label="Why is this line right, or what will be done about it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why this line is right, or what will be done"},
    )


class ImportForm(UploadForm):
    file_label = "Finance system export"
    file_help_text = (
        "CSV or Excel, as the finance system wrote it; a whole department's export is fine: "
        "lines for other cost centres are skipped and counted. Up to 512 MB, or compressed "
        "(.gz, .zip)."
    )

    def get_layouts(self):
        return layouts_for("ledger")


def project_years(project):
    """Every financial year the project runs in, and any the profile already holds."""
    first = fy_start_year(fy_for_date(project.start_date))
    last = fy_start_year(fy_for_date(project.end_date))
    years = {fy_name(year) for year in range(first, last + 1)}
    years |= set(project.profile.values_list("financial_year", flat=True))
    return sorted(years)


class ProfileForm(forms.Form):
    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        current = {
            (line.financial_year, line.quarter): line.amount for line in project.profile.all()
        }
        self.years = project_years(project)
        for year in self.years:
            for quarter in range(1, 5):
                self.fields[f"{year}_q{quarter}"] = MoneyField(
                    label=f"Q{quarter} {year}",
                    required=False,
                    initial=current.get((year, quarter)),
                    min_value=0,
                )
        self.fields["reason"] = forms.CharField(
            label="Why the profile changes",
            required=False,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text="Recorded with the quarters that move (a variation). Not needed the first "
            "time a profile is set.",
        )

    def rows(self):
        return [(year, [self[f"{year}_q{q}"] for q in range(1, 5)]) for year in self.years]

    def cells(self):
        return {
            (year, quarter): self.cleaned_data[f"{year}_q{quarter}"]
            for year in self.years
            for quarter in range(1, 5)
            if self.cleaned_data[f"{year}_q{quarter}"]
        }


class MilestoneForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(max_length=255)
    due_date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    met_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))


MilestoneFormSet = forms.formset_factory(MilestoneForm, extra=3, can_delete=True)
