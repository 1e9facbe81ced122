"""Files attached to proposals are deleted once the retention period has passed; the
attachment keeps its name and says when its file went, and nobody can download it."""

import datetime

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from proposals import services
from proposals.models import Attachment, Proposal
from proposals.services.retention import attachments_retire
from tests.factories import complete_proposal
from tests.proposals.test_attachments import PDF

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2036, 6, 1)


def attached(status, last_changed):
    proposal = complete_proposal()
    attachment = services.attachment_add(
        user=proposal.lead, proposal=proposal, uploaded_file=SimpleUploadedFile("plan.pdf", PDF)
    )
    changed = timezone.make_aware(datetime.datetime.combine(last_changed, datetime.time(12)))
    Proposal.objects.filter(pk=proposal.pk).update(status=status, updated_at=changed)
    return attachment


def test_an_old_withdrawn_proposals_file_is_deleted_and_its_name_kept(
    ready, django_capture_on_commit_callbacks, client_for
):
    attachment = attached(Proposal.Status.WITHDRAWN, datetime.date(2029, 1, 10))
    name = attachment.file.name
    with django_capture_on_commit_callbacks(execute=True):
        deletion = attachments_retire(user=None, today=TODAY)
    assert deletion.count == 1
    attachment.refresh_from_db()
    assert attachment.retired_on == TODAY
    assert attachment.original_name == "plan.pdf"
    assert not storages["private"].exists(name)
    proposal = attachment.proposal
    url = f"/portal/proposals/{proposal.reference}/attachments/{attachment.pk}/"
    assert client_for(proposal.lead).get(url).status_code == 404


@pytest.mark.parametrize(
    ("status", "last_changed"),
    [
        (Proposal.Status.WITHDRAWN, datetime.date(2031, 1, 10)),
        (Proposal.Status.SUBMITTED, datetime.date(2029, 1, 10)),
    ],
)
def test_a_recent_or_undecided_proposals_file_is_kept(
    ready, django_capture_on_commit_callbacks, status, last_changed
):
    attachment = attached(status, last_changed)
    with django_capture_on_commit_callbacks(execute=True):
        assert attachments_retire(user=None, today=TODAY).count == 0
    assert storages["private"].exists(attachment.file.name)
    assert Attachment.objects.get(pk=attachment.pk).retired_on is None
