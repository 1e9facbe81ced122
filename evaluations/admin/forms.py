from django import forms

from core.imports import UploadForm
from evaluations.case_layouts import LAYOUTS


class FamilyImportForm(UploadForm):
    file_label = "Case-management export"
    file_help_text = (
        "CSV or Excel, one row per need. Case references are hashed as the file is read and "
        "are never stored."
    )
    layouts = LAYOUTS


class DataReleaseForm(forms.Form):
    purpose = forms.CharField(
        max_length=255,
        help_text="Who the return is for and why, e.g. 'National impact study, Q3 2026-27'. "
        "It is recorded with your name.",
    )
