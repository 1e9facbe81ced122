"""A select box built in Python is the markup Django's templates write."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test import SimpleTestCase

from core.forms import GovukRenderer
from core.renderers import QuickSelectRenderer


class Choices(forms.Form):
    plain = forms.ChoiceField(choices=[("", "Any"), ("a", "A & <b>"), ("b", 'Say "b"')])
    grouped = forms.MultipleChoiceField(
        choices=[("Kinds", [("x", "X"), ("y", "Y")]), ("z", "Z")], required=False
    )
    yes_no = forms.NullBooleanField(widget=forms.NullBooleanSelect)


@pytest.mark.parametrize("name", ["plain", "grouped", "yes_no"])
@pytest.mark.parametrize("renderer", [QuickSelectRenderer, GovukRenderer])
def test_a_select_box_is_the_markup_of_djangos_templates(name, renderer):
    data = {"plain": "b", "grouped": ["y", "z"], "yes_no": "true"}
    quick = Choices(data, renderer=renderer())
    slow = Choices(data, renderer=DjangoTemplates())
    SimpleTestCase().assertHTMLEqual(str(quick[name]), str(slow[name]))


def test_an_option_label_is_escaped():
    html = str(Choices(renderer=QuickSelectRenderer())["plain"])
    assert "A &amp; &lt;b&gt;" in html
    assert "<b>" not in html
