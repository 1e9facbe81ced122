"""Every change to a project, its plan, its reports and its spend: keyword-only, one
transaction, permission checked, audited."""

from .agreements import (
    agreement_accept,
    agreement_issue,
    payment_approve,
    payment_match,
    payment_request,
)
from .closure import closure_report_submit, project_close
from .months import month_close
from .projects import (
    budget_profile_set,
    cost_centre_for,
    milestones_set,
    project_follow_decision,
)
from .reports import progress_report_submit
from .spend import spend_import, spend_line_explain
from .variations import (
    variation_decide,
    variation_follow_group,
    variation_request,
    variation_withdraw,
)

__all__ = [
    "agreement_accept",
    "agreement_issue",
    "payment_approve",
    "payment_match",
    "payment_request",
    "budget_profile_set",
    "closure_report_submit",
    "cost_centre_for",
    "milestones_set",
    "month_close",
    "progress_report_submit",
    "project_close",
    "project_follow_decision",
    "spend_import",
    "spend_line_explain",
    "variation_decide",
    "variation_follow_group",
    "variation_request",
    "variation_withdraw",
]
