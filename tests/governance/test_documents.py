"""The papers pack and the decision letter as PDF files: every proposal's full submitted
version is in the pack, with page numbers and a bookmark for each part."""

import io

import pytest
from pypdf import PdfReader

from tests.factories import MeetingFactory
from tests.governance.test_decisions import carried, decide

pytestmark = pytest.mark.django_db


def read(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def bookmarks(outline):
    for entry in outline:
        if isinstance(entry, list):
            yield from bookmarks(entry)
        else:
            yield entry.title


def test_the_papers_pack_holds_each_proposal_in_full(client_for, meeting_setup):
    meeting, proposal = meeting_setup["meeting"], meeting_setup["proposal"]
    snapshot = proposal.versions.get().snapshot
    response = client_for(meeting_setup["members"][0]).get(
        f"/portal/meetings/{meeting.pk}/papers.pdf"
    )
    assert response["Content-Disposition"] == 'attachment; filename="papers-2030-03-06.pdf"'
    reader, text = read(response)
    assert "Papers for the meeting on Wednesday 6 March 2030" in text
    assert f"{proposal.reference} {proposal.title}" in text
    for field in ("summary", "need_and_evidence", "whole_family_approach", "sustainability"):
        assert " ".join(snapshot[field].split()) in text, field
    for line in snapshot["budget_lines"]:
        assert line["description"] in text
    assert "Screening: Eligible" in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert {"Agenda", f"{proposal.reference} {proposal.title}"} <= set(bookmarks(reader.outline))


def test_papers_not_yet_published_have_no_pack(client_for, group, programme_officer):
    meeting = MeetingFactory()
    response = client_for(programme_officer).get(f"/portal/meetings/{meeting.pk}/papers.pdf")
    assert response.status_code == 404


def test_a_lead_cannot_download_the_papers(client_for, meeting_setup):
    response = client_for(meeting_setup["proposal"].lead).get(
        f"/portal/meetings/{meeting_setup['meeting'].pk}/papers.pdf"
    )
    assert response.status_code == 403


def test_the_decision_letter_is_a_pdf_too(client_for, meeting_setup):
    carried(meeting_setup)
    decision = decide(meeting_setup, outcome="approved", approved_amount="20000.00")
    proposal = meeting_setup["proposal"]
    response = client_for(proposal.lead).get(f"/portal/decisions/{decision.pk}/letter.pdf")
    _reader, text = read(response)
    assert "At its meeting on 6 March 2030 the Families Strategic Group decided" in text
    assert "£20,000.00" in text
    assert proposal.reference in text
