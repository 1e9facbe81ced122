from django import forms

MAX_BYTES = 50 * 1024 * 1024


class FamilyImportForm(forms.Form):
    file = forms.FileField(
        label="Case-management export (CSV)",
        help_text="One row per need. Case references are hashed as the file is read and are "
        "never stored.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose a CSV file.")
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                "The file is larger than 50 MB; import it with the command."
            )
        return upload


class DataReleaseForm(forms.Form):
    purpose = forms.CharField(
        max_length=255,
        help_text="Who the return is for and why, e.g. 'National impact study, Q3 2026-27'. "
        "It is recorded with your name.",
    )
