"""What the import commands share: the --by option (who the audit trail records as
importing) and how a refused file is reported."""

from django.core.management.base import CommandError

from core.problems import describe, grouped
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


def refusal(command, refused, filename):
    """Print a refused import's problems grouped by kind (core.problems) and return the
    error that ends the command."""
    for group in grouped(refused.problems):
        command.stderr.write(describe(group))
    count = len(refused.problems)
    return CommandError(
        f"{count:,} problem{'s' if count != 1 else ''} in {filename}; nothing was imported."
    )


def add_import_arguments(parser, layouts):
    """The arguments every import command takes."""
    parser.add_argument("file")
    parser.add_argument("--dry-run", action="store_true", help="Check the file only.")
    parser.add_argument("--by", metavar="EMAIL", help=BY_HELP)
    parser.add_argument(
        "--layout",
        metavar="NAME",
        help="The export's layout: "
        + ", ".join(layout.slug() for layout in layouts)
        + ". Without it the layout is found from the headings.",
    )


def how_read(command, checked):
    """Say which layout the file was read as, how, and which personal columns were left."""
    command.stdout.write(f"Read as {checked.layout}: " + "; ".join(checked.notes or ["CSV"]))
    for heading in checked.ignored_personal:
        command.stdout.write(f"column {heading}: personal data, ignored and not stored")
