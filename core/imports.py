"""Importing a file from another system in the back office: upload, preview, confirm.

The file is checked whole and previewed; nothing is written until the person confirms, and
then only if every row is still good. Between the two the checked upload is kept in private
storage, never served by URL. Both imports (the ledger and the family outcome records) run
through ``ImportView``; both refuse a file with ``ImportRefused``."""

import hashlib
from abc import ABCMeta, abstractmethod

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.shortcuts import redirect
from django.views.generic import FormView

from core.admin.views import BackOfficePage


class ImportRefused(Exception):
    """Nothing was imported: ``problems`` lists (line number, reason) for every bad row."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problems; nothing was imported")


class CsvImportForm(forms.Form):
    """Uploading a CSV export to import in the back office. Larger files go through the
    import command, which reads them from disk."""

    file_label = "CSV export"
    file_help_text = ""

    file = forms.FileField(error_messages={"empty": "The selected file is empty."})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].label = self.file_label
        self.fields["file"].help_text = self.file_help_text

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv"):
            raise forms.ValidationError("Choose a CSV file (its name ends .csv).")
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
    form_class = CsvImportForm
    header_icon = "upload"
    session_key = ""
    done_url_name = ""

    @abstractmethod
    def preview(self, data, filename):
        """Check the file. Returns (what the preview shows, the bytes to keep until the
        import is confirmed); raises ImportRefused."""

    @abstractmethod
    def commit(self, pending, filename, sha256):
        """Write what was kept. Returns the success message; raises ImportRefused."""

    @abstractmethod
    def nothing_new(self, preview):
        """True when importing the checked file would change nothing."""

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        if "cancel" in request.POST:
            return self.cancel()
        return super().post(request, *args, **kwargs)

    def _drop_pending(self):
        pending = self.request.session.pop(self.session_key, None)
        if pending:
            storages["private"].delete(pending["name"])
        return pending

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            preview, pending = self.preview(data, upload.name)
        except ImportRefused as refused:
            return self.render_to_response(
                self.get_context_data(form=form, errors=refused.problems, filename=upload.name)
            )
        self._drop_pending()
        if self.nothing_new(preview):
            return self.render_to_response(
                self.get_context_data(
                    form=form, preview=preview, filename=upload.name, nothing_new=True
                )
            )
        digest = hashlib.sha256(data).hexdigest()
        name = storages["private"].save(
            f"imports/{self.session_key}-{digest}", ContentFile(pending)
        )
        self.request.session[self.session_key] = {
            "name": name,
            "filename": upload.name,
            "sha256": digest,
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
        if not pending:
            messages.error(self.request, "Upload the file again: the preview has expired.")
            return redirect(self.request.path)
        storage = storages["private"]
        with storage.open(pending["name"]) as handle:
            data = handle.read()
        storage.delete(pending["name"])
        try:
            message = self.commit(data, pending["filename"], pending["sha256"])
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
