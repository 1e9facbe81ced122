"""Limits on a request's body, applied before any view reads it.

The proxy in front should refuse larger bodies first (README, "Deployment"); these hold when it
does not. A request that declares a larger body is answered 413 before it is read; one that
does not declare its length (chunked) is stopped by the upload handler once it has sent more
than the limit."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import HttpResponse


def _too_big_message():
    limit_mb = settings.MAX_REQUEST_BODY_BYTES // (1024 * 1024)
    return f"The file you sent is too large. Files must be smaller than {limit_mb} MB."


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            declared = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            declared = 0
        if declared > settings.MAX_REQUEST_BODY_BYTES:
            return HttpResponse(_too_big_message(), status=413, content_type="text/plain")
        return self.get_response(request)


class BodyLimitUploadHandler(FileUploadHandler):
    """Counts every byte of every file in a multipart body and stops the upload past the limit;
    passes the data on to the next handler untouched."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.MAX_REQUEST_BODY_BYTES:
            raise RequestDataTooBig(_too_big_message())
        return raw_data

    def file_complete(self, file_size):
        return None
