from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from core.problems import ImportRefused
from programme.ledger_layouts import LAYOUTS
from programme.management.importer import add_import_arguments, how_read, importer, refusal
from projects.services import spend_import


class Command(BaseCommand):
    help = (
        "Import the finance system's export of ledger lines (CSV, Excel, gzipped or zipped). "
        "The whole file is checked first; nothing is written unless every row is good. Lines "
        "already imported are counted, not added again; lines for cost centres that are not "
        "the programme's are skipped and counted."
    )

    def add_arguments(self, parser):
        add_import_arguments(parser, LAYOUTS)

    def handle(self, *args, file, dry_run=False, by=None, layout=None, **options):
        user = importer(by)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}")

        def progress(done, total):
            self.stdout.write(f"  {done:,} of {total:,} lines written")

        try:
            result = spend_import(
                user=user,
                data=lambda: path.open("rb"),
                filename=path.name,
                layout=layout,
                dry_run=dry_run,
                progress=progress,
            )
        except ImportRefused as refused:
            raise refusal(self, refused, path.name) from refused
        how_read(self, result)
        for line, first in result.repeats:
            self.stdout.write(f"line {line}: repeats line {first} exactly; imported once")
        if result.repeat_count > len(result.repeats):
            self.stdout.write(f"  and {result.repeat_count - len(result.repeats):,} more repeats")
        for code, skipped in sorted(result.other_cost_centres.items()):
            self.stdout.write(
                f"skipped: {skipped.lines:,} lines, £{skipped.net:,.2f}, for cost centre {code}, "
                "which is not a programme project's"
            )
        for cost_centre, month, lines, net, vat in result.summary:
            self.stdout.write(
                f"  {cost_centre} {month:%B %Y}: {lines:,} lines, net £{net:,.2f}, "
                f"irrecoverable VAT £{vat:,.2f}"
            )
        verb = "would add" if dry_run else "added"
        self.stdout.write(
            self.style.SUCCESS(
                f"{path.name}: {result.rows:,} lines read, {verb} {result.added:,} "
                f"(net £{result.new_net:,.2f}), {result.already_there:,} already there."
            )
        )
        for line in result.needing_attention:
            self.stdout.write(f"needs attention: {line.transaction_number}: {line.attention}")
        if result.attention_count > len(result.needing_attention):
            more = result.attention_count - len(result.needing_attention)
            self.stdout.write(f"  and {more:,} more lines need attention (see the back office)")
