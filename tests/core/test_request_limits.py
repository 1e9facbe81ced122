import pytest
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.uploads import BodyLimitUploadHandler
from proposals.models import Attachment
from tests.factories import ProposalFactory


@pytest.mark.django_db
def test_a_body_declared_larger_than_the_limit_is_refused_before_it_is_read(client_for, settings):
    settings.MAX_REQUEST_BODY_BYTES = 4096
    proposal = ProposalFactory()
    response = client_for(proposal.lead).post(
        reverse("proposals:attachments", args=[proposal.reference]),
        {"file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n" + b"0" * 8192)},
    )
    assert response.status_code == 413
    assert "smaller than" in response.content.decode()
    assert Attachment.objects.count() == 0


def test_an_undeclared_body_is_stopped_by_the_upload_handler_past_the_limit(settings):
    settings.MAX_REQUEST_BODY_BYTES = 1000
    handler = BodyLimitUploadHandler()
    handler.handle_raw_input(None, {}, None, b"boundary")
    assert handler.receive_data_chunk(b"x" * 600, 0) == b"x" * 600
    with pytest.raises(RequestDataTooBig):
        handler.receive_data_chunk(b"x" * 600, 600)


def test_the_limit_covers_the_largest_upload_the_product_accepts(settings):
    assert settings.MAX_REQUEST_BODY_BYTES > settings.IMPORT_UPLOAD_MAX_BYTES >= 500 * 2**20
    assert settings.MAX_REQUEST_BODY_BYTES > settings.PROPOSAL_ATTACHMENT_MAX_BYTES
