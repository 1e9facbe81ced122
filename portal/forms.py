"""Signing in and resetting a password, in the GOV.UK Design System's markup."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from core.forms import GovukFormMixin


class EmailAuthenticationForm(GovukFormMixin, AuthenticationForm):
    username = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    error_messages = {
        "invalid_login": "Enter a correct email address and password.",
        "inactive": "This account has been switched off. Contact the programme team.",
    }


class GovukPasswordResetForm(GovukFormMixin, PasswordResetForm):
    pass


class GovukSetPasswordForm(GovukFormMixin, SetPasswordForm):
    pass


class TokenForm(GovukFormMixin, forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=16,
        help_text="The 6-digit code your authenticator app shows now, or one of your "
        "recovery codes.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
        error_messages={"required": "Enter the code from your authenticator app"},
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()
