from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from wagtail.search import index

from core.financial_years import validate_financial_year
from core.models import ImportRecord
from programme.roles import PROGRAMME_TEAM
from proposals.models import Proposal


class Project(index.Indexed, models.Model):
    """An approved proposal being delivered: what it was given and how it is going."""

    class Status(models.TextChoices):
        SET_UP = "set_up", "Set up"
        ACTIVE = "active", "Active"
        PAUSED = "paused", "Paused"
        COMPLETED = "completed", "Completed"
        CLOSED = "closed", "Closed"

    class Rag(models.TextChoices):
        GREEN = "green", "Green"
        AMBER = "amber", "Amber"
        RED = "red", "Red"

    proposal = models.OneToOneField(
        "proposals.Proposal", on_delete=models.PROTECT, related_name="project"
    )
    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Proposal.Kind.choices)
    lead = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    lead_organisation = models.ForeignKey(
        "programme.Organisation", on_delete=models.PROTECT, related_name="projects"
    )
    # Who in the programme team looks after the project: at first whoever screened it.
    lead_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects_overseen",
        limit_choices_to={"groups__name": PROGRAMME_TEAM, "is_active": True},
        help_text="The programme team's officer who looks after the project.",
    )
    fund = models.ForeignKey(
        "programme.Fund", null=True, blank=True, on_delete=models.PROTECT, related_name="projects"
    )
    approved_amount = models.DecimalField(max_digits=12, decimal_places=2)
    approved_on = models.DateField(help_text="The date of the group's decision in force.")
    withdrawn = models.BooleanField(
        "approval withdrawn",
        default=False,
        help_text="A correction withdrew the group's approval: the project is closed and is "
        "not a grant.",
    )
    cost_centre = models.CharField(
        max_length=20, unique=True, help_text="The finance system's code; spend lands by it."
    )
    start_date = models.DateField()
    end_date = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SET_UP)
    rag = models.CharField("RAG rating", max_length=10, choices=Rag.choices, default=Rag.GREEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The title ranks above the rest. The index is kept by core.search.follow (projects.apps).
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=10),
        index.SearchField("reference", boost=5),
        index.SearchField("cost_centre", boost=5),
        index.RelatedFields("lead", [index.SearchField("get_full_name")]),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.RelatedFields("proposal", [index.SearchField("summary")]),
    ]
    search_lookups = {
        "ref": ["reference", "cost_centre"],
        "lead": ["lead__first_name", "lead__last_name"],
        "org": ["lead_organisation__name", "lead_organisation__short_name"],
    }

    class Meta:
        ordering = ["reference"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="project_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(approved_amount__gt=0), name="project_amount_positive"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"


class Milestone(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(max_length=255)
    due_date = models.DateField()
    met_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self):
        return self.title


class BudgetProfileLine(models.Model):
    """The approved amount spread over financial years and quarters. The lines of a project
    always sum to its approved amount (the services refuse anything else)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="profile")
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year])
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    amount = models.DecimalField(max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["project", "financial_year", "quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "financial_year", "quarter"], name="one_profile_line_a_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="profile_quarter_1_to_4"
            ),
        ]
        # A year's profile across every project (the fund position on each agenda).
        indexes = [models.Index(fields=["financial_year"], name="profile_lines_by_year")]

    def __str__(self):
        return (
            f"{self.project.reference} {self.financial_year} Q{self.quarter}: £{self.amount:,.2f}"
        )


class SpendImport(ImportRecord):
    """One import of the finance system's CSV export."""

    rows_added = models.PositiveIntegerField()
    rows_already_there = models.PositiveIntegerField()


class ClosedMonth(models.Model):
    """A month finance has closed once the ledger here matched the finance system: no line
    dated in it can be imported, added or changed."""

    month = models.DateField(unique=True, help_text="The first day of the month.")
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month"]

    def __str__(self):
        return f"{self.month:%B %Y}"


class SpendLine(index.Indexed, models.Model):
    """A line of the council's ledger charged to a project's cost centre. Credit notes are
    negative. The cost is the net amount plus irrecoverable VAT."""

    transaction_number = models.CharField(max_length=50)
    line_number = models.PositiveIntegerField(
        default=1, help_text="A split invoice's lines share its transaction number."
    )
    date = models.DateField()
    supplier = models.CharField(max_length=255)
    description = models.CharField(max_length=500, blank=True)
    cost_centre = models.CharField(max_length=20)
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="spend")
    expense_type = models.CharField(max_length=100)
    net_amount = models.DecimalField(max_digits=12, decimal_places=2)
    irrecoverable_vat = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    paid_to_individual = models.BooleanField(
        default=False,
        help_text="A payment to a private individual: the supplier's name is redacted from "
        "the Transparency Code file.",
    )
    spend_import = models.ForeignKey(
        SpendImport, null=True, blank=True, on_delete=models.PROTECT, related_name="lines"
    )
    # Why a line did not fit its project when it was imported (dated outside it, against a
    # closed project, past its approval): it is on finance's "needs attention" list until
    # someone explains it. The ledger is the finance system's record, so it imports anyway.
    attention = models.CharField(max_length=200, blank=True)
    explanation = models.TextField(blank=True)
    explained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    explained_at = models.DateTimeField(null=True, blank=True)

    # Kept by core.search.follow (projects.apps); an import writes its lines in bulk and
    # indexes them itself (projects.services.spend).
    search_auto_update = False
    search_fields = [
        index.SearchField("supplier", boost=2),
        index.SearchField("description"),
        index.SearchField("transaction_number", boost=2),
        index.SearchField("cost_centre"),
        index.SearchField("expense_type"),
    ]
    search_lookups = {
        "ref": ["transaction_number", "project__reference"],
        "lead": ["project__lead__first_name", "project__lead__last_name"],
        "org": ["project__lead_organisation__name", "project__lead_organisation__short_name"],
    }

    class Meta:
        ordering = ["-date", "transaction_number", "line_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["transaction_number", "line_number"], name="spend_line_once"
            )
        ]
        indexes = [
            models.Index(fields=["project", "date"]),
            # The ledger's listing order: its first page is read from the index, no sort.
            models.Index(
                fields=["-date", "transaction_number", "line_number"], name="spend_ledger_order"
            ),
            models.Index(
                fields=["date"],
                condition=~Q(attention="") & Q(explained_at=None),
                name="spend_needing_attention",
            ),
        ]

    def __str__(self):
        line = f" line {self.line_number}" if self.line_number > 1 else ""
        return f"{self.transaction_number}{line} {self.supplier} £{self.net_amount:,.2f}"


class SpendMonth(models.Model):
    """The ledger summed by project and month, kept by ``projects.spend_totals`` whenever
    lines are written, so the pages that show spend read a few rows a project, not the
    whole ledger. Never edited by hand: ``manage.py refresh_spend_totals`` rebuilds it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="spend_months")
    month = models.DateField(help_text="The first day of the month.")
    amount = models.DecimalField(
        max_digits=14, decimal_places=2, help_text="Net amount plus irrecoverable VAT."
    )
    lines = models.PositiveIntegerField()

    class Meta:
        ordering = ["project", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "month"], name="one_spend_total_a_month"),
        ]
        # A period's rows across every project (value for money's projects with spend).
        indexes = [models.Index(fields=["month"], name="spend_months_by_month")]

    def __str__(self):
        return f"{self.project_id} {self.month:%b %Y}: £{self.amount:,.2f}"


class ProjectSpend(models.Model):
    """Each project's ledger summed over all time, kept with ``SpendMonth`` by
    ``projects.spend_totals``: spend to date across many projects (the public page's spend
    by kind) from a row a project, not a row a project and month."""

    project = models.OneToOneField(
        Project, on_delete=models.CASCADE, primary_key=True, related_name="spend_total"
    )
    amount = models.DecimalField(
        max_digits=16, decimal_places=2, help_text="Net amount plus irrecoverable VAT."
    )
    lines = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.project_id}: £{self.amount:,.2f}"


class ProgrammeMonth(models.Model):
    """The ledger summed by month over every project, kept with ``SpendMonth`` by
    ``projects.spend_totals``: the programme's spend in any run of months from a row a
    month, not a row a project and month."""

    month = models.DateField(unique=True, help_text="The first day of the month.")
    amount = models.DecimalField(
        max_digits=16, decimal_places=2, help_text="Net amount plus irrecoverable VAT."
    )
    lines = models.PositiveIntegerField()

    class Meta:
        ordering = ["month"]

    def __str__(self):
        return f"{self.month:%b %Y}: £{self.amount:,.2f}"


class ProgressReport(models.Model):
    """A lead's quarterly report on a project: how it is going, in their words and numbers."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="reports")
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year])
    quarter = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    narrative = models.TextField(help_text="What happened this quarter.")
    rag = models.CharField("RAG rating", max_length=10, choices=Project.Rag.choices)
    risks = models.TextField(blank=True, help_text="Risks and issues, and what is being done.")
    families_supported = models.PositiveIntegerField(
        help_text="Families the project worked with this quarter."
    )
    milestones_met = models.ManyToManyField(Milestone, blank=True, related_name="reports")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["project", "-financial_year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "financial_year", "quarter"], name="one_report_a_quarter"
            ),
            models.CheckConstraint(
                condition=Q(quarter__gte=1, quarter__lte=4), name="report_quarter_1_to_4"
            ),
        ]

    def __str__(self):
        return f"{self.project.reference} {self.financial_year} Q{self.quarter}"
