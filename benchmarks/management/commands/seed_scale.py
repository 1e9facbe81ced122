import datetime
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from benchmarks.generate import Generator
from benchmarks.sizes import SCALES
from projects.models import Project


class Command(BaseCommand):
    help = (
        "Load a realistic, reproducible data set at county or national scale on top of the "
        "demo (bulk inserts, SQLite or PostgreSQL). Use an empty database: DATABASE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), required=True)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--today", help="Generate as if today were this date (ISO).")
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing if the database already holds scale data.",
        )

    def handle(self, *args, scale, seed, today=None, if_missing=False, **options):
        today = datetime.date.fromisoformat(today) if today else timezone.localdate()
        if Project.objects.filter(cost_centre__startswith="SC").exists():
            if if_missing:
                self.stdout.write("Scale data already loaded.")
                return
            raise CommandError("This database already holds scale data; use an empty one.")
        started = time.monotonic()
        call_command("seed_demo", stdout=self.stdout)
        self.stdout.write(f"Generating {scale} scale data (seed {seed}) ...")
        Generator(scale, seed, today, stdout=self.stdout).run()
        sizes = ", ".join(f"{name.replace('_', ' ')} {n:,}" for name, n in SCALES[scale].items())
        self.stdout.write(
            self.style.SUCCESS(f"Done in {time.monotonic() - started:,.0f} s: {sizes}.")
        )
