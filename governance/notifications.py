"""Emails about the group's business, sent only once the change that causes them has been
committed."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.urls import reverse

from governance.models import Decision, Question
from programme.models import Meeting
from programme.selectors import current_memberships
from proposals.notifications import send_to_leads


def notify_decided(decision: Decision) -> None:
    """The lead (and co-leads) hear the decision on their proposal."""
    proposal = decision.proposal
    send_to_leads(
        proposal,
        "governance/email/decided.txt",
        f"Decision on {proposal.reference}",
        decision=decision,
    )


def notify_question(question: Question) -> None:
    """The lead (and co-leads) are asked to answer a member's question on their papers."""
    proposal = question.item.proposal
    send_to_leads(
        proposal,
        "governance/email/question.txt",
        f"A question from the strategic group on {proposal.reference}",
        question=question,
        answer_link=settings.WAGTAILADMIN_BASE_URL
        + reverse("governance:answer", args=[question.pk]),
    )


def _email_group(meeting: Meeting, subject: str, body: str) -> None:
    """One email to each current member of the group, once the change is committed."""
    recipients = list(current_memberships(on=meeting.date).values_list("user__email", flat=True))
    transaction.on_commit(
        lambda: send_mass_mail(
            [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in recipients]
        )
    )


def send_papers(meeting: Meeting) -> None:
    """Every current member of the group is told the papers are ready, with a link."""
    link = settings.WAGTAILADMIN_BASE_URL + reverse("governance:meeting", args=[meeting.pk])
    subject = f"Papers for the strategic group meeting on {meeting.date:%-d %B %Y}"
    body = (
        f"The agenda and papers for the meeting on {meeting.date:%-d %B %Y} are ready.\n\n"
        f"Read them, ask questions and declare interests here: {link}\n"
    )
    _email_group(meeting, subject, body)


def notify_cancelled(meeting: Meeting, later: Meeting | None, moved, papers_out: bool) -> None:
    """The leads of the proposals that were placed on a cancelled meeting hear they move to
    the next one; if the papers had gone out, the group hears it is cancelled."""
    for proposal in moved:
        send_to_leads(
            proposal,
            "governance/email/moved.txt",
            f"{proposal.reference} moves to the meeting on {later.date:%-d %B %Y}",
            cancelled=meeting,
            later=later,
        )
    if not papers_out:
        return
    subject = f"Cancelled: the strategic group meeting on {meeting.date:%-d %B %Y}"
    body = (
        f"The meeting on {meeting.date:%-d %B %Y} is cancelled ({meeting.status_reason}).\n\n"
        + (
            f"The proposals on its agenda move to the meeting on {later.date:%-d %B %Y}.\n"
            if moved
            else ""
        )
    )
    _email_group(meeting, subject, body)
