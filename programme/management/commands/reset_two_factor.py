from django.core.management.base import BaseCommand, CommandError

from core.security import normalise_email
from programme.models import User
from programme.services import two_factor_reset


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and recovery codes (they lost their phone), so "
        "they set up a new one at their next sign-in. Recorded in the audit trail."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        person = User.objects.filter(email=normalise_email(email)).first()
        if person is None:
            raise CommandError(f"No account has the address {email}.")
        removed = two_factor_reset(user=None, person=person)
        self.stdout.write(
            self.style.SUCCESS(
                f"{person.email}: {removed} device{'s' if removed != 1 else ''} removed; they "
                "set up two-factor sign-in again when they next sign in."
            )
        )
