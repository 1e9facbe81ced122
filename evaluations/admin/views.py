"""Back-office screens of the family records: importing family outcome records (upload,
preview, confirm) and the anonymised case-level return."""

from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.views.generic import FormView

from core.admin.views import BackOfficePage
from core.imports import ImportView
from evaluations import tasks
from evaluations.admin.forms import DataReleaseForm, FamilyImportForm
from evaluations.case_level import csv_lines
from evaluations.models import DataRelease, FamilyImport
from evaluations.services import data_release_record


class FamilyImportView(ImportView):
    """Kept, once checked, as the checked families (hashes only, never the references)."""

    permission_model = FamilyImport
    template_name = "evaluations/admin/import.html"
    form_class = FamilyImportForm
    page_title = "Import family outcomes"
    kind = tasks.KIND
    check_task = tasks.families_check
    write_task = tasks.families_write
    done_url_name = "families:index"


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
