"""The anonymised case-level return for a national impact study: one row per family with the
hashed reference, its needs, dates and outcomes, and nothing else (no organisation, no role, no
project). Family-level: the programme team only, and every download is recorded."""

import csv

from evaluations.selectors.results import family_rows
from programme.models import Outcome

CHUNK = 2000


def headings(numbers):
    columns = ["Family ID", "Plan Start", "Case Closed", "Eligible", "All Needs Sustained"]
    for number in numbers:
        columns += [
            f"Outcome {number} Need Identified",
            f"Outcome {number} Achieved On",
            f"Outcome {number} Sustained",
        ]
    return columns


def _day(value):
    return value.isoformat() if value else ""


def _yes_no(value):
    return "" if value is None else "yes" if value else "no"


def rows():
    """The heading row, then a row per family, streamed in chunks."""
    numbers = list(Outcome.objects.order_by("number").values_list("number", flat=True))
    yield headings(numbers)
    for family in family_rows().iterator(chunk_size=CHUNK):
        needs = {need.outcome.number: need for need in family.needs.all()}
        row = [
            family.case_hash,
            _day(family.plan_start),
            _day(family.case_closed),
            _yes_no(family.eligible),
            _yes_no(family.all_needs_sustained),
        ]
        for number in numbers:
            need = needs.get(number)
            row += (
                [_day(need.identified_on), _day(need.achieved_on), _yes_no(need.sustained)]
                if need
                else ["", "", ""]
            )
        yield row


class _Echo:
    def write(self, value):
        return value


def csv_lines():
    writer = csv.writer(_Echo())
    for row in rows():
        yield writer.writerow(row)
