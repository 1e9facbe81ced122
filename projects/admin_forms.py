from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from governance.forms import CsvImportForm
from projects.models import Project, SpendLine


class SpendLineForm(WagtailAdminModelForm):
    """Manual entry of a ledger line: it lands on the project whose cost centre it names."""

    class Meta:
        model = SpendLine
        fields = [
            "transaction_number",
            "date",
            "supplier",
            "description",
            "cost_centre",
            "expense_type",
            "net_amount",
            "irrecoverable_vat",
            "paid_to_individual",
        ]

    def clean_cost_centre(self):
        code = self.cleaned_data["cost_centre"].strip()
        self.project = Project.objects.filter(cost_centre=code).first()
        if self.project is None:
            raise forms.ValidationError(f"No project has the cost centre '{code}'.")
        return code

    def save(self, commit=True):
        self.instance.project = self.project
        return super().save(commit=commit)


class ImportForm(CsvImportForm):
    file = forms.FileField(label="Finance system CSV export")
