from django import forms

from core.forms import DateInput, GovukFormMixin, GovukRadios, MoneyField
from governance.models import Ballot, Decision, Vote
from governance.services.minutes import LONGEST_NOTE
from governance.services.variations import OUTCOMES as VARIATION_OUTCOMES
from programme.models import Organisation, User


class DeclarationForm(GovukFormMixin, forms.Form):
    nature = forms.CharField(
        label="What is your interest?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe your interest"},
    )
    prejudicial = forms.BooleanField(
        label="It is prejudicial: I will not vote on this item", required=False
    )


class QuestionForm(GovukFormMixin, forms.Form):
    text = forms.CharField(label="Your question", widget=forms.Textarea(attrs={"rows": 3}))


class AnswerForm(GovukFormMixin, forms.Form):
    answer = forms.CharField(label="Your answer", widget=forms.Textarea(attrs={"rows": 3}))


class BallotForm(GovukFormMixin, forms.Form):
    choice = forms.ChoiceField(label="Your vote", choices=Ballot.Choice.choices, widget=GovukRadios)


class SecretaryBallotForm(BallotForm):
    member = forms.ModelChoiceField(
        queryset=User.objects.none(),
        label="Vote for",
        empty_label=None,
        error_messages={"required": "Select the member voting"},
    )
    replace_own = forms.BooleanField(
        required=False, label="Replace the vote they cast themselves, if they have voted"
    )

    def __init__(self, *args, voters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = User.objects.filter(pk__in=voters)
        self.fields["choice"].label = "Their vote"


class CloseVoteForm(GovukFormMixin, forms.Form):
    casting_vote = forms.ChoiceField(
        label="Chair's casting vote (only on a tie)",
        required=False,
        choices=[("", "No casting vote"), *Vote.Casting.choices],
        widget=GovukRadios,
    )


class DeferForm(GovukFormMixin, forms.Form):
    reasons = forms.CharField(
        label="Why it is deferred",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: not reached, or not quorate for this item.",
        error_messages={"required": "Say why the item is deferred"},
    )


class MeetingEndForm(GovukFormMixin, forms.Form):
    """Why a meeting is cancelled or adjourned, or why the items left are deferred at close."""

    reason = forms.CharField(label="Why", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, label="Why", required_message="Give the reason", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].label = label
        self.fields["reason"].error_messages["required"] = required_message


# A decision may carry several conditions, each with its owner and dates. The first keeps the
# plain field names; the others are numbered (condition_2, condition_2_owner, ...).
MAX_CONDITIONS = 5


def _slot(number):
    prefix = "condition" if number == 1 else f"condition_{number}"
    return {
        "text": prefix,
        "owner": f"{prefix}_owner",
        "due_date": f"{prefix}_due",
        "review_date": f"{prefix}_review",
    }


CONDITION_SLOTS = [_slot(number) for number in range(1, MAX_CONDITIONS + 1)]
CONDITION_FIELDS = [name for slot in CONDITION_SLOTS for name in slot.values()]


class ConditionsForm(GovukFormMixin, forms.Form):
    """A decision's conditions (if approved with conditions), each with its owner and dates:
    up to MAX_CONDITIONS, the unused ones left blank."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for number, slot in enumerate(CONDITION_SLOTS, start=1):
            label = "Condition" if number == 1 else f"Condition {number}"
            self.fields[slot["text"]] = forms.CharField(
                label=f"{label} (if approved with conditions)"
                if number == 1
                else f"{label} (optional)",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[slot["owner"]] = forms.ModelChoiceField(
                queryset=User.objects.all(), required=False, label=f"{label} owner"
            )
            self.fields[slot["due_date"]] = forms.DateField(
                required=False, widget=DateInput(), label=f"{label} due"
            )
            self.fields[slot["review_date"]] = forms.DateField(
                required=False, widget=DateInput(), label=f"{label} review date"
            )
        self.order_fields(self.field_order or list(self.fields))

    def clean(self):
        data = super().clean()
        for number, slot in enumerate(CONDITION_SLOTS, start=1):
            if not data.get(slot["text"]):
                continue
            which = "the condition" if number == 1 else f"condition {number}"
            for key, message in (
                ("owner", f"Select {which}'s owner"),
                ("due_date", f"Enter the date {which} is due"),
                ("review_date", f"Enter the date {which} is reviewed"),
            ):
                if not data.get(slot[key]) and slot[key] not in self.errors:
                    self.add_error(slot[key], message)
        return data

    def conditions(self):
        data = self.cleaned_data
        return [
            {key: data[name] for key, name in slot.items()}
            for slot in CONDITION_SLOTS
            if data.get(slot["text"])
        ]


class DecisionForm(ConditionsForm):
    outcome = forms.ChoiceField(
        choices=Decision.Outcome.choices, widget=GovukRadios, label="Decision"
    )
    approved_amount = MoneyField(label="Amount approved (£)", required=False)
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required when rejecting.",
    )
    override_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Override reason",
        help_text="Needed to approve a proposal that failed a criterion or exceeds the fund.",
    )

    field_order = ["outcome", "approved_amount", "reasons", *CONDITION_FIELDS, "override_reason"]


class VariationDecisionForm(GovukFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        choices=VARIATION_OUTCOMES,
        widget=GovukRadios,
        label="The group's decision",
        error_messages={"required": "Choose whether the group agreed the variation"},
    )
    note = forms.CharField(
        label="Reasons",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Required when refusing: the lead is told.",
    )


class AttendanceForm(GovukFormMixin, forms.Form):
    person = forms.ModelChoiceField(queryset=User.objects.all(), label="Person")
    capacity = forms.ChoiceField(
        choices=[
            ("member", "Member"),
            ("substitute", "Substitute"),
            ("adviser", "Adviser"),
            ("officer", "Officer in attendance"),
        ],
        widget=GovukRadios,
    )
    substitute_for = forms.ModelChoiceField(
        queryset=User.objects.all(), required=False, label="Substitute for"
    )
    present = forms.BooleanField(
        required=False, initial=True, label="Present (untick to record apologies)"
    )


class ChairsActionForm(ConditionsForm):
    proposal = forms.ModelChoiceField(queryset=None, label="Proposal", empty_label=None)
    outcome = forms.ChoiceField(
        widget=GovukRadios,
        label="Decision",
        choices=[c for c in Decision.Outcome.choices if c[0] != Decision.Outcome.DEFERRED],
    )
    approved_amount = MoneyField(label="Amount approved (£)", required=False)
    decided_on = forms.DateField(widget=DateInput(), label="Date of the decision")
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why it is urgent, and the reasons for the decision",
    )
    alternatives = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="Alternatives considered and rejected"
    )
    interests = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), required=False, label="Interests declared"
    )
    override_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Override reason",
        help_text="Needed to approve a proposal that failed a criterion or exceeds the fund, "
        "or to decide one before it has been screened.",
    )

    field_order = [
        "proposal",
        "outcome",
        "approved_amount",
        "decided_on",
        "reasons",
        "alternatives",
        "interests",
        *CONDITION_FIELDS,
        "override_reason",
    ]

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals


class UrgentItemForm(GovukFormMixin, forms.Form):
    proposal = forms.ModelChoiceField(queryset=None, label="Proposal", empty_label=None)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="The chair's reason it cannot wait"
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposal"].queryset = proposals


class DispensationForm(GovukFormMixin, forms.Form):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}), label="Why the bar is lifted"
    )


class CorrectionForm(ConditionsForm):
    outcome = forms.ChoiceField(
        widget=GovukRadios,
        label="The decision as it should stand",
        choices=[c for c in Decision.Outcome.choices if c[0] != Decision.Outcome.DEFERRED],
    )
    approved_amount = MoneyField(label="Amount approved (£)", required=False)
    reasons = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), label="What is corrected, and why"
    )
    override_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Override reason (if the fund check needs one)",
    )

    field_order = ["outcome", "approved_amount", "reasons", *CONDITION_FIELDS, "override_reason"]


class InterestForm(GovukFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        label="Organisation (if the interest is in one)",
        help_text="Choosing it means items from this organisation are flagged for you.",
    )
    description = forms.CharField(
        label="Your interest",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For example: trustee of the charity; my partner works for it.",
        error_messages={"required": "Describe the interest"},
    )


class MinutesForm(GovukFormMixin, forms.Form):
    """The secretary's words in draft minutes: a discussion note for each agenda item (named
    ``discussion_<item id>``) and any other business. The rest is read from the record."""

    other_business = forms.CharField(
        label="Other business",
        required=False,
        max_length=LONGEST_NOTE,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        notes = {}
        for item in self.items:
            notes[f"discussion_{item.pk}"] = forms.CharField(
                label=f"What the group discussed: {item.title}",
                required=False,
                max_length=LONGEST_NOTE,
                initial=item.discussion,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        self.fields = {**notes, **self.fields}

    def discussions(self):
        return {item.pk: self.cleaned_data[f"discussion_{item.pk}"] for item in self.items}
