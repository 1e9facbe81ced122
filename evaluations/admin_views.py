"""Back-office views: importing family outcome records (upload, preview, confirm) and the
anonymised case-level return."""

import hashlib

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView
from wagtail.admin.views import generic

from evaluations import family_csv
from evaluations.admin_forms import DataReleaseForm, FamilyImportForm
from evaluations.exports.case_level import csv_lines
from evaluations.imports import FamilyImportRefused, family_outcomes_import
from evaluations.services import data_release_record

SESSION_KEY = "evaluations.pending_family_import"


class AdminPage(generic.base.WagtailAdminTemplateMixin, FormView):
    permission = None

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FamilyImportView(AdminPage):
    template_name = "evaluations/admin/import.html"
    form_class = FamilyImportForm
    page_title = "Import family outcomes"
    header_icon = "upload"
    permission = "evaluations.add_familyimport"

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        checked = family_csv.check(data, today=timezone.localdate())
        try:
            result = family_outcomes_import(
                user=self.request.user,
                checked=checked,
                filename=upload.name,
                sha256=hashlib.sha256(data).hexdigest(),
                dry_run=True,
            )
        except FamilyImportRefused as refused:
            return self.render_to_response(
                self.get_context_data(form=form, errors=refused.errors, filename=upload.name)
            )
        # Kept until confirmed as the checked families (hashes only, never the references).
        digest = hashlib.sha256(data).hexdigest()
        name = storages["private"].save(
            f"imports/families-{digest}.json", ContentFile(family_csv.dumps(checked).encode())
        )
        self.request.session[SESSION_KEY] = {
            "name": name,
            "filename": upload.name,
            "sha256": digest,
        }
        return self.render_to_response(
            self.get_context_data(form=form, preview=result, filename=upload.name)
        )

    def confirm(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        if not pending:
            messages.error(self.request, "Upload the file again: the preview has expired.")
            return redirect("family_import")
        storage = storages["private"]
        with storage.open(pending["name"]) as handle:
            checked = family_csv.loads(handle.read().decode())
        storage.delete(pending["name"])
        try:
            result = family_outcomes_import(
                user=self.request.user,
                checked=checked,
                filename=pending["filename"],
                sha256=pending["sha256"],
            )
        except FamilyImportRefused as refused:
            messages.error(self.request, f"Nothing was imported: {refused.errors[0][1]}")
            return redirect("family_import")
        messages.success(
            self.request,
            f"{pending['filename']}: {result.added:,} families added, {result.updated:,} "
            f"updated, {result.unchanged:,} unchanged.",
        )
        return redirect("families:index")


class CaseLevelExportView(AdminPage):
    """Ask what the return is for, record it, then stream the CSV."""

    template_name = "evaluations/admin/case_level.html"
    form_class = DataReleaseForm
    page_title = "Anonymised case-level return"
    header_icon = "download"
    permission = "evaluations.add_datarelease"

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
