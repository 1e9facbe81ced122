"""A lead's draft: starting it and completing its sections. Keyword-only, one transaction,
permission checked, audited."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from programme.models import Criterion, Organisation, Outcome, User
from proposals.models import (
    Attachment,
    BudgetLine,
    CriterionAnswer,
    OutcomeTarget,
    Proposal,
    ReferenceCounter,
)
from proposals.permissions import nameable_organisations, starts_proposals
from proposals.services.guards import locked, require_editor
from proposals.uploads import check_upload
from proposals.workflow import SECTION_NAMES


def _next_reference(year: int) -> str:
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"FP-{year}-{counter.last_number:03d}"


def _require_nameable(
    user: User, organisation: Organisation, proposal: Proposal | None = None
) -> None:
    if not nameable_organisations(user, proposal).filter(pk=organisation.pk).exists():
        raise ValidationError(
            {
                "lead_organisation": "Select your own organisation, or a co-lead's. If another "
                "organisation leads this work, ask the programme team to record it."
            }
        )


@transaction.atomic
def proposal_create(
    *,
    user: User,
    kind: str,
    title: str,
    lead_organisation: Organisation,
    today: datetime.date | None = None,
) -> Proposal:
    if not starts_proposals(user):
        raise PermissionDenied("Only project leads can start a proposal.")
    _require_nameable(user, lead_organisation)
    today = today or timezone.localdate()
    proposal = Proposal(
        reference=_next_reference(today.year),
        kind=kind,
        title=title,
        lead=user,
        lead_organisation=lead_organisation,
    )
    proposal.full_clean(exclude=["reference"])
    proposal.save()
    log(proposal, "wagtail.create", user=user)
    return proposal


@transaction.atomic
def proposal_update(*, user: User, proposal: Proposal, section: str, data: dict) -> Proposal:
    """Save one task-list section's fields (and priorities, if given)."""
    proposal = locked(proposal)
    require_editor(user, proposal)
    priorities = data.pop("priorities", None)
    if "lead_organisation" in data:
        _require_nameable(user, data["lead_organisation"], proposal)
    for name, value in data.items():
        setattr(proposal, name, value)
    proposal.full_clean(exclude=["reference"])
    proposal.save()
    if priorities is not None:
        proposal.priorities.set(priorities)
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES[section]})
    return proposal


@transaction.atomic
def outcome_targets_set(
    *, user: User, proposal: Proposal, targets: dict[Outcome, int | None]
) -> None:
    """``targets`` maps each Outcome to an expected number of families, or None for none."""
    proposal = locked(proposal)
    require_editor(user, proposal)
    for outcome, expected in targets.items():
        if expected:
            OutcomeTarget.objects.update_or_create(
                proposal=proposal, outcome=outcome, defaults={"expected_families": expected}
            )
        else:
            OutcomeTarget.objects.filter(proposal=proposal, outcome=outcome).delete()
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES["outcomes"]})


@transaction.atomic
def budget_line_add(
    *,
    user: User,
    proposal: Proposal,
    financial_year: str,
    cost_type: str,
    description: str,
    amount: Decimal,
) -> BudgetLine:
    proposal = locked(proposal)
    require_editor(user, proposal)
    line = BudgetLine(
        proposal=proposal,
        financial_year=financial_year,
        cost_type=cost_type,
        description=description,
        amount=amount,
    )
    line.full_clean()
    line.save()
    log(
        proposal,
        "proposals.budget_line_add",
        user=user,
        data={"line": str(line)},
    )
    return line


@transaction.atomic
def budget_line_remove(*, user: User, proposal: Proposal, line_id: int) -> None:
    proposal = locked(proposal)
    require_editor(user, proposal)
    line = BudgetLine.objects.get(pk=line_id, proposal=proposal)
    line.delete()
    log(
        proposal,
        "proposals.budget_line_remove",
        user=user,
        data={"line": str(line)},
    )


@transaction.atomic
def criterion_answers_save(
    *, user: User, proposal: Proposal, answers: dict[Criterion, tuple[str, str]]
) -> None:
    """``answers`` maps each Criterion to (answer, evidence)."""
    proposal = locked(proposal)
    require_editor(user, proposal)
    for criterion, (answer, evidence) in answers.items():
        CriterionAnswer.objects.update_or_create(
            proposal=proposal,
            criterion=criterion,
            defaults={"answer": answer, "evidence": evidence},
        )
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES["criteria"]})


@transaction.atomic
def attachment_add(*, user: User, proposal: Proposal, uploaded_file: UploadedFile) -> Attachment:
    proposal = locked(proposal)
    require_editor(user, proposal)
    name, content_type, size, sha256 = check_upload(uploaded_file)
    attachment = Attachment(
        proposal=proposal,
        original_name=name,
        content_type=content_type,
        size=size,
        sha256=sha256,
        uploaded_by=user,
    )
    attachment.file.save(name, uploaded_file, save=False)
    try:
        attachment.save()
    except Exception:
        attachment.file.delete(save=False)
        raise
    log(proposal, "proposals.attach", user=user, data={"file": name})
    return attachment


@transaction.atomic
def attachment_remove(*, user: User, proposal: Proposal, attachment_id: int) -> None:
    proposal = locked(proposal)
    require_editor(user, proposal)
    attachment = Attachment.objects.get(pk=attachment_id, proposal=proposal, removed_at=None)
    attachment.removed_at = timezone.now()
    attachment.save(update_fields=["removed_at"])
    log(proposal, "proposals.detach", user=user, data={"file": attachment.original_name})
