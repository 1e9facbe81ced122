"""The group's documents as PDF files, made with WeasyPrint from the same templates as the
pages: the papers pack (cover, agenda, fund position, then each proposal's screening and full
submitted version, with page numbers and a bookmark for each part) and the decision letter.
Nothing outside the document is ever fetched while it is made."""

from django.conf import settings
from django.template.loader import render_to_string
from weasyprint import HTML

from governance.models import Decision, PapersPack
from governance.selectors.room import papers_versions
from programme.models import Meeting


def _refuse_fetch(url: str, *args, **kwargs):
    raise ValueError(f"The document may not load {url}")


def _pdf(template: str, context: dict) -> bytes:
    html = render_to_string(
        template,
        {
            "COUNCIL_NAME": settings.COUNCIL_NAME,
            "PROGRAMME_NAME": settings.PROGRAMME_NAME,
            **context,
        },
    )
    return HTML(string=html, url_fetcher=_refuse_fetch).write_pdf()


def papers_pdf(meeting: Meeting, pack: PapersPack) -> bytes:
    versions = papers_versions(meeting)
    proposals = [
        {
            **entry,
            "snapshot": versions[entry["item"]].snapshot if entry["item"] in versions else None,
        }
        for entry in pack.content["proposals"]
    ]
    return _pdf(
        "governance/pdf/papers.html",
        {"meeting": meeting, "pack": pack.content, "published": pack, "proposals": proposals},
    )


def decision_letter_pdf(decision: Decision, today) -> bytes:
    return _pdf(
        "governance/pdf/decision_letter.html",
        {"decision": decision, "proposal": decision.proposal, "today": today},
    )
