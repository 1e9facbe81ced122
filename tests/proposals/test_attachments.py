import io
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from proposals import services
from proposals.models import Attachment
from tests.factories import ProposalFactory

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


def docx_bytes(marker="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(marker, "<w:document/>")
    return buffer.getvalue()


def odt_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def stored_files():
    storage = storages["private"]
    try:
        folders, _ = storage.listdir("proposals")
    except FileNotFoundError:
        return []
    return [name for folder in folders for name in storage.listdir(f"proposals/{folder}")[1]]


@pytest.fixture
def draft(db):
    return ProposalFactory()


def upload(proposal, name, content):
    # A plain File keeps the name exactly as given; Django's UploadedFile would already have
    # cut it down to its last part, hiding the service's own check.
    uploaded = File(io.BytesIO(content), name=name)
    uploaded.size = len(content)
    return services.attachment_add(user=proposal.lead, proposal=proposal, uploaded_file=uploaded)


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("plan.pdf", PDF, "application/pdf"),
        ("logo.png", None, "image/png"),
        (
            "plan.docx",
            None,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("plan.odt", None, "application/vnd.oasis.opendocument.text"),
        ("figures.csv", b"Year,Families\n2024-25,831\n", "text/csv"),
    ],
)
def test_allowed_files_are_stored_privately_with_their_checked_type(
    draft, name, content, content_type
):
    content = (
        content or {"logo.png": png_bytes, "plan.docx": docx_bytes, "plan.odt": odt_bytes}[name]()
    )
    attachment = upload(draft, name, content)
    assert attachment.content_type == content_type
    assert attachment.original_name == name
    assert name not in attachment.file.name
    assert storages["private"].exists(attachment.file.name)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("plan.pdf", b"\x89PNG\r\n\x1a\nnot a pdf", "content is not a PDF"),
        ("plan.docx", b"PK\x03\x04 broken zip", "content is not a DOCX"),
        ("plan.docx", None, "content is not a DOCX"),
        ("plan.odt", b"PK", "content is not a ODT"),
        ("photo.png", b"\x89PNG\r\n\x1a\ntruncated", "content is not a PNG"),
        ("photo.jpg", None, "content is not a JPG"),
        ("data.csv", b"a,b\x00,c", "content is not a CSV"),
        ("run.exe", b"MZ\x90\x00", "must be a PDF, Word"),
        ("page.html", b"<script>alert(1)</script>", "must be a PDF, Word"),
        ("../../etc/passwd.pdf", PDF, "without folders"),
        ("C:\\Users\\me\\plan.pdf", PDF, "without folders"),
        (".hidden.pdf", PDF, "without folders"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_malformed_uploads_are_refused_and_nothing_is_saved(draft, name, content, message):
    if content is None:
        content = docx_bytes(marker="xl/workbook.xml") if name.endswith(".docx") else png_bytes()
    files_before = stored_files()
    with pytest.raises(ValidationError, match=message):
        upload(draft, name, content)
    assert Attachment.objects.count() == 0
    assert stored_files() == files_before


def test_a_file_over_the_size_limit_is_refused(draft, settings):
    settings.PROPOSAL_ATTACHMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="smaller than"):
        upload(draft, "big.pdf", PDF + b"0" * 2048)
    assert Attachment.objects.count() == 0


def zip_bomb(name, padding_bytes):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, b" " * padding_bytes)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("file_name", "entry"), [("x.odt", "mimetype"), ("x.docx", "filler")])
def test_a_zip_bomb_is_refused_without_being_decompressed(draft, file_name, entry):
    bomb = zip_bomb(entry, 20 * 1024 * 1024)
    assert len(bomb) < 100 * 1024
    tracemalloc.start()
    try:
        with pytest.raises(ValidationError, match="content is not a"):
            upload(draft, file_name, bomb)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 2 * 1024 * 1024
    assert Attachment.objects.count() == 0


def test_an_odt_whose_mimetype_entry_is_long_is_refused(draft):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text" + " " * 200)
        archive.writestr("content.xml", "<office:document-content/>" * 50)
    with pytest.raises(ValidationError, match="content is not a ODT"):
        upload(draft, "plan.odt", buffer.getvalue())


def test_a_removed_file_is_kept_for_the_versions_that_list_it(draft):
    attachment = upload(draft, "plan.pdf", PDF)
    services.attachment_remove(user=draft.lead, proposal=draft, attachment_id=attachment.pk)
    attachment.refresh_from_db()
    assert attachment.removed_at is not None
    assert storages["private"].exists(attachment.file.name)


def test_a_posted_file_name_with_folders_is_cut_to_its_last_part(client_for, draft):
    response = client_for(draft.lead).post(
        f"/portal/proposals/{draft.reference}/attachments/",
        {"file": SimpleUploadedFile("../../etc/plan.pdf", PDF)},
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "plan.pdf"
    assert ".." not in attachment.file.name
