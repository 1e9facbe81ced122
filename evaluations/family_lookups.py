"""Reference data a case-management export's rows are matched against, read once per file:
outcomes by name, short name or number, organisations by name or short name (matched across
case, apostrophes and '&', programme.case_layouts.name_key), projects by reference or cost
centre, and a layout's aliases for what the system calls them."""

import re

from programme.case_layouts import OUTCOME_ALIASES, name_key
from programme.models import Organisation, Outcome
from projects.models import Project

# 'Outcome 6', '6.', '6 - Children safe ...': an outcome given by its number.
NUMBERED = re.compile(r"^(?:outcome\s*)?(\d{1,2})(?:[.:)\s-]|$)", re.IGNORECASE)


class Lookups:
    """Reference data the rows are matched against, read once per file."""

    def __init__(self, aliases=()):
        self.outcomes = dict(OUTCOME_ALIASES)
        self.outcome_names = []
        self.numbers = set()
        for number, name in Outcome.objects.values_list("number", "name"):
            self.outcomes[name_key(name)] = number
            self.outcome_names.append(name)
            self.numbers.add(number)
        self.organisations = {}
        self.organisation_names = []
        for pk, name, short in Organisation.objects.values_list("pk", "name", "short_name"):
            self.organisations[name_key(name)] = pk
            self.organisation_names.append(name)
            if short:
                self.organisations.setdefault(name_key(short), pk)
        self.projects = {}
        self.project_dates = {}
        self._project_lookups()
        self._aliases(aliases)

    def _aliases(self, aliases):
        """What the layout says the system calls our outcomes and organisations."""
        for theirs, ours in aliases:
            number = self.outcome(ours)
            if number is not None:
                self.outcomes[name_key(theirs)] = number
            organisation = self.organisations.get(name_key(ours))
            if organisation is not None:
                self.organisations[name_key(theirs)] = organisation

    def outcome(self, written):
        """The outcome's number from its name, a short name or its number, or None."""
        number = self.outcomes.get(name_key(written))
        if number is None and (match := NUMBERED.match(written.strip())):
            number = int(match.group(1)) if int(match.group(1)) in self.numbers else None
        return number

    def _project_lookups(self):
        for pk, reference, cost_centre, start, end in Project.objects.values_list(
            "pk", "reference", "cost_centre", "start_date", "end_date"
        ):
            self.projects[reference.lower()] = pk
            self.projects[cost_centre.lower()] = pk
            self.project_dates[pk] = (reference, start, end)
