from django.db import models


class ReportSlot(models.Model):
    """A quarter a project owes a progress report for, and when it is due: one row for each
    financial quarter from the project's start to its end, kept by projects.reporting
    whenever a project is saved, so the overdue list is one indexed query, not a walk
    through every project's quarters."""

    project = models.ForeignKey(
        "projects.Project", on_delete=models.CASCADE, related_name="report_slots"
    )
    financial_year = models.CharField(max_length=7)
    quarter = models.PositiveSmallIntegerField()
    quarter_end = models.DateField()
    due_date = models.DateField(db_index=True)

    class Meta:
        ordering = ["due_date", "project"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "financial_year", "quarter"], name="report_slot_once"
            )
        ]

    def __str__(self):
        return f"{self.project.reference} {self.label}"

    @property
    def label(self):
        return f"Q{self.quarter} {self.financial_year}"
