"""Checks on an uploaded supporting document: its name, its size, and its content, which must
be what its extension says it is."""

import hashlib
import os
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

OOXML = {
    ".docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    ".pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ODF = {
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
OLE = {".doc": "application/msword", ".xls": "application/vnd.ms-excel"}
IMAGES = {
    ".png": ("PNG", "image/png"),
    ".jpg": ("JPEG", "image/jpeg"),
    ".jpeg": ("JPEG", "image/jpeg"),
    ".gif": ("GIF", "image/gif"),
}
ALLOWED = [".pdf", *OOXML, *ODF, *OLE, ".csv", *IMAGES]
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Limits on what an office document (a zip) may claim to hold. Nothing is decompressed but the
# ODF mimetype entry (a few dozen bytes), yet the declared sizes are checked so a zip bomb is
# refused from its central directory alone.
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
ZIP_MAX_RATIO = 200
MIMETYPE_MAX_BYTES = 100


def _detect(extension, uploaded):
    """The content type if the content matches the extension, else None."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if extension == ".pdf":
        return "application/pdf" if head.startswith(b"%PDF-") else None
    if extension in OLE:
        return OLE[extension] if head == OLE_MAGIC else None
    if extension in OOXML or extension in ODF:
        if not head.startswith(b"PK\x03\x04"):
            return None
        try:
            with zipfile.ZipFile(uploaded) as archive:
                return _zip_content_type(extension, archive)
        except zipfile.BadZipFile:
            return None
        finally:
            uploaded.seek(0)
    if extension == ".csv":
        data = uploaded.read()
        uploaded.seek(0)
        if b"\x00" in data:
            return None
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        return "text/csv"
    if extension in IMAGES:
        expected_format, content_type = IMAGES[extension]
        try:
            with Image.open(uploaded) as image:
                image.verify()
                found = image.format
        except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken image
            return None
        finally:
            uploaded.seek(0)
        return content_type if found == expected_format else None
    return None


def _zip_content_type(extension, archive):
    """The content type an office document's zip proves, or None. Refuses an archive whose
    declared sizes could not be a real document, and reads the ODF mimetype through a bounded
    stream, never whole."""
    entries = archive.infolist()
    if len(entries) > ZIP_MAX_ENTRIES:
        return None
    uncompressed = sum(entry.file_size for entry in entries)
    compressed = sum(entry.compress_size for entry in entries)
    if uncompressed > ZIP_MAX_UNCOMPRESSED_BYTES or uncompressed > ZIP_MAX_RATIO * max(
        compressed, 1024
    ):
        return None
    names = {entry.filename for entry in entries}
    if extension in OOXML:
        marker, content_type = OOXML[extension]
        return content_type if marker in names else None
    if "mimetype" not in names or archive.getinfo("mimetype").file_size > MIMETYPE_MAX_BYTES:
        return None
    with archive.open("mimetype") as stream:
        declared = stream.read(MIMETYPE_MAX_BYTES + 1)
    if len(declared) > MIMETYPE_MAX_BYTES:
        return None
    return ODF[extension] if declared.decode("ascii", "replace").strip() == ODF[extension] else None


def check_upload(uploaded):
    """Validate an uploaded file; returns (clean display name, content type, size, sha256).

    Raises ValidationError naming what is wrong. Reads the file in chunks for the hash."""
    name = uploaded.name or ""
    if not name or name != os.path.basename(name.replace("\\", "/")) or name.startswith("."):
        raise ValidationError(
            "The file name must be a plain name, without folders (for example plan.pdf)."
        )
    if any(ord(char) < 32 for char in name) or len(name) > 200:
        raise ValidationError("The file name has characters that are not allowed, or is too long.")
    extension = os.path.splitext(name)[1].lower()
    if extension not in ALLOWED:
        raise ValidationError(
            "The selected file must be a PDF, Word, Excel, OpenDocument, CSV, PNG, JPEG or GIF."
        )
    limit = settings.PROPOSAL_ATTACHMENT_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            f"The selected file must be smaller than {limit // (1024 * 1024)} MB."
        )
    if uploaded.size == 0:
        raise ValidationError("The selected file is empty.")
    content_type = _detect(extension, uploaded)
    if content_type is None:
        raise ValidationError(
            f"The selected file’s content is not a {extension[1:].upper()} file. "
            "Check it opens, then upload it again."
        )
    digest = hashlib.sha256()
    for chunk in uploaded.chunks():
        digest.update(chunk)
    uploaded.seek(0)
    return name, content_type, uploaded.size, digest.hexdigest()
