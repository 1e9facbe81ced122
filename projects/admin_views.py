"""Back-office views: importing the ledger (upload, preview, confirm) and the overdue progress
reports."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView, TemplateView
from wagtail.admin.views import generic

from projects.admin_forms import ImportForm
from projects.imports import SpendImportRefused, spend_import
from projects.reporting import overdue_reports

SESSION_KEY = "projects.pending_import"


class SpendImportView(generic.base.WagtailAdminTemplateMixin, FormView):
    template_name = "projects/admin/import.html"
    form_class = ImportForm
    page_title = "Import spend"
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("projects.add_spendline"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            result = spend_import(
                user=self.request.user, data=data, filename=upload.name, dry_run=True
            )
        except SpendImportRefused as refused:
            return self.render_to_response(
                self.get_context_data(form=form, errors=refused.result.errors, filename=upload.name)
            )
        # Kept privately until confirmed, under a name from its content; never served by URL.
        name = storages["private"].save(
            f"imports/{hashlib.sha256(data).hexdigest()}.csv", ContentFile(data)
        )
        self.request.session[SESSION_KEY] = {"name": name, "filename": upload.name}
        return self.render_to_response(
            self.get_context_data(form=form, preview=result, filename=upload.name)
        )

    def confirm(self):
        pending = self.request.session.pop(SESSION_KEY, None)
        if not pending:
            messages.error(self.request, "Upload the file again: the preview has expired.")
            return redirect("spend_import")
        storage = storages["private"]
        with storage.open(pending["name"]) as handle:
            data = handle.read()
        storage.delete(pending["name"])
        try:
            result = spend_import(user=self.request.user, data=data, filename=pending["filename"])
        except SpendImportRefused as refused:
            messages.error(
                self.request,
                f"{len(refused.result.errors)} problems appeared since "
                "the preview; nothing was imported. Upload the file again.",
            )
            return redirect("spend_import")
        messages.success(
            self.request,
            f"{pending['filename']}: {result.added:,} lines added, "
            f"{result.already_there:,} already there.",
        )
        return redirect("spend:index")


class OverdueReportsView(generic.base.WagtailAdminTemplateMixin, TemplateView):
    """Progress reports past their due date, oldest first, for the programme team to chase."""

    template_name = "projects/admin/overdue.html"
    page_title = "Overdue progress reports"
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("projects.view_progressreport"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        overdue = sorted(overdue_reports(timezone.localdate()), key=lambda due: due.due_date)
        page = Paginator(overdue, 50).get_page(self.request.GET.get("p"))
        return super().get_context_data(
            page=page, due_days=settings.PROGRESS_REPORT_DUE_DAYS, **kwargs
        )
