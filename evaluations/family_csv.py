"""Reading the case-management system's export: one row per need, in one of the layouts of
``programme.case_layouts``. A family is a case; each of its plans (its own start and
closure) is an episode, imported as a family record of its own. Case references are hashed on
the way in; what this module hands on holds no reference in clear. Every bad row is reported by
line number and reason."""

import datetime
import json
import re
from dataclasses import dataclass, field

from django.utils import timezone

from core.problems import did_you_mean
from core.tabular import FileProblem, choose_layout, open_table
from core.values import parse_date
from evaluations.family_lookups import Lookups
from evaluations.pseudonyms import case_hash
from evaluations.rules import Need
from programme.case_layouts import name_key
from programme.import_layouts import layouts_for

# Our own layout's headings, in order: the demo families and the tests write them.
EXPORT_HEADER = [
    "Case Reference",
    "Plan Start",
    "Case Closed",
    "Lead Practitioner Organisation",
    "Lead Practitioner Role",
    "Outcome",
    "Need Identified",
    "Achieved On",
    "Sustained",
    "Projects",
]
YES = {"yes", "y", "true", "1", "sustained", "yes - sustained"}
NO = {"no", "n", "false", "0", "not sustained", "no - not sustained"}
# What systems write in an optional date that has not happened: the same as blank.
NOT_YET = {"open", "ongoing", "not closed", "not achieved", "n/a", "na", "-", "none", "null"}
# Projects listed in one cell: 'FP-2026-001; FP-2026-002', or with commas or bars.
PROJECT_SEPARATORS = re.compile(r"[;,|]")
# What systems write for "not known yet": the same as blank.
UNKNOWN = {"unknown", "not known", "not yet known", "n/a", "na", "-", "tbc", "pending"}
PROGRESS_EVERY = 5000
MAX_REFERENCE = 100
MAX_ROLE = 100


@dataclass
class FamilyRecord:
    """One plan (episode) of one case."""

    case_hash: str
    first_line: int
    plan_start: datetime.date
    case_closed: datetime.date | None
    organisation_id: int | None
    role: str
    needs: dict = field(default_factory=dict)  # outcome number -> Need
    projects: set = field(default_factory=set)  # project ids
    # The row the lead practitioner was taken from: (need identified, line).
    lead_from: tuple = ()

    @property
    def key(self):
        return episode_key(self.case_hash, self.plan_start)

    def signature(self):
        return (
            self.plan_start,
            self.case_closed,
            self.organisation_id,
            self.role,
            tuple(sorted(self.needs.values(), key=lambda need: need.outcome)),
            tuple(sorted(self.projects)),
        )


def episode_key(digest, plan_start):
    return f"{digest}:{plan_start.isoformat()}"


@dataclass
class CheckedFile:
    rows: int = 0
    families: dict = field(default_factory=dict)  # episode key -> FamilyRecord
    errors: list = field(default_factory=list)  # (line number, reason)
    warnings: list = field(default_factory=list)  # (line number, what was done)
    layout: str = ""
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    aliases: tuple = ()


def _given(raw, key):
    """Whether an optional date was given (not blank, not 'Open' or 'N/A')."""
    text = (raw.get(key) or "").strip()
    return bool(text) and text.lower() not in NOT_YET


def _date(raw, name, problems, required=True):
    raw = raw or ""
    if not required and raw.strip().lower() in NOT_YET:
        return None
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
    values["outcome"] = lookups.outcome(outcome)
    if values["outcome"] is None:
        problems.append(
            f"outcome '{outcome}' is not one of the ten headline outcomes (give its name or "
            f"1-10){did_you_mean(outcome, lookups.outcome_names)}"
        )
    organisation = raw.get("organisation", "")
    values["organisation_id"] = None
    if organisation:
        values["organisation_id"] = lookups.organisations.get(name_key(organisation))
        if values["organisation_id"] is None:
            problems.append(
                f"unknown lead practitioner organisation '{organisation}'"
                + did_you_mean(organisation, lookups.organisation_names)
            )
    sustained = raw.get("sustained", "").strip().lower()
    if sustained in UNKNOWN:
        sustained = ""
    values["sustained"] = True if sustained in YES else False if sustained in NO else None
    if sustained and values["sustained"] is None:
        problems.append(f"sustained '{raw.get('sustained')}' should be yes, no or blank")
    if values["sustained"] is True and not _given(raw, "achieved_on"):
        problems.append("sustained is yes but achieved on is blank")
    if values["sustained"] is True and not _given(raw, "case_closed"):
        problems.append("sustained is yes but the case is not closed")
    if values["sustained"] is False and not _given(raw, "case_closed"):
        # On an open case "N" means not known yet: sustaining is judged after closure.
        values["sustained"] = None
    values["projects"] = set()
    listed = PROJECT_SEPARATORS.split(raw.get("projects", ""))
    for code in filter(None, (part.strip() for part in listed)):
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


def _lead(record, line, values, checked):
    """A plan whose lead practitioner changed takes the one on its latest need, saying so."""
    lead = (values["organisation_id"], values["role"])
    if lead == (record.organisation_id, record.role):
        return
    taken_from = (values["identified_on"], line)
    if taken_from > record.lead_from:
        kept_line, record.lead_from = line, taken_from
        record.organisation_id, record.role = lead
    else:
        kept_line = record.lead_from[1]
    checked.warnings.append(
        (
            line,
            "the lead practitioner differs from another row of the same plan; the one on the "
            f"latest need (line {kept_line}) is kept",
        )
    )


def _merge(checked, line, reference, values, hashes):
    """Add a good row to its family's plan, reporting where it disagrees with the plan's
    first row."""
    digest = hashes.get(reference)
    if digest is None:
        digest = hashes[reference] = case_hash(reference)
    key = episode_key(digest, values["plan_start"])
    record = checked.families.get(key)
    if record is None:
        record = checked.families[key] = FamilyRecord(
            case_hash=digest,
            first_line=line,
            plan_start=values["plan_start"],
            case_closed=values["case_closed"],
            organisation_id=values["organisation_id"],
            role=values["role"],
            lead_from=(values["identified_on"], line),
        )
    problems = []
    if record.case_closed != values["case_closed"]:
        problems.append(
            f"case closed differs from line {record.first_line} for the same plan (a plan "
            "starting on the same day)"
        )
    outcome = values["outcome"]
    if outcome in record.needs:
        problems.append(
            f"outcome {outcome} is already on line {record.needs[outcome][1]} for this plan"
        )
    if problems:
        return problems
    _lead(record, line, values, checked)
    record.needs[outcome] = (
        Need(outcome, values["identified_on"], values["achieved_on"], values["sustained"]),
        line,
    )
    record.projects |= values["projects"]
    return []


def _open(data, filename, layout_name, checked):
    layouts = layouts_for("families")
    try:
        layout = choose_layout(layouts, layout_name) if layout_name else None
        table = open_table(data, filename, layouts, layout)
        rows = [(line, raw) for line, raw, total in table.rows() if not total]
    except FileProblem as problem:
        checked.errors.append((problem.line, str(problem)))
        return []
    checked.layout = table.layout.name
    checked.notes = table.read_notes()
    checked.ignored_personal = table.ignored_personal
    checked.aliases = table.layout.aliases
    return rows


def check(data, today=None, filename="", layout=None, progress=None):
    """Validate a whole file (in the layout of that name, or the one found from its
    headings); nothing here writes to the database. ``progress(rows)`` hears how many rows
    have been checked, every few thousand."""
    today = today or timezone.localdate()
    checked = CheckedFile()
    rows = _open(data, filename, layout, checked)
    if checked.errors:
        return checked
    lookups = Lookups(checked.aliases)
    hashes = {}  # each case's rows share one hash
    for count, (line, raw) in enumerate(rows, start=1):
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
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
        record = FamilyRecord(
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
        checked.families[record.key] = record
    return checked
