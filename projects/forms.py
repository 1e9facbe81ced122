from django import forms

from core.forms import GovukCheckboxes, GovukFormMixin, GovukRadios
from projects.models import Project


class ProgressReportForm(GovukFormMixin, forms.Form):
    narrative = forms.CharField(
        label="What happened this quarter?",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Progress, what went well, what did not, and what changes next quarter.",
    )
    rag = forms.ChoiceField(
        label="How is the project going overall?",
        choices=Project.Rag.choices,
        widget=GovukRadios,
        help_text="Green: on track. Amber: at risk, with a plan. Red: off track, needs help.",
    )
    families_supported = forms.IntegerField(
        label="Families supported this quarter", min_value=0, max_value=1_000_000
    )
    milestones_met = forms.ModelMultipleChoiceField(
        label="Milestones met this quarter",
        queryset=None,
        required=False,
        widget=GovukCheckboxes,
    )
    risks = forms.CharField(
        label="Risks and issues",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What could stop the project delivering, and what is being done about it.",
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        open_milestones = project.milestones.filter(met_on__isnull=True)
        self.fields["milestones_met"].queryset = open_milestones
        if not open_milestones.exists():
            del self.fields["milestones_met"]
