"""Importing a file from another system in the back office: upload, preview, confirm.

The file is checked whole and previewed; nothing is written until the person confirms, and
then only if every row is still good. Between the two the checked upload is kept in private
storage, never served by URL. Both imports (the ledger and the family outcome records) run
through ``ImportView``; both refuse a file with ``ImportRefused``."""

import datetime
import hashlib
import secrets
from abc import ABCMeta, abstractmethod

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.views.generic import FormView

from core.admin.views import BackOfficePage
from core.problems import as_csv, grouped

# How long a checked upload waits for its confirmation; past it the file is deleted.
PREVIEW_LIFE = datetime.timedelta(hours=24)
# How many kinds of problem the page lists; every problem is in the CSV.
SHOWN_GROUPS = 100
FOLDER = "imports"


EXTENSIONS = (".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".gz", ".zip")


class ImportRefused(Exception):
    """Nothing was imported: ``problems`` lists (line number, reason) for every bad row."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problems; nothing was imported")


class UploadForm(forms.Form):
    """Uploading another system's export to import in the back office: CSV or an Excel
    workbook, gzipped or zipped if wished, in one of the ``layouts`` (core.tabular) or any,
    found from its headings. Larger files go through the import command."""

    file_label = "Export"
    file_help_text = ""
    layouts: tuple = ()

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
            (layout.slug(), f"{layout.name}: {layout.source}") for layout in self.layouts
        ]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(
                "Choose a CSV file or an Excel workbook (.csv, .txt, .xlsx), or one of them "
                "compressed (.gz, .zip)."
            )
        limit = settings.CSV_UPLOAD_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                f"The file is larger than {limit // (1024 * 1024)} MB; "
                "import it with the command instead."
            )
        return upload


class ImportView(BackOfficePage, FormView, metaclass=ABCMeta):
    """Upload, preview, confirm. A subclass says how to check a file (``preview``) and how to
    write what was checked (``commit``), where the person goes afterwards (``done_url_name``)
    and the session key under which the pending upload waits."""

    permission_required = "add"
    form_class = UploadForm
    header_icon = "upload"
    session_key = ""
    done_url_name = ""

    @abstractmethod
    def preview(self, data, filename, layout):
        """Check the file (in the layout of that slug, or the one found from it). Returns
        (what the preview shows, the bytes to keep until the import is confirmed); raises
        ImportRefused."""

    @abstractmethod
    def commit(self, pending, filename, sha256, layout):
        """Write what was kept. Returns the success message; raises ImportRefused."""

    @abstractmethod
    def nothing_new(self, preview):
        """True when importing the checked file would change nothing."""

    def get(self, request, *args, **kwargs):
        if request.GET.get("problems") == "csv":
            return self.problems_csv()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        if "cancel" in request.POST:
            return self.cancel()
        return super().post(request, *args, **kwargs)

    @property
    def problems_key(self):
        return f"{self.session_key}.problems"

    def _drop_problems(self):
        name = self.request.session.pop(self.problems_key, None)
        if name:
            storages["private"].delete(name)

    def refused(self, form, refused, filename):
        """The refusal page: each kind of problem once, and all of them as a CSV."""
        name = storages["private"].save(
            f"{FOLDER}/problems-{secrets.token_hex(16)}.csv",
            ContentFile(as_csv(refused.problems).encode()),
        )
        self.request.session[self.problems_key] = name
        groups = grouped(refused.problems)
        return self.render_to_response(
            self.get_context_data(
                form=form,
                problem_count=len(refused.problems),
                groups=groups[:SHOWN_GROUPS],
                more_groups=max(0, len(groups) - SHOWN_GROUPS),
                filename=filename,
            )
        )

    def problems_csv(self):
        name = self.request.session.get(self.problems_key)
        if not name or not storages["private"].exists(name):
            raise Http404("No problems to download: upload the file again.")
        return FileResponse(
            storages["private"].open(name),
            as_attachment=True,
            filename="import-problems.csv",
            content_type="text/csv",
        )

    def _drop_pending(self):
        pending = self.request.session.pop(self.session_key, None)
        if pending:
            storages["private"].delete(pending["name"])
        return pending

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        layout = form.cleaned_data["layout"]
        data = upload.read()
        self._drop_problems()
        try:
            preview, pending = self.preview(data, upload.name, layout)
        except ImportRefused as refused:
            return self.refused(form, refused, upload.name)
        self._drop_pending()
        if self.nothing_new(preview):
            return self.render_to_response(
                self.get_context_data(
                    form=form, preview=preview, filename=upload.name, nothing_new=True
                )
            )
        digest = hashlib.sha256(data).hexdigest()
        name = storages["private"].save(
            f"{FOLDER}/{self.session_key}-{digest}", ContentFile(pending)
        )
        self.request.session[self.session_key] = {
            "name": name,
            "filename": upload.name,
            "sha256": digest,
            "layout": layout,
            "expires": (timezone.now() + PREVIEW_LIFE).isoformat(),
        }
        return self.render_to_response(
            self.get_context_data(form=form, preview=preview, filename=upload.name)
        )

    def cancel(self):
        pending = self._drop_pending()
        if pending:
            messages.info(self.request, f"{pending['filename']}: not imported.")
        return redirect(self.request.path)

    def confirm(self):
        pending = self.request.session.pop(self.session_key, None)
        storage = storages["private"]
        if not pending or not storage.exists(pending["name"]) or _expired(pending):
            if pending:
                storage.delete(pending["name"])
            messages.error(self.request, "Upload the file again: the preview has expired.")
            return redirect(self.request.path)
        with storage.open(pending["name"]) as handle:
            data = handle.read()
        storage.delete(pending["name"])
        try:
            message = self.commit(
                data, pending["filename"], pending["sha256"], pending.get("layout", "")
            )
        except ImportRefused as refused:
            messages.error(
                self.request,
                f"Nothing was imported: {len(refused.problems)} problem"
                f"{'s' if len(refused.problems) != 1 else ''} appeared since the preview, "
                f"the first: {refused.problems[0][1]} Upload the file again.",
            )
            return redirect(self.request.path)
        messages.success(self.request, message)
        return redirect(self.done_url_name)


def _expired(pending):
    expires = pending.get("expires")
    return expires is None or datetime.datetime.fromisoformat(expires) < timezone.now()


def uploads_expire(now=None):
    """Delete every kept upload and problem list older than a preview lives (the retention
    command runs this daily): a file that was never confirmed or cancelled, with whatever
    personal data it held, does not stay. Returns how many files were deleted."""
    storage = storages["private"]
    now = now or timezone.now()
    try:
        _folders, files = storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in files:
        path = f"{FOLDER}/{name}"
        if storage.get_modified_time(path) < now - PREVIEW_LIFE:
            storage.delete(path)
            deleted += 1
    return deleted
