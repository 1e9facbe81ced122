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
                names = set(archive.namelist())
                if extension in OOXML:
                    marker, content_type = OOXML[extension]
                    return content_type if marker in names else None
                if "mimetype" not in names:
                    return None
                declared = archive.read("mimetype").decode("ascii", "replace").strip()
                return ODF[extension] if declared == ODF[extension] else None
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
