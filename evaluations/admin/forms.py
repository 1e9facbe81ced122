from django import forms

from core.imports import UploadForm
from programme.import_layouts import layouts_for


class FamilyImportForm(UploadForm):
    file_label = "Case-management export"
    file_help_text = (
        "CSV or Excel, one row per need. Case references are hashed as the file is read and "
        "are never stored. Up to 512 MB, or compressed (.gz, .zip)."
    )

    def get_layouts(self):
        return layouts_for("families")


class DataReleaseForm(forms.Form):
    purpose = forms.CharField(
        max_length=255,
        help_text="Who the return is for and why, e.g. 'National impact study, Q3 2026-27'. "
        "It is recorded with your name.",
    )
