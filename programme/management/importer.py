"""The --by option of the import commands: who the audit trail records as importing."""

from django.core.management.base import CommandError

from programme.selectors import user_by_email

BY_HELP = (
    "Email address of the person importing, recorded in the audit trail and held to their "
    "permissions. Without it the entry records the command line, not a person."
)


def importer(email):
    if not email:
        return None
    user = user_by_email(email)
    if user is None:
        raise CommandError(f"--by: there is no active user with the email address {email}")
    return user
