"""Reading the case-management system's export: one row per need, headings in any order and
case. Case references are hashed on the way in; what this module hands on holds no reference
in clear. Every bad row is reported by line number and reason."""

import datetime
import json
from dataclasses import dataclass, field

from django.db.models.functions import Lower
from django.utils import timezone

from core.csvfiles import FileProblem, decode, parse_date, read
from evaluations.pseudonyms import case_hash
from evaluations.rules import Need
from programme.models import Organisation, Outcome
from projects.models import Project

# The case-management system's columns, as its export heads them, and the field each fills.
COLUMNS = [
    ("Case Reference", "case_reference"),
    ("Plan Start", "plan_start"),
    ("Case Closed", "case_closed"),
    ("Lead Practitioner Organisation", "organisation"),
    ("Lead Practitioner Role", "role"),
    ("Outcome", "outcome"),
    ("Need Identified", "identified_on"),
    ("Achieved On", "achieved_on"),
    ("Sustained", "sustained"),
    ("Projects", "projects"),
]
EXPORT_HEADER = [heading for heading, _field in COLUMNS]
HEADINGS = {heading.lower(): field for heading, field in COLUMNS}
OPTIONAL = {"role", "projects", "case_closed", "achieved_on", "sustained"}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}
MAX_REFERENCE = 100
MAX_ROLE = 100
# Fields every row of one case must agree on, and how to name them in a message.
PER_CASE = {
    "plan_start": "plan start",
    "case_closed": "case closed",
    "organisation_id": "lead practitioner organisation",
    "role": "lead practitioner role",
}


@dataclass
class FamilyRecord:
    case_hash: str
    first_line: int
    plan_start: datetime.date
    case_closed: datetime.date | None
    organisation_id: int | None
    role: str
    needs: dict = field(default_factory=dict)  # outcome number -> Need
    projects: set = field(default_factory=set)  # project ids

    def signature(self):
        return (
            self.plan_start,
            self.case_closed,
            self.organisation_id,
            self.role,
            tuple(sorted(self.needs.values(), key=lambda need: need.outcome)),
            tuple(sorted(self.projects)),
        )


@dataclass
class CheckedFile:
    rows: int = 0
    families: dict = field(default_factory=dict)  # case hash -> FamilyRecord
    errors: list = field(default_factory=list)  # (line number, reason)


class Lookups:
    """Reference data the rows are matched against, read once per file."""

    def __init__(self):
        self.outcomes = {}
        for number, name in Outcome.objects.values_list("number", "name"):
            self.outcomes[str(number)] = number
            self.outcomes[name.lower()] = number
        self.organisations = {}
        for pk, name, short in Organisation.objects.values_list(
            "pk", Lower("name"), Lower("short_name")
        ):
            self.organisations[name] = pk
            if short:
                self.organisations.setdefault(short, pk)
        self.projects = {}
        self.project_dates = {}
        for pk, reference, cost_centre, start, end in Project.objects.values_list(
            "pk", "reference", "cost_centre", "start_date", "end_date"
        ):
            self.projects[reference.lower()] = pk
            self.projects[cost_centre.lower()] = pk
            self.project_dates[pk] = (reference, start, end)


def _date(raw, name, problems, required=True):
    if not raw:
        if required:
            problems.append(f"{name} is blank")
        return None
    try:
        return parse_date(raw)
    except ValueError as error:
        problems.append(f"bad {name}: {error}")
        return None


def clean(raw, lookups, today):
    """A row's values, or the reasons it is bad."""
    problems = []
    reference = raw.get("case_reference", "")
    if not reference:
        problems.append("case reference is blank")
    elif len(reference) > MAX_REFERENCE:
        problems.append(f"case reference is longer than {MAX_REFERENCE} characters")
    values = {
        "plan_start": _date(raw.get("plan_start"), "plan start", problems),
        "case_closed": _date(raw.get("case_closed"), "case closed", problems, required=False),
        "identified_on": _date(raw.get("identified_on"), "need identified", problems),
        "achieved_on": _date(raw.get("achieved_on"), "achieved on", problems, required=False),
        "role": raw.get("role", ""),
    }
    if len(values["role"]) > MAX_ROLE:
        problems.append(f"lead practitioner role is longer than {MAX_ROLE} characters")
    for name, key in [
        ("plan start", "plan_start"),
        ("case closed", "case_closed"),
        ("need identified", "identified_on"),
        ("achieved on", "achieved_on"),
    ]:
        if values[key] and values[key] > today:
            problems.append(f"{name} {values[key]:%d/%m/%Y} is in the future")
    if (
        values["plan_start"]
        and values["case_closed"]
        and values["case_closed"] < values["plan_start"]
    ):
        problems.append("case closed is before plan start")
    if (
        values["identified_on"]
        and values["case_closed"]
        and values["identified_on"] > values["case_closed"]
    ):
        problems.append("the need was identified after the case closed")
    if (
        values["identified_on"]
        and values["achieved_on"]
        and values["achieved_on"] < values["identified_on"]
    ):
        problems.append("achieved on is before the need was identified")
    outcome = raw.get("outcome", "")
    values["outcome"] = lookups.outcomes.get(" ".join(outcome.lower().split()))
    if values["outcome"] is None:
        problems.append(
            f"outcome '{outcome}' is not one of the ten headline outcomes (give its name or 1-10)"
        )
    organisation = raw.get("organisation", "")
    values["organisation_id"] = None
    if organisation:
        values["organisation_id"] = lookups.organisations.get(organisation.lower())
        if values["organisation_id"] is None:
            problems.append(f"unknown lead practitioner organisation '{organisation}'")
    sustained = raw.get("sustained", "").lower()
    values["sustained"] = True if sustained in YES else False if sustained in NO else None
    if sustained and values["sustained"] is None:
        problems.append(f"sustained '{raw.get('sustained')}' should be yes, no or blank")
    if values["sustained"] is True and not raw.get("achieved_on"):
        problems.append("sustained is yes but achieved on is blank")
    if values["sustained"] is not None and not raw.get("case_closed"):
        problems.append("sustained is given but the case is not closed")
    values["projects"] = set()
    for code in filter(None, (part.strip() for part in raw.get("projects", "").split(";"))):
        project = lookups.projects.get(code.lower())
        if project is None:
            problems.append(f"unknown project '{code}' (give its reference or cost centre)")
            continue
        values["projects"].add(project)
        name, start, end = lookups.project_dates[project]
        plan_start, closed = values["plan_start"], values["case_closed"] or today
        if plan_start and (start > closed or end < plan_start):
            problems.append(f"project {name} did not run while the plan was open")
    return reference, values, problems


def _merge(checked, line, reference, values, hashes):
    """Add a good row to its family, reporting where it disagrees with the case's first row."""
    digest = hashes.get(reference)
    if digest is None:
        digest = hashes[reference] = case_hash(reference)
    record = checked.families.get(digest)
    if record is None:
        record = checked.families[digest] = FamilyRecord(
            case_hash=digest,
            first_line=line,
            plan_start=values["plan_start"],
            case_closed=values["case_closed"],
            organisation_id=values["organisation_id"],
            role=values["role"],
        )
    problems = [
        f"{name} differs from line {record.first_line} for the same case"
        for key, name in PER_CASE.items()
        if getattr(record, key) != values[key]
    ]
    outcome = values["outcome"]
    if outcome in record.needs:
        problems.append(
            f"outcome {outcome} is already on line {record.needs[outcome][1]} for this case"
        )
    if problems:
        return problems
    record.needs[outcome] = (
        Need(outcome, values["identified_on"], values["achieved_on"], values["sustained"]),
        line,
    )
    record.projects |= values["projects"]
    return []


def check(data, today=None):
    """Validate a whole file; nothing here writes to the database."""
    today = today or timezone.localdate()
    checked = CheckedFile()
    try:
        rows = list(read(decode(data, "the case-management system"), HEADINGS, OPTIONAL))
    except FileProblem as problem:
        checked.errors.append((1, str(problem)))
        return checked
    lookups = Lookups()
    hashes = {}  # each case's rows share one hash
    for line, raw in rows:
        reference, values, problems = clean(raw, lookups, today)
        if not problems:
            problems = _merge(checked, line, reference, values, hashes)
        checked.errors += [(line, problem) for problem in problems]
    checked.rows = len(rows)
    for record in checked.families.values():
        record.needs = {number: need for number, (need, _line) in record.needs.items()}
    checked.errors.sort()
    return checked


def dumps(checked):
    """The checked families as JSON, to keep between the preview and the confirmation. Holds
    hashes only, never a case reference."""
    return json.dumps(
        {
            "rows": checked.rows,
            "families": [
                {
                    "case_hash": record.case_hash,
                    "first_line": record.first_line,
                    "plan_start": record.plan_start.isoformat(),
                    "case_closed": record.case_closed and record.case_closed.isoformat(),
                    "organisation_id": record.organisation_id,
                    "role": record.role,
                    "projects": sorted(record.projects),
                    "needs": [
                        [
                            need.outcome,
                            need.identified_on.isoformat(),
                            need.achieved_on and need.achieved_on.isoformat(),
                            need.sustained,
                        ]
                        for need in record.needs.values()
                    ],
                }
                for record in checked.families.values()
            ],
        }
    )


def _day(text):
    return datetime.date.fromisoformat(text) if text else None


def loads(text):
    payload = json.loads(text)
    checked = CheckedFile(rows=payload["rows"])
    for item in payload["families"]:
        checked.families[item["case_hash"]] = FamilyRecord(
            case_hash=item["case_hash"],
            first_line=item["first_line"],
            plan_start=_day(item["plan_start"]),
            case_closed=_day(item["case_closed"]),
            organisation_id=item["organisation_id"],
            role=item["role"],
            projects=set(item["projects"]),
            needs={
                number: Need(number, _day(identified), _day(achieved), sustained)
                for number, identified, achieved, sustained in item["needs"]
            },
        )
    return checked
