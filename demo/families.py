"""About 1,200 pseudonymised families, imported through the real import; unit costs; the
universities' evaluation; project targets and quarterly results; the public results page.

The case references are made up (LIV-EH-100000 upwards). Families' plans run from the start of
the financial year three before today's, so the programme's earlier years have successful
family outcomes (hundreds a year) before the demo's funded projects began; families whose plans
were open while a funded service ran are recorded as supported by it. The next export from the
case-management system (``next_export``) holds the same families and some new ones."""

import csv
import datetime
import hashlib
import io
import random
from decimal import Decimal

from django.utils import timezone
from wagtail.models import Site

from core.dates import add_months
from core.financial_years import current_fy, fy_name, fy_start_year
from demo.pages import child_page
from demo.people import group_since
from evaluations.family_csv import EXPORT_HEADER, check
from evaluations.models import EvaluationStudy, ProjectResult, UnitCost
from evaluations.rules import SUSTAIN_MONTHS
from evaluations.selectors.headline import headline
from evaluations.selectors.presenting import gather
from evaluations.services import family_outcomes_import, project_results_record
from programme.models import HeadlineTarget, Organisation, Outcome, User
from projects.models import Project
from public.models import ResultsPage

FAMILIES = 1200
NEW_IN_NEXT_EXPORT = 36
LEADS = [
    ("Liverpool City Council Children's Services", "Early help practitioner"),
    ("Liverpool City Council Children's Services", "Family support worker"),
    ("Liverpool Learning Partnership", "School family support worker"),
    ("Barnardo's", "Family practitioner"),
    ("Merseyside Police", "Early intervention officer"),
    ("Liverpool Mutual Homes", "Tenancy sustainment officer"),
    ("Mersey Care NHS Foundation Trust", "Community mental health nurse"),
]
# Demonstration values only, in the shape of a published unit cost database: the programme
# team replaces them with the council's own before using the estimate.
UNIT_COSTS = {
    1: ("Persistent absence from school: education welfare casework", "education", "2350.00"),
    2: ("Child not school ready: targeted early years support", "local_authority", "1800.00"),
    3: ("Mental health: adult community mental health episode", "nhs", "2800.00"),
    4: ("Substance misuse: structured treatment episode", "nhs", "3100.00"),
    5: ("Family breakdown: child in need case", "local_authority", "2150.00"),
    6: ("Child protection plan", "local_authority", "6900.00"),
    7: ("Crime: police response and investigation of an incident", "police", "1650.00"),
    8: ("Domestic abuse: incident and MARAC case", "police", "3400.00"),
    9: ("Homelessness: temporary accommodation placement", "housing", "7400.00"),
    10: ("Out-of-work benefit claimant (annual)", "dwp", "9300.00"),
}


def _day(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _supporting(rng, projects, plan_start, closed, today):
    """A funded service that ran while the plan was open, for about a third of the families
    that had one (the rest had the early help service's own support)."""
    end = closed or today
    running = [p for p in projects if p.start_date <= end and p.end_date >= plan_start]
    if not running or rng.random() > 0.35:
        return ""
    return rng.choice(running).reference


def families_csv(today, families=FAMILIES, seed=2024):
    """The case-management system's export of ``families`` families; the first ones are the
    same whatever the number, so a longer export adds families to a shorter one."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not security
    first_plan = group_since(today)
    services = list(
        Project.objects.filter(kind="funded_service", start_date__lte=today).order_by("reference")
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_HEADER)
    last_plan = today - datetime.timedelta(days=30)
    for number in range(families):
        plan = _day(rng, first_plan, last_plan)
        ends = plan + datetime.timedelta(days=rng.randint(100, 320))
        closed = ends if ends <= today else None
        known = closed is not None and add_months(closed, SUSTAIN_MONTHS) <= today
        organisation, role = rng.choice(LEADS)
        areas = rng.sample(range(1, 11), rng.choice([2, 3, 3, 4, 4, 4, 5, 5, 6]))
        projects = _supporting(rng, services, plan, closed, today)
        for outcome in areas:
            identified = plan + datetime.timedelta(days=rng.randint(0, 20))
            achieved = ""
            chance = 0.97 if closed else 0.45
            earliest = identified + datetime.timedelta(days=20)
            limit = closed or today
            if rng.random() < chance and earliest <= limit:
                achieved = _day(rng, earliest, limit).strftime("%d/%m/%Y")
            sustained = ""
            if known and achieved:
                sustained = "yes" if rng.random() < 0.96 else "no"
            writer.writerow(
                [
                    f"LIV-EH-{100000 + number}",
                    plan.strftime("%d/%m/%Y"),
                    closed.strftime("%d/%m/%Y") if closed else "",
                    organisation,
                    role,
                    outcome,
                    identified.strftime("%d/%m/%Y"),
                    achieved,
                    sustained,
                    projects,
                ]
            )
    return out.getvalue().encode()


def next_export(today):
    """The export a programme officer would import next: every family so far and some new."""
    return families_csv(today, FAMILIES + NEW_IN_NEXT_EXPORT)


def unit_costs(today):
    price_year = fy_name(fy_start_year(current_fy(today)) - 1)
    outcomes = dict(Outcome.objects.values_list("number", "pk"))
    for number, (description, agency, value) in UNIT_COSTS.items():
        UnitCost.objects.update_or_create(
            outcome_id=outcomes[number],
            description=description,
            defaults={
                "agency": agency,
                "value": Decimal(value),
                "source": "Demonstration value: replace with the council's unit cost database",
                "price_year": price_year,
            },
        )


def studies(today):
    """The universities' evaluation of the programme's first years, and one the research
    project commissioned."""
    since = group_since(today)
    programme = Organisation.objects.get(name="Liverpool City Council Families Programme")
    EvaluationStudy.objects.update_or_create(
        title="Families Programme Evaluation",
        defaults={
            "commissioner": programme,
            "evaluator": "University of Wolverhampton and Northumbria University",
            "method": EvaluationStudy.Method.MIXED,
            "started_on": add_months(since, 5),
            "reported_on": add_months(since, 19),
            "findings": "An in-depth analysis of the Liverpool Schools Consortia and the "
            "performance of the Families Programme. Whole-family working with one lead "
            "practitioner and one plan was associated with better school attendance and "
            "fewer police call-outs than in comparison areas.",
            "strength_of_evidence": EvaluationStudy.Strength.THREE,
            "published": True,
        },
    )
    research = Project.objects.filter(kind="research").order_by("reference").first()
    if research is not None:
        study, _ = EvaluationStudy.objects.update_or_create(
            title=f"{research.title}: evaluation",
            defaults={
                "commissioner": programme,
                "evaluator": research.lead_organisation.name,
                "method": EvaluationStudy.Method.QUASI_EXPERIMENTAL,
                "started_on": research.start_date,
                "strength_of_evidence": EvaluationStudy.Strength.THREE,
                "published": False,
            },
        )
        study.projects.set([research])


def project_results(rng):
    """Results for each quarter a lead has reported on, against the project's targets."""
    for project in Project.objects.prefetch_related("reports", "outcome_targets__outcome"):
        targets = list(project.outcome_targets.all())
        for report in project.reports.all():
            if (
                not targets
                or ProjectResult.objects.filter(
                    project=project, financial_year=report.financial_year, quarter=report.quarter
                ).exists()
            ):
                continue
            figures = {}
            for target in targets:
                supported = max(1, report.families_supported * rng.randint(40, 90) // 100)
                achieved = supported * rng.randint(15, 45) // 100
                figures[target.outcome.number] = (supported, achieved, achieved // 3)
            project_results_record(
                user=project.lead,
                project=project,
                financial_year=report.financial_year,
                quarter=report.quarter,
                figures=figures,
                today=report.submitted_at.date(),
            )


RESULTS_INTRO = (
    "<p>What the programme has achieved for families, counted from pseudonymised case "
    "records and the projects' quarterly reports, and what it has cost. The figures are "
    "updated as records are imported.</p>"
)


def results_page():
    home = Site.objects.get(is_default_site=True).root_page.specific
    child_page(
        home,
        ResultsPage,
        "what-has-it-achieved",
        title="What has it achieved?",
        show_in_menus=True,
        intro=RESULTS_INTRO,
    )


def targets(today):
    """Last year's aim, which the programme just missed, and this year's: a fifth more than
    last year achieved (the seed's council aimed for "more than 1,000 next year" after 831)."""
    this_year = current_fy(today)
    last_year = fy_name(fy_start_year(this_year) - 1)
    achieved = headline(gather(today), last_year, suppressed=False).successful.value or 0
    HeadlineTarget.objects.update_or_create(
        financial_year=last_year,
        defaults={
            "successful_families": max(10, int(round(achieved * 1.05, -1))),
            "note": "The annual plan agreed by the strategic group.",
        },
    )
    HeadlineTarget.objects.update_or_create(
        financial_year=this_year,
        defaults={
            "successful_families": max(10, int(round(achieved * 1.2, -1))),
            "note": "A fifth more families than last year, as the annual plan sets out.",
        },
    )


def seed(stdout, today=None):
    today = today or timezone.localdate()
    unit_costs(today)
    studies(today)
    project_results(random.Random(5))  # noqa: S311 - reproducible demo data
    data = families_csv(today)
    result = family_outcomes_import(
        user=User.objects.get(email="programme@families.example"),
        checked=check(data, today=today),
        filename="demo-case-management-export.csv",
        sha256=hashlib.sha256(data).hexdigest(),
    )
    results_page()
    targets(today)
    stdout.write(
        f"Families: {result.added:,} added, {result.updated:,} updated, "
        f"{result.unchanged:,} unchanged ({result.rows:,} need rows); unit costs, studies, "
        "project results and the results page."
    )
    return []
