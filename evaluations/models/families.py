"""Family outcome records, pseudonymised at the door: a family is the keyed hash of its case
reference, with no name, date of birth or address. Only the programme team sees these rows;
everyone else sees counts that have been through the disclosure rule."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from core.models import ImportRecord


class FamilyImport(ImportRecord):
    """One import of the case-management system's export."""

    families_added = models.PositiveIntegerField()
    families_updated = models.PositiveIntegerField()
    families_unchanged = models.PositiveIntegerField()


class Family(models.Model):
    """A family with a plan. ``eligible``, ``all_needs_sustained`` and ``sustain_until`` are
    worked out by ``evaluations.rules`` whenever the family's record is imported, so the
    figures can be counted in SQL."""

    case_hash = models.CharField(
        "pseudonymised case reference",
        max_length=64,
        help_text="HMAC-SHA256 of the case reference with the site's secret key. A case with "
        "several plans has a record for each.",
    )
    lead_organisation = models.ForeignKey(
        "programme.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="families_led",
        verbose_name="lead practitioner's organisation",
    )
    lead_role = models.CharField("lead practitioner's role", max_length=100, blank=True)
    plan_start = models.DateField()
    case_closed = models.DateField(null=True, blank=True)
    eligible = models.BooleanField(
        default=False, help_text="Needs in at least three outcome areas while the plan was open."
    )
    all_needs_sustained = models.BooleanField(
        default=False,
        help_text="Eligible, closed, and every need achieved and sustained: a successful family "
        "outcome once six months after closure have passed.",
    )
    sustain_until = models.DateField(
        null=True, blank=True, help_text="Six months after the case closed."
    )
    family_import = models.ForeignKey(
        FamilyImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="families"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "families"
        ordering = ["-plan_start", "pk"]
        indexes = [
            models.Index(fields=["plan_start", "case_closed"]),
            models.Index(fields=["all_needs_sustained", "sustain_until"]),
        ]
        constraints = [
            models.UniqueConstraint(fields=["case_hash", "plan_start"], name="one_record_a_plan"),
            models.CheckConstraint(
                condition=Q(case_closed__isnull=True) | Q(case_closed__gte=F("plan_start")),
                name="family_closed_after_plan_start",
            ),
            models.CheckConstraint(
                condition=Q(all_needs_sustained=False)
                | Q(eligible=True, case_closed__isnull=False),
                name="family_success_needs_eligible_closed_case",
            ),
        ]

    def __str__(self):
        return f"Family {self.case_hash[:12]}"


class FamilyNeed(models.Model):
    """One of the ten outcome areas in which a family needed support, and how it ended."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="needs")
    outcome = models.ForeignKey("programme.Outcome", on_delete=models.PROTECT, related_name="+")
    identified_on = models.DateField()
    achieved_on = models.DateField(null=True, blank=True)
    sustained = models.BooleanField(
        null=True,
        blank=True,
        help_text="Sustained six months after the case closed; blank until it is known.",
    )

    class Meta:
        ordering = ["family", "outcome__number"]
        indexes = [
            models.Index(fields=["outcome", "achieved_on"]),
            # Needs achieved in a window, whatever their outcome (value for money by kind).
            models.Index(fields=["achieved_on"], name="needs_by_achieved_on"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["family", "outcome"], name="one_need_per_outcome"),
            models.CheckConstraint(
                condition=Q(achieved_on__isnull=True) | Q(achieved_on__gte=F("identified_on")),
                name="need_achieved_after_identified",
            ),
        ]

    def __str__(self):
        return f"{self.family}: {self.outcome}"


class FamilySupport(models.Model):
    """A funded project that worked with the family, and when."""

    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="supports")
    project = models.ForeignKey(
        "projects.Project", on_delete=models.PROTECT, related_name="family_supports"
    )
    start = models.DateField()
    end = models.DateField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["project", "start"])]
        constraints = [
            models.UniqueConstraint(fields=["family", "project"], name="one_support_per_project"),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=F("start")),
                name="support_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.family} supported by {self.project_id}"


class RetiredCase(models.Model):
    """A family deleted under the retention policy, by its pseudonymised case reference only:
    the results calendar still counts it, so a later export that still carries the case must
    not add it again."""

    case_hash = models.CharField(max_length=64, unique=True)
    retired_on = models.DateField()

    def __str__(self):
        return f"Case {self.case_hash[:12]} retired {self.retired_on:%-d %B %Y}"


class DataRelease(models.Model):
    """A download of family-level rows (the anonymised case-level return): who, when, why."""

    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(auto_now_add=True)
    purpose = models.CharField(max_length=255)
    families = models.PositiveIntegerField()

    class Meta:
        ordering = ["-released_at"]

    def __str__(self):
        return f"{self.purpose} ({self.families:,} families, {self.released_at:%d %b %Y})"
