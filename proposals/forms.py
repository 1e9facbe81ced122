from django import forms

from core.financial_years import current_fy, fy_name, fy_start_year
from core.forms import DateInput, GovukCheckboxes, GovukFormMixin, GovukRadios, MoneyField
from programme.models import Organisation, Priority
from proposals.models import BudgetLine, Proposal


class NewProposalForm(GovukFormMixin, forms.Form):
    title = forms.CharField(max_length=200, help_text="A short name the group will recognise.")
    kind = forms.ChoiceField(
        label="What kind of proposal is it?",
        choices=Proposal.Kind.choices,
        widget=GovukRadios,
        error_messages={"required": "Select what kind of proposal it is"},
    )
    lead_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.all(), label="Lead organisation", empty_label=None
    )


class AboutForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["title", "kind", "lead_organisation", "summary"]
        widgets = {"kind": GovukRadios, "summary": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "summary": "What the money will pay for and what it will achieve, in a few sentences."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Proposal.Kind.choices
        self.fields["lead_organisation"].empty_label = None
        self.fields["summary"].required = True


class NeedForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["need_and_evidence", "whole_family_approach"]
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in fields}
        help_texts = {
            "need_and_evidence": "The families who need this, how many, and the local data or "
            "evaluation that shows it.",
            "whole_family_approach": "How the work assesses and plans with the whole family, "
            "with one lead worker and one family plan.",
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True


class PrioritiesForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["priorities"]
        widgets = {"priorities": GovukCheckboxes}
        labels = {"priorities": "Which of the programme's priorities does it address?"}
        help_texts = {"priorities": "Select all that apply."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["priorities"].queryset = Priority.objects.all()
        self.fields["priorities"].required = True
        self.fields["priorities"].error_messages["required"] = "Select at least one priority"


class OutcomesForm(GovukFormMixin, forms.Form):
    """One box per headline outcome: the number of families expected to achieve it."""

    def __init__(self, *args, outcomes, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        for outcome in self.outcomes:
            self.fields[f"outcome_{outcome.number}"] = forms.IntegerField(
                label=f"{outcome.number}. {outcome.name}",
                required=False,
                min_value=1,
                max_value=100_000,
                initial=current.get(outcome.pk),
                widget=forms.TextInput(
                    attrs={"inputmode": "numeric", "class": "govuk-input--width-5"}
                ),
                error_messages={
                    "min_value": "Enter a number of families of 1 or more, or leave it blank"
                },
            )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not any(cleaned.values()):
            raise forms.ValidationError("Enter the number of families for at least one outcome")
        return cleaned

    def targets(self):
        return {o: self.cleaned_data.get(f"outcome_{o.number}") for o in self.outcomes}


def financial_year_choices():
    start = fy_start_year(current_fy())
    return [(fy_name(year), fy_name(year)) for year in range(start - 1, start + 4)]


class BudgetLineForm(GovukFormMixin, forms.ModelForm):
    amount = MoneyField(label="Amount (£)", min_value=0.01)

    class Meta:
        model = BudgetLine
        fields = ["financial_year", "cost_type", "description", "amount"]
        widgets = {"cost_type": GovukRadios}
        help_texts = {"financial_year": "Financial years run from 1 April to 31 March."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["financial_year"] = forms.ChoiceField(
            choices=financial_year_choices(),
            label="Financial year",
            help_text=self.Meta.help_texts["financial_year"],
            initial=current_fy(),
        )
        self.fields["cost_type"].choices = BudgetLine.CostType.choices
        self.fields["amount"].error_messages["min_value"] = "Enter an amount of more than £0"


class DeliveryForm(GovukFormMixin, forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["delivery_start", "delivery_end", "sustainability"]
        widgets = {
            "delivery_start": DateInput(),
            "delivery_end": DateInput(),
            "sustainability": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "sustainability": "What happens when the funding ends: mainstreaming, "
            "other funding, or a planned close."
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = True

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("delivery_start"), cleaned.get("delivery_end")
        if start and end and end < start:
            self.add_error("delivery_end", "Delivery must end on or after the day it starts")
        return cleaned


class CriteriaForm(GovukFormMixin, forms.Form):
    def __init__(self, *args, criteria, current, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            answer, evidence = current.get(criterion.pk, ("", ""))
            self.fields[f"answer_{criterion.pk}"] = forms.CharField(
                label=criterion.title,
                help_text=criterion.guidance,
                initial=answer,
                widget=forms.Textarea(attrs={"rows": 4}),
                error_messages={"required": f"Answer ‘{criterion.title}’"},
            )
            self.fields[f"evidence_{criterion.pk}"] = forms.CharField(
                label=f"Evidence for ‘{criterion.title}’ (optional)",
                required=False,
                initial=evidence,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self):
        return {
            c: (self.cleaned_data[f"answer_{c.pk}"], self.cleaned_data[f"evidence_{c.pk}"])
            for c in self.criteria
        }


class AttachmentForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Upload a file",
        help_text="PDF, Word, Excel, OpenDocument, CSV, PNG, JPEG or GIF, up to 10 MB.",
        error_messages={"required": "Select a file"},
    )


class CoLeadForm(GovukFormMixin, forms.Form):
    email = forms.EmailField(
        label="Co-lead's email address",
        help_text="We email them an invitation. They become a co-lead when they accept it, "
        "and can then change and submit the proposal.",
    )


class WithdrawForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing it?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why you are withdrawing it"},
    )
