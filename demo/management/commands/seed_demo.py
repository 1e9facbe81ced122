from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from demo.models import DemoBuild
from demo.people import DEMO_PASSWORD
from demo.seed import seed_all


class Command(BaseCommand):
    help = (
        "Load the demonstration data as of today (idempotent: running it again keeps the day "
        "it was built as of, and updates, never duplicates) and print the demo logins. Refused "
        "where DEMO_DATA_ALLOWED is false (production)."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Demo data sets published passwords, so it is not allowed with these settings."
            )
        # Demo data goes through the real services, which email leads; nobody is to be
        # emailed about demonstration proposals.
        email_backend, settings.EMAIL_BACKEND = (
            settings.EMAIL_BACKEND,
            "django.core.mail.backends.dummy.EmailBackend",
        )
        try:
            with transaction.atomic():
                build = DemoBuild.objects.first() or DemoBuild.objects.create(
                    built_on=timezone.localdate()
                )
                logins = seed_all(self.stdout, build.built_on)
        finally:
            settings.EMAIL_BACKEND = email_backend
        if build.built_on != timezone.localdate():
            self.stdout.write(
                self.style.WARNING(
                    f"The demo is as of {build.built_on:%-d %B %Y}, the day it was built. "
                    "Delete the database (db.sqlite3) and run this again to build it as of today."
                )
            )
        self.stdout.write(self.style.SUCCESS("Demo data is ready. Demo logins:"))
        width = max(len(role) for role, _ in logins)
        for role, email in logins:
            self.stdout.write(f"  {role.ljust(width)}  {email}")
        self.stdout.write(f"  Password for every demo login: {DEMO_PASSWORD}")
