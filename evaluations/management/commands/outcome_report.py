import datetime
import json
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.financial_years import validate_financial_year
from evaluations.selectors.results import by_outcome, year_summary


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # money as text: exact to the penny
    return value


class Command(BaseCommand):
    help = (
        "A financial year's outcome and value figures, from the same selectors as the pages. "
        "This is the programme team's view: counts are not suppressed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", required=True, help="Financial year, like 2025-26.")
        parser.add_argument("--json", action="store_true", dest="as_json", help="Print JSON.")
        parser.add_argument("--as-of", help="Count as at this date (ISO); default today.")

    def handle(self, *args, year, as_json=False, as_of=None, **options):
        try:
            validate_financial_year(year)
            as_of = datetime.date.fromisoformat(as_of) if as_of else timezone.localdate()
        except Exception as error:
            raise CommandError(str(error)) from error
        summary = year_summary(year, as_of)
        outcomes = by_outcome(year, as_of)
        if as_json:
            report = {key: _plain(value) for key, value in summary.items()}
            report["by_outcome"] = outcomes
            self.stdout.write(json.dumps(report, indent=2))
            return
        self.stdout.write(f"Outcomes and value {year} (as at {as_of:%d/%m/%Y})")
        for key, label in [
            ("families_supported", "Families supported"),
            ("families_eligible", "Families eligible"),
            ("successful_family_outcomes", "Successful family outcomes"),
            ("outcomes_achieved", "Outcome areas achieved"),
            ("families_funded", "Families a funded project supported"),
            ("funded_successful", "Their successful family outcomes"),
            ("funded_achieved", "Their outcome areas achieved"),
        ]:
            self.stdout.write(f"  {label:<36}{summary[key]:>12,}")
        for key, label in [
            ("spend", "Spend"),
            ("spend_per_family_supported", "Spend per funded family"),
            ("spend_per_successful_family_outcome", "Spend per funded family's success"),
            ("spend_per_outcome_achieved", "Spend per funded outcome achieved"),
        ]:
            value = summary[key]
            self.stdout.write(f"  {label:<36}{'-' if value is None else f'£{value:,.2f}':>12}")
        self.stdout.write("  By outcome: with need / achieved / sustained")
        for row in outcomes:
            self.stdout.write(
                f"  {row['number']:>2}. {row['name']:<60}"
                f"{row['families_with_need']:>7,}{row['achieved']:>7,}{row['sustained']:>7,}"
            )
