"""The case-management exports the family import knows: our own, Mosaic, Liquidlogic EHM and
Capita One early-help exports, each one row per need. Headings are compared without case or
punctuation; each field takes the first of its headings the file has. Names of outcomes and
organisations are matched without regard to case, apostrophes ('Barnardo’s'), '&' for 'and'
or small words ('Children safe from ...' for 'Children are safe from ...')."""

import functools
import re
import unicodedata

from core.tabular import NOT_LETTER_OR_DIGIT, Column, Layout

CASE = (
    "case reference",
    "case ref",
    "case id",
    "case number",
    "family reference",
    "family ref",
    "family id",
    "family case id",
    "early help id",
    "eh case id",
    "ehm case id",
    "group id",
)
PLAN_START = (
    "plan start",
    "plan start date",
    "episode start",
    "episode start date",
    "early help start date",
    "eh start date",
    "case start date",
    "case open date",
    "intervention start date",
    "start date",
)
CASE_CLOSED = (
    "case closed",
    "case closed date",
    "case closure date",
    "closure date",
    "episode end",
    "episode end date",
    "early help end date",
    "eh end date",
    "plan end date",
    "end date",
    "close date",
)
ORGANISATION = (
    "lead practitioner organisation",
    "lead practitioner agency",
    "lead professional organisation",
    "lead professional agency",
    "lead worker organisation",
    "lead worker agency",
    "key worker agency",
    "keyworker agency",
    "worker organisation",
    "organisation",
    "agency",
)
ROLE = (
    "lead practitioner role",
    "lead professional role",
    "lead worker role",
    "key worker role",
    "worker role",
    "role",
)
OUTCOME = (
    "outcome",
    "outcome area",
    "headline outcome",
    "outcome name",
    "need",
    "need area",
    "family need",
    "issue",
)
IDENTIFIED = (
    "need identified",
    "need identified date",
    "date need identified",
    "identified date",
    "date identified",
    "identified on",
    "need start date",
)
ACHIEVED = (
    "achieved on",
    "achieved date",
    "date achieved",
    "outcome achieved date",
    "need met date",
    "met date",
)
SUSTAINED = ("sustained", "outcome sustained", "sustained y n", "sustained flag")
PROJECTS = ("projects", "project", "project reference", "funded projects", "funded project")
REQUIRED = frozenset({"case_reference", "plan_start", "organisation", "outcome", "identified_on"})


def _common(*extra):
    return (
        *extra,
        Column("case_reference", CASE),
        Column("plan_start", PLAN_START),
        Column("case_closed", CASE_CLOSED),
        Column("organisation", ORGANISATION),
        Column("role", ROLE),
        Column("outcome", OUTCOME),
        Column("identified_on", IDENTIFIED),
        Column("achieved_on", ACHIEVED),
        Column("sustained", SUSTAINED),
        Column("projects", PROJECTS),
    )


STANDARD = Layout(
    name="Standard case management",
    source="this product's own family outcomes layout, and any export with its headings",
    columns=_common(),
    required=REQUIRED,
)
MOSAIC = Layout(
    name="Mosaic",
    source="Servelec Mosaic early-help episodes, one row per need",
    columns=_common(
        Column("mosaic", ("mosaic id", "workflow step id", "step id", "person id", "group id")),
        Column("case_reference", ("group id", "case id", "mosaic case id")),
        Column("plan_start", ("episode start date", "step start date")),
        Column("case_closed", ("episode end date", "step end date")),
        Column("organisation", ("worker organisation", "worker team organisation")),
        Column("role", ("worker role", "worker job title")),
    ),
    required=REQUIRED,
)
LIQUIDLOGIC = Layout(
    name="Liquidlogic EHM",
    source="Liquidlogic Early Help Module episodes, one row per need",
    columns=_common(
        # Headings by which a Liquidlogic export is known (the first the file has).
        Column(
            "ehm",
            ("ehm id", "eh case id", "eh start date", "eh episode id", "lead professional agency"),
        ),
        Column("case_reference", ("early help id", "ehm case id", "eh case id")),
        Column("plan_start", ("eh start date", "episode start date")),
        Column("case_closed", ("eh end date", "episode end date", "closure date")),
        Column(
            "organisation",
            ("lead professional agency", "lead professional organisation", "lp organisation"),
        ),
        Column("role", ("lead professional role", "lp role")),
    ),
    required=REQUIRED,
)
CAPITA_ONE = Layout(
    name="Capita One",
    source="Capita One (One Early Help) family episodes, one row per need",
    columns=_common(
        Column("one", ("one id", "capita one id", "key worker agency", "key worker", "family id")),
        Column("case_reference", ("family id", "family group id", "one id")),
        Column("plan_start", ("case start date", "intervention start date")),
        Column("case_closed", ("case closure date", "intervention end date")),
        Column("organisation", ("key worker agency", "keyworker agency", "key worker service")),
        Column("role", ("key worker role",)),
    ),
    required=REQUIRED,
)
LAYOUTS = (STANDARD, MOSAIC, LIQUIDLOGIC, CAPITA_ONE)

# Words that do not tell one name from another.
SMALL_WORDS = {"the", "a", "an", "are", "is", "of"}
# Shorter names of the headline outcomes that case-management systems use.
OUTCOME_ALIASES = {
    "education": 1,
    "school attendance": 1,
    "early years": 2,
    "early years development": 2,
    "health": 3,
    "mental and physical health": 3,
    "substance use": 4,
    "substance misuse": 4,
    "drugs and alcohol": 4,
    "family relationships": 5,
    "children safe": 6,
    "child safety": 6,
    "crime": 7,
    "crime and anti social behaviour": 7,
    "domestic abuse": 8,
    "housing": 9,
    "financial stability": 10,
    "worklessness": 10,
    "employment and finance": 10,
}


APOSTROPHES = re.compile(r"['‘’`´]")


@functools.lru_cache(maxsize=4096)
def name_key(text):
    """One form for a name however it is written: 'Barnardo’s' and 'BARNARDOS', 'Drugs &
    alcohol' and 'drugs and alcohol', 'Children safe from' and 'Children are safe from'. An
    export writes the same few names on every row, so each is worked out once."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = APOSTROPHES.sub("", text).replace("&", " and ")
    words = NOT_LETTER_OR_DIGIT.sub(" ", text).split()
    return " ".join(word for word in words if word not in SMALL_WORDS)
