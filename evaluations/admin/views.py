"""Back-office screens of the family records: importing family outcome records (upload,
preview, confirm) and the anonymised case-level return."""

import hashlib

from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.generic import FormView

from core.admin.views import BackOfficePage
from core.imports import ImportView
from evaluations import family_csv
from evaluations.admin.forms import DataReleaseForm, FamilyImportForm
from evaluations.case_level import csv_lines
from evaluations.models import DataRelease, FamilyImport
from evaluations.services import data_release_record, family_outcomes_import


class FamilyImportView(ImportView):
    """Kept until confirmed as the checked families (hashes only, never the references)."""

    permission_model = FamilyImport
    template_name = "evaluations/admin/import.html"
    form_class = FamilyImportForm
    page_title = "Import family outcomes"
    session_key = "evaluations.pending_family_import"
    done_url_name = "families:index"

    def preview(self, data, filename, layout):
        checked = family_csv.check(
            data, today=timezone.localdate(), filename=filename, layout=layout
        )
        result = family_outcomes_import(
            user=self.request.user,
            checked=checked,
            filename=filename,
            sha256=hashlib.sha256(data).hexdigest(),
            dry_run=True,
        )
        return result, family_csv.dumps(checked).encode()

    def nothing_new(self, preview):
        return preview.added == 0 and preview.updated == 0

    def commit(self, pending, filename, sha256, layout):
        result = family_outcomes_import(
            user=self.request.user,
            checked=family_csv.loads(pending.decode()),
            filename=filename,
            sha256=sha256,
        )
        return (
            f"{filename}: {result.added:,} families added, {result.updated:,} updated, "
            f"{result.unchanged:,} unchanged."
            + (
                f" {result.retired:,} past the retention period were not added again."
                if result.retired
                else ""
            )
        )


class CaseLevelExportView(BackOfficePage, FormView):
    """Ask what the return is for, record it, then stream the CSV."""

    permission_model = DataRelease
    permission_required = "add"
    template_name = "evaluations/admin/case_level.html"
    form_class = DataReleaseForm
    page_title = "Anonymised case-level return"
    header_icon = "download"

    def form_valid(self, form):
        try:
            data_release_record(user=self.request.user, purpose=form.cleaned_data["purpose"])
        except ValidationError as error:
            form.add_error("purpose", error)
            return self.form_invalid(form)
        response = StreamingHttpResponse(csv_lines(), content_type="text/csv")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="case-level-return-{stamp}.csv"'
        return response
