"""Ledger lines being checked (``StagedLine``): the import streams a file's good rows here, so
finding repeats, split invoices, lines already imported and lines that need attention is done
by the database over any number of rows, and the checked lines go into the ledger in one
INSERT ... SELECT. Rows live only inside the import's transaction; they are never shown. On
PostgreSQL the table is UNLOGGED (migration 0017): nothing in it need survive a crash, so its
writes skip the write-ahead log."""

from django.db import models

from projects.models.projects import Project


class StagedLine(models.Model):
    stage = models.CharField(max_length=32)
    line = models.PositiveIntegerField(help_text="The row's line in the file.")
    # The ledger line's values, as SpendLine holds them. A line the file gave no number is
    # staged as line 1 and marked unnumbered; split invoices' later lines are numbered after.
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, db_constraint=False, related_name="+"
    )
    transaction_number = models.CharField(max_length=50)
    line_number = models.PositiveIntegerField()
    unnumbered = models.BooleanField(default=False)
    date = models.DateField()
    supplier = models.CharField(max_length=255)
    description = models.CharField(max_length=500, blank=True)
    cost_centre = models.CharField(max_length=20)
    expense_type = models.CharField(max_length=100)
    net_amount = models.DecimalField(max_digits=12, decimal_places=2)
    irrecoverable_vat = models.DecimalField(max_digits=12, decimal_places=2)
    paid_to_individual = models.BooleanField()

    class Meta:
        indexes = [
            models.Index(fields=["stage", "line"]),
            models.Index(fields=["stage", "transaction_number", "line_number"]),
            # The order lines are spent in, where attention is worked out.
            models.Index(fields=["stage", "date", "transaction_number", "line"]),
        ]

    def __str__(self):
        return f"Line {self.line}: {self.transaction_number}"


class StagedAttention(models.Model):
    """Why a staged line does not fit its project, kept beside the line: written once, for
    the lines that need it, rather than rewriting each of them (UNLOGGED on PostgreSQL, as
    the lines are)."""

    line = models.OneToOneField(
        StagedLine,
        primary_key=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="flagged",
    )
    stage = models.CharField(max_length=32, db_index=True)
    text = models.CharField(max_length=200)

    def __str__(self):
        return self.text
