"""Import layouts the programme team and finance save in the back office, for a source system
the shipped layouts do not quite fit: which column is which, how the file is written, and what
the system calls things we name otherwise. Each starts from a shipped layout
(projects.ledger_layouts, evaluations.case_layouts) and the imports offer it beside them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from programme import case_layouts, ledger_layouts

SHIPPED = {"ledger": ledger_layouts.LAYOUTS, "families": case_layouts.LAYOUTS}

# The fields a layout's columns fill, and what to call them.
LEDGER_FIELDS = {
    "transaction_number": "transaction number",
    "line_number": "line number (of a split invoice)",
    "date": "date",
    "supplier": "supplier",
    "description": "description",
    "cost_centre": "cost centre",
    "expense_type": "expense type",
    "net_amount": "net amount",
    "debit": "debit",
    "credit": "credit",
    "irrecoverable_vat": "irrecoverable VAT",
    "supplier_type": "supplier type",
}
FAMILY_FIELDS = {
    "case_reference": "case reference",
    "plan_start": "plan start",
    "case_closed": "case closed",
    "organisation": "lead practitioner organisation",
    "role": "lead practitioner role",
    "outcome": "outcome",
    "identified_on": "need identified",
    "achieved_on": "achieved on",
    "sustained": "sustained",
    "projects": "projects",
}
COLUMN_LINE = re.compile(r"^(?P<field>[a-z_]+)\s*=\s*(?P<heading>.+?)(\s*\[(?P<segment>\d)\])?$")


class ImportLayout(models.Model):
    class Kind(models.TextChoices):
        LEDGER = "ledger", "Finance ledger"
        FAMILIES = "families", "Case management (family outcomes)"

    class Delimiter(models.TextChoices):
        FIND = "", "Find it from the file"
        COMMA = ",", "Comma"
        SEMICOLON = ";", "Semicolon"
        TAB = "\t", "Tab"
        BAR = "|", "Bar (|)"

    class Encoding(models.TextChoices):
        FIND = "", "Find it from the file"
        UTF8 = "utf-8", "UTF-8"
        WINDOWS = "cp1252", "Windows-1252"

    class DecimalComma(models.TextChoices):
        FIND = "", "Find it from the file"
        YES = "yes", "Decimal commas (1.234,56)"
        NO = "no", "Decimal points (1,234.56)"

    name = models.CharField(max_length=60, unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    based_on = models.CharField(
        max_length=60,
        choices=[
            (layout.slug(), f"{layout.name} ({kind})")
            for kind, layouts in SHIPPED.items()
            for layout in layouts
        ],
        help_text="The shipped layout it starts from. Its headings still apply; yours come first.",
    )
    columns = models.TextField(
        blank=True,
        help_text="One a line, the field and the file's heading for it: 'cost_centre = Org "
        "Unit'. 'cost_centre = Account [2]' takes the second part of a code split by the "
        "separator below.",
    )
    segment_separator = models.CharField(max_length=1, default=".")
    delimiter = models.CharField(max_length=1, choices=Delimiter.choices, blank=True)
    encoding = models.CharField(max_length=10, choices=Encoding.choices, blank=True)
    header_row = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text="The line the headings are on (1 to 20); blank to find them.",
    )
    decimal_comma = models.CharField(max_length=3, choices=DecimalComma.choices, blank=True)
    aliases = models.TextField(
        blank=True,
        help_text="One a line, what the system calls something and what we call it: "
        "'Barnardos Liverpool = Barnardo's' (an organisation), 'Housing stability = Secure "
        "housing' (an outcome) or, for a ledger, 'CC-0042 = FP2026009' (a cost centre).",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display().lower()})"

    @property
    def fields(self):
        return LEDGER_FIELDS if self.kind == self.Kind.LEDGER else FAMILY_FIELDS

    def column_lines(self):
        """[(field, heading, segment or None)] from ``columns``; raises ValueError naming a
        line that is not one."""
        found = []
        for number, line in enumerate(self.columns.splitlines(), start=1):
            if not line.strip():
                continue
            match = COLUMN_LINE.match(line.strip())
            if not match or match["field"] not in self.fields:
                raise ValueError(
                    f"Line {number} ('{line.strip()}') is not 'field = Heading'; the fields are "
                    + ", ".join(self.fields)
                )
            segment = int(match["segment"]) if match["segment"] else None
            found.append((match["field"], match["heading"], segment))
        return found

    def alias_pairs(self):
        """[(their name, our name)] from ``aliases``; raises ValueError naming a bad line."""
        pairs = []
        for number, line in enumerate(self.aliases.splitlines(), start=1):
            if not line.strip():
                continue
            theirs, equals, ours = line.partition("=")
            if not equals or not theirs.strip() or not ours.strip():
                raise ValueError(f"Line {number} ('{line.strip()}') is not 'their name = ours'")
            pairs.append((theirs.strip(), ours.strip()))
        return pairs

    def clean(self):
        errors = {}
        if self.based_on and self.based_on not in {
            layout.slug() for layout in SHIPPED.get(self.kind, ())
        }:
            errors["based_on"] = f"Choose a layout for a {self.get_kind_display().lower()}."
        for name, read in (("columns", self.column_lines), ("aliases", self.alias_pairs)):
            try:
                read()
            except ValueError as error:
                errors[name] = str(error)
        if errors:
            raise ValidationError(errors)
