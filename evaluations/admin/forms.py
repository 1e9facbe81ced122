from django import forms

from core.imports import CsvImportForm


class FamilyImportForm(CsvImportForm):
    file_label = "Case-management export (CSV)"
    file_help_text = (
        "One row per need. Case references are hashed as the file is read and are never stored."
    )


class DataReleaseForm(forms.Form):
    purpose = forms.CharField(
        max_length=255,
        help_text="Who the return is for and why, e.g. 'National impact study, Q3 2026-27'. "
        "It is recorded with your name.",
    )
