"""'Have your say': the form anyone can send without an account. A field people never see
traps robots (what they send is thanked and dropped), and each address may send
``FEEDBACK_PER_HOUR`` messages an hour, counted in the database so every worker agrees. The
address is kept only as a keyed hash, and only for a day."""

import datetime
import hashlib
import hmac

from django import forms
from django.conf import settings
from django.utils import timezone
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from core.forms import GovukCheckboxes, GovukFormMixin, GovukRadios
from core.security import client_address

HONEYPOT = "website"


class HoneypotInput(forms.TextInput):
    """Off the screen and out of the tab order: people never fill it in, robots do."""

    template_name = "includes/widgets/honeypot.html"

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})


class FeedbackForm(GovukFormMixin, BaseForm):
    def is_robot(self):
        return bool(self.cleaned_data.get(HONEYPOT))


class FeedbackFormBuilder(FormBuilder):
    """The questions the programme team sets in the back office, in GOV.UK's markup."""

    def create_radio_field(self, field, options):
        return super().create_radio_field(field, {**options, "widget": GovukRadios})

    def create_checkboxes_field(self, field, options):
        return super().create_checkboxes_field(field, {**options, "widget": GovukCheckboxes})

    def get_form_class(self):
        fields = {
            **self.formfields,
            HONEYPOT: forms.CharField(
                required=False, label="Leave this box empty", widget=HoneypotInput()
            ),
        }
        return type("FeedbackPageForm", (FeedbackForm,), fields)


def sender_key(request) -> str:
    """A keyed hash of the address the message came from (behind a proxy, the address it
    reports in ``CLIENT_ADDRESS_HEADER``)."""
    secret = settings.SECRET_KEY.encode()
    return hmac.new(secret, client_address(request).encode(), hashlib.sha256).hexdigest()


def since(hours: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)
