import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.forms import get_document_form
from wagtail.documents.models import Document
from wagtail.models import Collection


@pytest.fixture
def html_document(db):
    document = Document(title="Page", collection=Collection.get_first_root_node())
    document.file.save("page.html", ContentFile(b"<script>fetch('/portal/')</script>"))
    return document


def test_a_document_is_served_as_a_download_that_can_run_nothing(client, html_document):
    response = client.get(
        reverse("wagtaildocs_serve", args=[html_document.id, html_document.filename])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_a_pdf_is_a_download_too(client, db):
    document = Document(title="Plan", collection=Collection.get_first_root_node())
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"))
    response = client.get(reverse("wagtaildocs_serve", args=[document.id, document.filename]))
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("name", ["page.html", "drawing.svg", "run.js", "page.htm", "x.xhtml"])
def test_the_back_office_refuses_documents_that_could_run_script(db, name):
    form_class = get_document_form(Document)
    form = form_class(
        data={"title": "Page", "collection": Collection.get_first_root_node().id},
        files={"file": SimpleUploadedFile(name, b"<script>alert(1)</script>")},
    )
    assert not form.is_valid()
    assert "file" in form.errors
