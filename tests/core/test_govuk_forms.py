"""Every portal form follows the GOV.UK error pattern: each problem is named in the error
summary, which links to its field, and the message says which field it is about."""

import re
from importlib import import_module

import pytest
from django import forms

from core.forms import GENERIC_REQUIRED, GovukFormMixin
from programme.models import Criterion, Outcome, User
from proposals.models import Proposal
from tests.factories import PriorityFactory, ProjectFactory

pytestmark = pytest.mark.django_db

PORTAL_FORMS = ["portal.forms", "proposals.forms", "governance.forms", "projects.forms"]
# Django's messages that do not say which field they are about.
GENERIC = {GENERIC_REQUIRED, *forms.ChoiceField.default_error_messages.values()}


def subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def portal_forms():
    for module in PORTAL_FORMS:
        import_module(module)
    return sorted(
        (cls for cls in subclasses(GovukFormMixin) if cls.__module__ in PORTAL_FORMS),
        key=lambda cls: cls.__qualname__,
    )


def empty(cls):
    """The form as a person submits it with every box left empty."""
    PriorityFactory()
    arguments = {
        "outcomes": Outcome.objects.all(),
        "criteria": Criterion.objects.all(),
        "current": {},
        "voters": [],
        "proposals": Proposal.objects.all(),
        "project": ProjectFactory(),
    }
    wanted = cls.__init__.__code__.co_varnames
    keywords = {name: value for name, value in arguments.items() if name in wanted}
    if cls.__name__ == "EmailAuthenticationForm":
        return cls(None, data={})
    if cls.__name__ == "GovukSetPasswordForm":
        return cls(User.objects.create(email="someone@example.org"), data={})
    return cls(data={}, **keywords)


@pytest.mark.parametrize("cls", portal_forms(), ids=lambda cls: cls.__name__)
def test_each_problem_on_an_empty_form_is_named_and_linked_to_its_field(cls):
    form = empty(cls)
    form.is_valid()
    html = form.render()
    ids = set(re.findall(r'id="([^"]+)"', html))
    for target, message in form.error_summary():
        assert message not in GENERIC, f"{cls.__name__}: {message!r} names no field"
        if target:
            assert target in ids, f"{cls.__name__}: the summary links to #{target}, not on the form"


def test_a_required_message_names_the_field_by_its_label():
    class Form(GovukFormMixin, forms.Form):
        title = forms.CharField()
        kind = forms.ChoiceField(choices=[("a", "A")], label="Kind of project")
        RAG_rating = forms.CharField(label="RAG rating")

    form = Form(data={})
    form.is_valid()
    assert [message for _, message in form.error_summary()] == [
        "Enter title",
        "Select kind of project",
        "Enter RAG rating",
    ]


def test_the_summary_links_radios_to_their_first_option():
    class Form(GovukFormMixin, forms.Form):
        choice = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)

    form = Form(data={})
    form.is_valid()
    assert form.error_summary() == [("id_choice_0", "Select choice")]
