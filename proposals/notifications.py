"""Emails to leads, sent only once the change that causes them has been committed."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse


def _recipients(proposal):
    return [proposal.lead.email, *proposal.co_leads.values_list("email", flat=True)]


def send_to_leads(proposal, template, subject, **context):
    context = {
        "proposal": proposal,
        "link": settings.WAGTAILADMIN_BASE_URL
        + reverse("proposals:detail", args=[proposal.reference]),
        "programme_name": settings.PROGRAMME_NAME,
        **context,
    }
    body = render_to_string(template, context)
    recipients = _recipients(proposal)
    transaction.on_commit(lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients))


def notify_submitted(proposal, version, rolled_from=None):
    send_to_leads(
        proposal,
        "proposals/email/submitted.txt",
        f"{proposal.reference} submitted for the {version.meeting.date:%-d %B %Y} meeting",
        version=version,
        rolled_from=rolled_from,
    )


def notify_returned(proposal, screening):
    send_to_leads(
        proposal,
        "proposals/email/returned.txt",
        f"{proposal.reference} returned for more information",
        screening=screening,
    )


def notify_eligible(proposal, rolled_from=None):
    send_to_leads(
        proposal,
        "proposals/email/eligible.txt",
        f"{proposal.reference} will go to the {proposal.meeting.date:%-d %B %Y} meeting",
        rolled_from=rolled_from,
    )


def notify_invited(invitation, invitee):
    """Tell a project lead they have been invited to co-lead a proposal."""
    proposal = invitation.proposal
    body = render_to_string(
        "proposals/email/invited.txt",
        {
            "invitation": invitation,
            "proposal": proposal,
            "link": settings.WAGTAILADMIN_BASE_URL + reverse("portal:home"),
            "programme_name": settings.PROGRAMME_NAME,
        },
    )
    subject = f"You are invited to co-lead {proposal.reference}"
    transaction.on_commit(
        lambda: send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitee.email])
    )
