"""Every change to a proposal: keyword-only, one transaction, permission checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.models import Criterion, Meeting, User
from governance.roles import PROJECT_LEADS
from governance.selectors import meeting_for_submission
from proposals import notifications
from proposals.models import (
    Attachment,
    BudgetLine,
    CriterionAnswer,
    CriterionResult,
    OutcomeTarget,
    Proposal,
    ProposalVersion,
    ReferenceCounter,
    Screening,
)
from proposals.permissions import can_edit, is_lead
from proposals.rules import SECTION_NAMES, check_transition, section_problems
from proposals.snapshots import build_snapshot
from proposals.uploads import check_upload

Status = Proposal.Status


class SubmissionRefused(ValidationError):
    """Raised with one message per problem, each naming its task-list section."""


def _require_editor(user, proposal):
    if not can_edit(user, proposal):
        if is_lead(user, proposal):
            raise PermissionDenied(
                f"{proposal.reference} is {proposal.get_status_display().lower()} and cannot "
                "be changed now."
            )
        raise PermissionDenied("Only the proposal's leads can change it.")


def _locked(proposal):
    return Proposal.objects.select_for_update().get(pk=proposal.pk)


def _next_reference(year):
    counter, _ = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"FP-{year}-{counter.last_number:03d}"


@transaction.atomic
def proposal_create(*, user, kind, title, lead_organisation, today=None):
    if not user.has_perm("proposals.add_proposal"):
        raise PermissionDenied("Only project leads can start a proposal.")
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
def proposal_update(*, user, proposal, section, data):
    """Save one task-list section's fields (and priorities, if given)."""
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    priorities = data.pop("priorities", None)
    for name, value in data.items():
        setattr(proposal, name, value)
    proposal.full_clean(exclude=["reference"])
    proposal.save()
    if priorities is not None:
        proposal.priorities.set(priorities)
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES[section]})
    return proposal


@transaction.atomic
def outcome_targets_set(*, user, proposal, targets):
    """``targets`` maps each Outcome to an expected number of families, or None for none."""
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    for outcome, expected in targets.items():
        if expected:
            OutcomeTarget.objects.update_or_create(
                proposal=proposal, outcome=outcome, defaults={"expected_families": expected}
            )
        else:
            OutcomeTarget.objects.filter(proposal=proposal, outcome=outcome).delete()
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES["outcomes"]})


@transaction.atomic
def budget_line_add(*, user, proposal, financial_year, cost_type, description, amount):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
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
def budget_line_remove(*, user, proposal, line_id):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    line = BudgetLine.objects.get(pk=line_id, proposal=proposal)
    line.delete()
    log(
        proposal,
        "proposals.budget_line_remove",
        user=user,
        data={"line": str(line)},
    )


@transaction.atomic
def criterion_answers_save(*, user, proposal, answers):
    """``answers`` maps each Criterion to (answer, evidence)."""
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    for criterion, (answer, evidence) in answers.items():
        CriterionAnswer.objects.update_or_create(
            proposal=proposal,
            criterion=criterion,
            defaults={"answer": answer, "evidence": evidence},
        )
    log(proposal, "proposals.edit_section", user=user, data={"section": SECTION_NAMES["criteria"]})


@transaction.atomic
def attachment_add(*, user, proposal, uploaded_file):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
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
def attachment_remove(*, user, proposal, attachment_id):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    attachment = Attachment.objects.get(pk=attachment_id, proposal=proposal, removed_at=None)
    attachment.removed_at = timezone.now()
    attachment.save(update_fields=["removed_at"])
    log(proposal, "proposals.detach", user=user, data={"file": attachment.original_name})


@transaction.atomic
def co_lead_add(*, user, proposal, email):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    co_lead = User.objects.filter(email__iexact=email.strip(), groups__name=PROJECT_LEADS).first()
    if co_lead is None:
        raise ValidationError(
            {
                "email": "There is no project lead with that email address. Ask the programme "
                "team to give them an account first."
            }
        )
    if co_lead == proposal.lead:
        raise ValidationError({"email": "That is the proposal's lead."})
    proposal.co_leads.add(co_lead)
    log(proposal, "proposals.co_lead_add", user=user, data={"co_lead": co_lead.email})
    return co_lead


@transaction.atomic
def co_lead_remove(*, user, proposal, co_lead_id):
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    co_lead = proposal.co_leads.get(pk=co_lead_id)
    proposal.co_leads.remove(co_lead)
    log(proposal, "proposals.co_lead_remove", user=user, data={"co_lead": co_lead.email})


def placement(on):
    """(meeting a submission made on this day is placed for, the earlier meeting whose deadline
    it missed, if any)."""
    meeting = meeting_for_submission(on)
    missed = (
        Meeting.objects.filter(
            status=Meeting.Status.SCHEDULED, date__gte=on, submission_deadline__lt=on
        )
        .order_by("date")
        .first()
    )
    return meeting, (missed if meeting and missed and missed.date < meeting.date else None)


@transaction.atomic
def proposal_submit(*, user, proposal, today=None):
    """Freeze a new version and place the proposal for the next meeting open for submission."""
    proposal = _locked(proposal)
    _require_editor(user, proposal)
    check_transition(proposal, Status.SUBMITTED)
    problems = section_problems(proposal)
    if problems:
        raise SubmissionRefused(
            [
                f"{SECTION_NAMES[section]}: {message}"
                for section, messages in problems.items()
                for message in messages
            ]
        )
    today = today or timezone.localdate()
    meeting, missed = placement(today)
    if meeting is None:
        raise SubmissionRefused(
            ["No strategic group meeting is open for submissions. Contact the programme team."]
        )
    number = proposal.versions.count() + 1
    version = ProposalVersion.objects.create(
        proposal=proposal,
        number=number,
        submitted_at=timezone.now(),
        submitted_by=user,
        meeting=meeting,
        total_requested=sum((line.amount for line in proposal.budget_lines.all()), 0),
        snapshot=build_snapshot(proposal),
    )
    proposal.status = Status.SUBMITTED
    proposal.meeting = meeting
    proposal.submitted_at = version.submitted_at
    proposal.save(update_fields=["status", "meeting", "submitted_at", "updated_at"])
    log(
        proposal,
        "proposals.submit",
        user=user,
        data={"version": number, "meeting": meeting.date.isoformat()},
    )
    notifications.notify_submitted(proposal, version, rolled_from=missed)
    return version


@transaction.atomic
def proposal_screen(*, user, proposal, results, recommendation, reasons="", today=None):
    """Record the programme team's result per criterion and either place the proposal on the
    agenda (rolling it on if its meeting's papers have gone) or return it with reasons."""
    if not user.has_perm("proposals.screen_proposal"):
        raise PermissionDenied("Only the programme team can screen proposals.")
    proposal = _locked(proposal)
    target = (
        Status.ELIGIBLE if recommendation == Screening.Recommendation.ELIGIBLE else Status.RETURNED
    )
    check_transition(proposal, target)
    active = list(Criterion.objects.filter(is_active=True))
    missing = [c.title for c in active if c not in results]
    if missing:
        raise ValidationError({"results": [f"Record a result for ‘{title}’" for title in missing]})
    if target == Status.RETURNED and not reasons.strip():
        raise ValidationError({"reasons": "Say what the lead needs to change or add"})
    version = proposal.versions.order_by("-number").first()
    screening = Screening.objects.create(
        version=version, screened_by=user, recommendation=recommendation, reasons=reasons
    )
    CriterionResult.objects.bulk_create(
        CriterionResult(screening=screening, criterion=criterion, result=result, note=note)
        for criterion, (result, note) in results.items()
    )
    proposal.status = target
    rolled_from = None
    if target == Status.ELIGIBLE:
        today = today or timezone.localdate()
        if (
            proposal.meeting.papers_date < today
            or proposal.meeting.status != Meeting.Status.SCHEDULED
        ):
            rolled_from = proposal.meeting
            proposal.meeting = (
                Meeting.objects.filter(status=Meeting.Status.SCHEDULED, papers_date__gte=today)
                .order_by("date")
                .first()
            )
            if proposal.meeting is None:
                raise ValidationError("There is no later meeting to place this proposal on.")
    proposal.save(update_fields=["status", "meeting", "updated_at"])
    log(
        proposal,
        "proposals.screen",
        user=user,
        data={"version": version.number, "recommendation": screening.get_recommendation_display()},
    )
    if target == Status.RETURNED:
        notifications.notify_returned(proposal, screening)
    else:
        notifications.notify_eligible(proposal, rolled_from=rolled_from)
    return screening


@transaction.atomic
def proposal_withdraw(*, user, proposal, reason=""):
    proposal = _locked(proposal)
    if not is_lead(user, proposal) and not user.has_perm("proposals.screen_proposal"):
        raise PermissionDenied("Only the proposal's leads or the programme team can withdraw it.")
    check_transition(proposal, Status.WITHDRAWN)
    proposal.status = Status.WITHDRAWN
    proposal.save(update_fields=["status", "updated_at"])
    log(proposal, "proposals.withdraw", user=user, data={"reason": reason})
    return proposal
