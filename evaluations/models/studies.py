from django.db import models


class EvaluationStudy(models.Model):
    """An evaluation of the programme or its projects, and what it found."""

    class Method(models.TextChoices):
        PROCESS = "process", "Process evaluation"
        OUTCOME = "outcome", "Outcome evaluation (before and after)"
        QUASI_EXPERIMENTAL = "quasi", "Impact: quasi-experimental (comparison group)"
        RANDOMISED = "rct", "Impact: randomised controlled trial"
        ECONOMIC = "economic", "Economic (cost-benefit) evaluation"
        MIXED = "mixed", "Mixed methods"

    class Strength(models.IntegerChoices):
        # The Maryland Scientific Methods Scale, as the What Works Centres use it.
        ONE = 1, "Level 1: a correlation or a before-and-after description"
        TWO = 2, "Level 2: before and after, with no comparison group"
        THREE = 3, "Level 3: a comparison group, before and after"
        FOUR = 4, "Level 4: a comparison group controlling for differences"
        FIVE = 5, "Level 5: random assignment"

    title = models.CharField(max_length=255)
    commissioner = models.ForeignKey(
        "programme.Organisation",
        on_delete=models.PROTECT,
        related_name="studies_commissioned",
    )
    evaluator = models.CharField(max_length=255, help_text="Who carried it out.")
    method = models.CharField(max_length=20, choices=Method.choices)
    projects = models.ManyToManyField(
        "projects.Project", blank=True, related_name="evaluation_studies"
    )
    started_on = models.DateField()
    reported_on = models.DateField(null=True, blank=True)
    findings = models.TextField(blank=True)
    strength_of_evidence = models.PositiveSmallIntegerField(
        choices=Strength.choices, null=True, blank=True
    )
    documents = models.ManyToManyField("wagtaildocs.Document", blank=True, related_name="+")
    published = models.BooleanField(
        default=False, help_text="Listed on the public results page once it has reported."
    )

    class Meta:
        verbose_name_plural = "evaluation studies"
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(reported_on__isnull=True)
                | models.Q(reported_on__gte=models.F("started_on")),
                name="study_reports_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title
