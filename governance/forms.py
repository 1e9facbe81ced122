from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from governance.govuk_forms import GovukFormMixin


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


class CsvImportForm(forms.Form):
    """Uploading a CSV export to import in the back office. Larger files go through the
    import command, which reads them from disk."""

    file = forms.FileField(label="CSV export")

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose a CSV file (its name ends .csv).")
        limit = settings.CSV_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB; "
                "import it with the command instead."
            )
        if upload.size == 0:
            raise forms.ValidationError("The selected file is empty.")
        return upload
