"""Importing a file from another system in the back office: upload, preview, confirm.

The upload is kept in private storage (never served by URL) and checked whole in the
background (core.import_runs); the page follows the run: rows checked, then the preview.
Nothing is written until the person confirms, and then only if every row is still good. Both
imports (the ledger and the family outcome records) run through ``ImportView``."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import FormView

from core.admin.views import BackOfficePage
from core.import_runs import (
    PREVIEW_LIFE,
    import_cancel,
    import_confirm,
    import_start,
    progress_of,
)
from core.models import ImportRun

EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".gz", ".zip")


class UploadForm(forms.Form):
    """Uploading another system's export to import in the back office: CSV or an Excel
    workbook, gzipped or zipped if wished, in one of the ``layouts`` (core.tabular) or any,
    found from its headings. Larger files go through the import command."""

    file_label = "Export"
    file_help_text = ""

    file = forms.FileField(error_messages={"empty": "The selected file is empty."})
    layout = forms.ChoiceField(
        required=False,
        help_text="Which system the file came from. Left as it is, the layout is found from "
        "the file's headings.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = self.file_label
        self.fields["file"].help_text = self.file_help_text
        self.fields["layout"].choices = [("", "Find it from the file")] + [
            (layout.slug(), f"{layout.name}: {layout.source}") for layout in self.get_layouts()
        ]

    def get_layouts(self):
        """The layouts the file may be in (core.tabular.Layout)."""
        return ()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                "Choose a CSV file or an Excel workbook (.csv, .txt, .xlsx), or one of them "
                "compressed (.gz, .zip)."
            )
        limit = settings.IMPORT_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB; "
                "import it with the command instead."
            )
        return upload


class ImportView(BackOfficePage, FormView):
    """Upload, then follow the run (``?run=ID``): its progress, its preview with Import and
    Cancel, its problems or its result. A subclass names its ``kind``, the tasks that check
    and write (``check_task``, ``write_task``) and where the person goes when done."""

    permission_required = "add"
    form_class = UploadForm
    header_icon = "upload"
    kind = ""
    check_task = None
    write_task = None
    done_url_name = ""

    def run(self):
        """The run named in the request, if it is this person's and this import's."""
        run_id = self.request.POST.get("run") or self.request.GET.get("run")
        if not run_id:
            return None
        if not str(run_id).isdigit():
            raise Http404("No such import.")
        return get_object_or_404(ImportRun, pk=run_id, kind=self.kind, started_by=self.request.user)

    def get(self, request, *args, **kwargs):
        run = self.run()
        if run is None:
            return super().get(request, *args, **kwargs)
        if request.GET.get("problems") == "csv":
            return self.problems_csv(run)
        checked, written = progress_of(run)
        return self.render_to_response(
            self.get_context_data(
                run=run,
                preview=run.preview if run.status == ImportRun.Status.CHECKED else None,
                rows_checked=checked,
                rows_written=written,
                life_hours=int(PREVIEW_LIFE.total_seconds() // 3600),
            )
        )

    def post(self, request, *args, **kwargs):
        run = self.run()
        if run is None:
            return super().post(request, *args, **kwargs)
        if "cancel" in request.POST:
            import_cancel(run=run)
            messages.info(request, f"{run.filename}: not imported.")
            return redirect(request.path)
        if "confirm" in request.POST and not import_confirm(run=run, task=self.write_task):
            messages.error(request, "Upload the file again: the preview has expired.")
            return redirect(request.path)
        return redirect(f"{request.path}?run={run.pk}")

    def form_valid(self, form):
        run = import_start(
            user=self.request.user,
            kind=self.kind,
            upload=form.cleaned_data["file"],
            layout=form.cleaned_data["layout"],
            task=self.check_task,
        )
        return redirect(f"{self.request.path}?run={run.pk}")

    def problems_csv(self, run):
        if not run.problems_file or not storages["private"].exists(run.problems_file):
            raise Http404("No problems to download: upload the file again.")
        return FileResponse(
            storages["private"].open(run.problems_file),
            as_attachment=True,
            filename="import-problems.csv",
            content_type="text/csv",
        )
