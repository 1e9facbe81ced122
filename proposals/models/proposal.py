from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from wagtail.search import index

from core.financial_years import validate_financial_year
from core.money import MoneyOutput, money_sum


class ProposalQuerySet(models.QuerySet):
    def with_total(self):
        """Annotate ``total_requested``: always the sum of the budget lines, in SQL. A
        subquery, not a join with GROUP BY, so counting the proposals (a listing's pages)
        leaves the budget lines alone."""
        lines = (
            BudgetLine.objects.filter(proposal=OuterRef("pk"))
            .order_by()
            .values("proposal")
            .annotate(total=money_sum("amount"))
            .values("total")
        )
        return self.annotate(
            total_requested=Coalesce(Subquery(lines), Decimal("0.00"), output_field=MoneyOutput())
        )

    def led_by(self, user):
        """Proposals this person leads or co-leads (EXISTS: none repeats, no DISTINCT)."""
        co_led = Proposal.co_leads.through.objects.filter(proposal=OuterRef("pk"), user=user)
        return self.filter(Q(lead=user) | Exists(co_led))


class Proposal(index.Indexed, models.Model):
    class Kind(models.TextChoices):
        IT = "it", "IT project"
        RESEARCH = "research", "Research project"
        COMMUNITY = "community", "Community involvement"
        FUNDED_SERVICE = "funded_service", "Funded service"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        RETURNED = "returned", "Returned for more information"
        ELIGIBLE = "eligible", "Eligible (on an agenda)"
        DECIDED = "decided", "Decided"
        WITHDRAWN = "withdrawn", "Withdrawn"

    reference = models.CharField(max_length=20, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposals_led"
    )
    co_leads = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="proposals_co_led"
    )
    lead_organisation = models.ForeignKey(
        "programme.Organisation", on_delete=models.PROTECT, related_name="proposals"
    )
    # Who in the programme team is to screen it (services.proposals_assign_screener).
    screener = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals_to_screen",
    )
    summary = models.TextField(blank=True)
    need_and_evidence = models.TextField("need and evidence", blank=True)
    whole_family_approach = models.TextField(blank=True)
    delivery_start = models.DateField(null=True, blank=True)
    delivery_end = models.DateField(null=True, blank=True)
    sustainability = models.TextField("sustainability and exit plan", blank=True)
    priorities = models.ManyToManyField("programme.Priority", blank=True, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    meeting = models.ForeignKey(
        "programme.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text="The meeting the proposal is placed for.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    # The title ranks above the rest; a budget line's words count least. The index is kept
    # by core.search.follow, with the budget lines as part of the text (proposals.apps).
    search_auto_update = False
    search_fields = [
        index.SearchField("title", boost=10),
        index.SearchField("reference", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("need_and_evidence"),
        index.SearchField("whole_family_approach"),
        index.SearchField("sustainability"),
        index.RelatedFields("lead", [index.SearchField("get_full_name")]),
        index.RelatedFields("lead_organisation", [index.SearchField("name")]),
        index.RelatedFields("budget_lines", [index.SearchField("description", boost=0.5)]),
    ]
    search_lookups = {
        "ref": ["reference"],
        "lead": ["lead__first_name", "lead__last_name"],
        "org": ["lead_organisation__name", "lead_organisation__short_name"],
    }

    class Meta:
        ordering = ["-created_at"]
        permissions = [("screen_proposal", "Can screen proposals against the criteria")]
        constraints = [
            models.CheckConstraint(
                condition=Q(delivery_end__isnull=True)
                | Q(delivery_start__isnull=True)
                | Q(delivery_end__gte=models.F("delivery_start")),
                name="proposal_delivery_ends_after_it_starts",
                violation_error_message="Delivery must end on or after the day it starts.",
            )
        ]
        indexes = [
            models.Index(fields=["status", "meeting"]),
            # The back office's listing, newest first or by last change, past the drafts:
            # read from an index, however many proposals there are.
            models.Index(
                fields=["-submitted_at"], condition=~Q(status="draft"), name="proposal_listing"
            ),
            models.Index(
                fields=["-updated_at"], condition=~Q(status="draft"), name="proposal_last_change"
            ),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class ReferenceCounter(models.Model):
    """The last proposal number issued in a year; rows are locked while a reference is taken,
    so two proposals started at once never get the same number."""

    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


class OutcomeTarget(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="outcome_targets")
    outcome = models.ForeignKey("programme.Outcome", on_delete=models.PROTECT, related_name="+")
    expected_families = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["outcome__number"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "outcome"], name="one_target_per_outcome"),
            models.CheckConstraint(
                condition=Q(expected_families__gte=1), name="target_at_least_one_family"
            ),
        ]

    def __str__(self):
        return f"{self.outcome}: {self.expected_families} families"


class BudgetLine(models.Model):
    class CostType(models.TextChoices):
        STAFF = "staff", "Staff"
        IT = "it", "IT"
        COMMISSIONED = "commissioned", "Commissioned service"
        VENUE = "venue", "Venue and materials"
        EVALUATION = "evaluation", "Evaluation"
        OTHER = "other", "Other"

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="budget_lines")
    financial_year = models.CharField(max_length=7, validators=[validate_financial_year])
    cost_type = models.CharField(max_length=20, choices=CostType.choices)
    description = models.CharField(max_length=255)
    amount = models.DecimalField("amount (£)", max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["financial_year", "cost_type", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gt=0),
                name="budget_line_amount_positive",
                violation_error_message="A budget line must be more than £0.",
            )
        ]

    def __str__(self):
        return f"{self.financial_year} {self.get_cost_type_display()}: £{self.amount:,.2f}"


class CriterionAnswer(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey("programme.Criterion", on_delete=models.PROTECT, related_name="+")
    answer = models.TextField()
    evidence = models.TextField(blank=True)

    class Meta:
        ordering = ["criterion__sort_order", "criterion__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "criterion"], name="one_answer_per_criterion"
            )
        ]

    def __str__(self):
        return f"Answer to {self.criterion}"
