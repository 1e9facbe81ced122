"""Reading the case-management system's export: one row per need, in one of the layouts of
``programme.case_layouts``. A family is a case; each of its plans (its own start and
closure) is an episode, imported as a family record of its own. Case references are hashed on
the way in; what this module hands on holds no reference in clear. Every bad row is reported by
line number and reason. The file is read as a stream and its plans gathered one at a time
(evaluations.family_plans), so memory does not grow with the file."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils import timezone

from core.external_sort import sorted_rows
from core.problems import did_you_mean
from core.tabular import FileProblem, choose_layout, open_table
from core.values import parse_date
from evaluations import family_plans
from evaluations.family_lookups import Lookups
from evaluations.family_plans import FamilyRecord, PlanFile, PlansOpener, Row, gather
from evaluations.pseudonyms import case_hash
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
# How many case references' hashes are remembered while reading (then forgotten, and so on).
HASHES_KEPT = 10_000


@dataclass
class CheckedFile:
    rows: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)
    warnings: list = field(default_factory=list)  # (line number, what was done)
    layout: str = ""
    notes: list = field(default_factory=list)
    ignored_personal: list = field(default_factory=list)
    # The plans found, kept a JSON line each (family_plans): how many, and what opens them.
    plan_count: int = 0
    plans_opener: PlansOpener | None = None
    # The temporary file the plans are kept in, held for as long as this is.
    plan_file: PlanFile | None = None

    def plans(self) -> Iterator[FamilyRecord]:
        """The file's plans, one at a time, in order of case and plan start."""
        return family_plans.read(self.plans_opener) if self.plans_opener else iter(())

    @classmethod
    def kept(cls, opener: PlansOpener, rows: int, plan_count: int) -> "CheckedFile":
        """A file checked earlier whose plans were kept (PlanFile) until its confirmation."""
        return cls(rows=rows, plan_count=plan_count, plans_opener=opener)


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


def _rows(table, lookups, today, checked, progress):
    """The good rows, as family_plans.Row; each bad row's problems go to ``checked.errors``."""
    hashes: dict[str, str] = {}  # a case's rows are usually together: hash each once
    count = 0
    for line, raw, total in table.rows():
        if total:
            continue
        count += 1
        if progress and count % PROGRESS_EVERY == 0:
            progress(count)
        reference, values, problems = clean(raw, lookups, today)
        if problems:
            checked.errors += [(line, problem) for problem in problems]
            continue
        digest = hashes.get(reference)
        if digest is None:
            if len(hashes) >= HASHES_KEPT:
                hashes.clear()
            digest = hashes[reference] = case_hash(reference)
        yield Row(
            case_hash=digest,
            plan_start=values["plan_start"],
            line=line,
            case_closed=values["case_closed"],
            organisation_id=values["organisation_id"],
            role=values["role"],
            outcome=values["outcome"],
            identified_on=values["identified_on"],
            achieved_on=values["achieved_on"],
            sustained=values["sustained"],
            projects=tuple(sorted(values["projects"])),
        )
    checked.rows = count


def check(data, today=None, filename="", layout=None, progress=None):
    """Validate a whole file (in the layout of that name, or the one found from its
    headings), read as a stream; nothing here writes to the database. The good rows are
    sorted by case and plan start and gathered into plans, kept in a temporary file that
    ``checked.plans()`` reads. ``progress(rows)`` hears how many rows have been checked,
    every few thousand."""
    today = today or timezone.localdate()
    checked = CheckedFile()
    layouts = layouts_for("families")
    try:
        chosen = choose_layout(layouts, layout) if layout else None
        table = open_table(data, filename, layouts, chosen)
        checked.layout = table.layout.name
        checked.ignored_personal = table.ignored_personal
        lookups = Lookups(table.layout.aliases)
        rows = sorted_rows(_rows(table, lookups, today, checked, progress))
    except FileProblem as problem:
        checked.errors = [(problem.line, str(problem))]
        return checked
    checked.notes = table.read_notes()
    plan_file = PlanFile(gather(rows, checked.errors, checked.warnings))
    checked.errors.sort()
    checked.warnings.sort()
    checked.plan_count, checked.plan_file = plan_file.count, plan_file
    checked.plans_opener = plan_file.open
    return checked
