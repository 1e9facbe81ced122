"""Sending the quarterly progress information: counted when sent, then locked."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.locks import one_at_a_time
from evaluations.models import QuarterlyReturn
from evaluations.selectors.returns import quarter_window, return_figures
from programme.models import User


@transaction.atomic
def quarterly_return_send(
    *, user: User, financial_year: str, quarter: int, today: datetime.date | None = None
) -> QuarterlyReturn:
    """Count the quarter's figures and keep them as sent: once only, for a quarter that has
    ended."""
    if not user.has_perm("evaluations.add_quarterlyreturn"):
        raise PermissionDenied("Only the programme team sends the quarterly return.")
    today = today or timezone.localdate()
    _first, last = quarter_window(financial_year, quarter)
    if last >= today:
        raise ValidationError(f"Q{quarter} {financial_year} has not ended yet.")
    one_at_a_time("evaluations.quarterly_return")
    if QuarterlyReturn.objects.filter(financial_year=financial_year, quarter=quarter).exists():
        raise ValidationError(f"The return for Q{quarter} {financial_year} has been sent already.")
    sent = QuarterlyReturn.objects.create(
        financial_year=financial_year,
        quarter=quarter,
        figures=return_figures(financial_year, quarter),
        sent_by=user,
        sent_at=timezone.now(),
    )
    log(sent, "evaluations.quarterly_return", user=user, data={"figures": sent.figures})
    return sent
