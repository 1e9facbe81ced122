"""The group's decisions: on an agenda item after its vote, as a correction, or by chair's
action between meetings, and the conditions that come with them. Keyword-only, one
transaction, permission checked, audited. A decision calls the services below it directly:
the proposal's, the project's and the outcome targets'."""

import datetime
from collections import defaultdict
from collections.abc import Mapping, Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from core.money import to_money
from evaluations.services import project_targets_copy
from governance.models import APPROVALS, AgendaItem, Condition, Decision, Vote
from governance.notifications import notify_decided
from governance.selectors.meetings import committed_by_year, fund_for, fund_positions
from governance.services.agenda import note_chairs_action
from governance.services.guards import locked_meeting, require_runner
from governance.voting import conflict, result
from programme.models import Meeting, User
from programme.permissions import is_chair
from projects.quarters import approval_profile
from projects.services import project_follow_decision
from proposals.models import Proposal, ProposalVersion
from proposals.services import proposal_admit_urgently, proposal_decide, proposal_place

Outcome = Decision.Outcome


def approval_shares(proposal: Proposal, amount: Decimal, day: datetime.date) -> dict:
    """{financial year: share} an approval of ``amount`` on ``day`` commits: the budget
    profile its project would get, added up by year."""
    shares: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    for (year, _quarter), share in approval_profile(proposal, amount, day)[2].items():
        shares[year] += share
    return shares


def _checks(
    proposal: Proposal,
    version: ProposalVersion,
    outcome: str,
    amount: Decimal | None,
    conditions: Sequence[dict],
    override_reason: str,
    day: datetime.date,
    committed: Mapping[str, Decimal] | None = None,
) -> None:
    """The rules every decision meets, wherever it is taken. ``committed`` is money already
    counted against each year's fund for this proposal (a decision being corrected)."""
    if outcome in APPROVALS:
        if amount is None or to_money(amount) <= 0:
            raise ValidationError({"approved_amount": "Enter the amount approved"})
        if to_money(amount) > version.total_requested:
            raise ValidationError(
                {
                    "approved_amount": f"The amount approved cannot be more than the "
                    f"£{version.total_requested:,.2f} requested"
                }
            )
        if outcome == Outcome.APPROVED_WITH_CONDITIONS and not conditions:
            raise ValidationError({"conditions": "Add at least one condition"})
        problems = []
        screening = version.screenings.order_by("-screened_at").first()
        if screening and screening.results.filter(result="not_met").exists():
            problems.append("it failed a criterion at screening")
        shares = approval_shares(proposal, amount, day)
        for position in fund_positions(min(shares), dict.fromkeys(shares, Decimal("0.00"))):
            year, remaining = position["financial_year"], position["remaining"]
            if remaining is None:
                continue  # No allocation for the year yet: the papers say so.
            remaining += (committed or {}).get(year, Decimal("0.00"))
            if shares[year] > remaining:
                problems.append(
                    f"its £{shares[year]:,.2f} for {year} is more than the £{remaining:,.2f} "
                    "left in that year's fund"
                )
        if problems and not override_reason.strip():
            raise ValidationError(
                {
                    "override_reason": "Approving needs an override with a reason: "
                    + " and ".join(problems)
                }
            )


def _follow(decision: Decision, user: User) -> None:
    """What a decision does below the group: the project it creates, changes or withdraws
    (whose budget profile is what the approval commits to each year's fund), and a new
    project's outcome targets, copied from the proposal the group approved."""
    project, created = project_follow_decision(
        by=user,
        proposal=decision.proposal,
        approved_amount=decision.approved_amount if decision.is_approval else None,
        fund=decision.fund,
        decided_on=decision.decided_on,
        decision=str(decision),
    )
    if created and project is not None:
        project_targets_copy(project=project)


def _apply(
    decision: Decision,
    user: User,
    conditions: Sequence[dict],
    next_meeting: Meeting | None = None,
) -> None:
    """Record the conditions, move the proposal on, follow the decision through to the
    project and tell the lead."""
    proposal = decision.proposal
    for condition in conditions:
        Condition.objects.create(decision=decision, **condition)
    if decision.outcome == Outcome.DEFERRED:
        if next_meeting is None:
            raise ValidationError("There is no later meeting to defer the proposal to.")
        proposal_place(proposal=proposal, meeting=next_meeting)
    else:
        proposal_decide(proposal=proposal)
    log(proposal, "governance.decision", user=user, data={"decision": str(decision)})
    _follow(decision, user)
    notify_decided(decision)


@transaction.atomic
def decision_record(
    *,
    user: User,
    item: AgendaItem,
    outcome: str,
    approved_amount: Decimal | None = None,
    reasons: str = "",
    conditions: Sequence[dict] = (),
    override_reason: str = "",
    today: datetime.date | None = None,
) -> Decision:
    """The group's decision on an item, after its vote has closed; or, before any vote opens
    (the item not reached, or inquorate), deferred to the next meeting with the reason.
    Final once recorded."""
    meeting = locked_meeting(item.meeting)
    require_runner(user, meeting)
    if item.decisions.filter(corrected_by__isnull=True).exists():
        raise ValidationError("This item already has a decision. Record a correction instead.")
    vote = Vote.objects.select_for_update().filter(item=item).first()
    unvoted = vote is None or vote.state == Vote.State.CREATED
    if outcome == Outcome.DEFERRED and unvoted:
        if not reasons.strip():
            raise ValidationError({"reasons": "Say why the item is deferred"})
        vote = None
    elif vote is None or vote.state != Vote.State.CLOSED:
        raise ValidationError("Record the decision once the vote on the item has closed.")
    carried = vote is not None and result(vote) == "carried"
    if outcome in APPROVALS and not carried:
        raise ValidationError("The vote was lost, so the proposal cannot be approved.")
    if outcome == Outcome.REJECTED and vote is not None and carried:
        raise ValidationError("The vote was carried, so the proposal cannot be rejected.")
    if outcome == Outcome.REJECTED and not reasons.strip():
        raise ValidationError({"reasons": "Give the reasons for rejecting the proposal"})
    proposal, version = item.proposal, item.version
    if proposal is None or version is None:
        raise ValidationError("This item is not for decision.")
    fund = fund_for(meeting.date)
    decided_on = today or meeting.date
    _checks(proposal, version, outcome, approved_amount, conditions, override_reason, decided_on)
    decision = Decision.objects.create(
        proposal=proposal,
        item=item,
        meeting=meeting,
        fund=fund,
        outcome=outcome,
        approved_amount=to_money(approved_amount) if outcome in APPROVALS else None,
        reasons=reasons,
        decided_on=decided_on,
        recorded_by=user,
        override_reason=override_reason,
    )
    if vote is not None:
        vote.state = Vote.State.PUBLISHED
        vote.save(update_fields=["state"])
    next_meeting = (
        Meeting.objects.filter(date__gt=meeting.date, status=Meeting.Status.SCHEDULED)
        .order_by("date")
        .first()
    )
    _apply(decision, user, conditions, next_meeting)
    return decision


@transaction.atomic
def decision_correct(
    *,
    user: User,
    decision: Decision,
    outcome: str,
    reasons: str,
    approved_amount: Decimal | None = None,
    conditions: Sequence[dict] = (),
    override_reason: str = "",
    today: datetime.date | None = None,
) -> Decision:
    """Correct a recorded decision: a new decision that names the old one, which stays on the
    record. The programme team records it on the group's authority."""
    require_runner(user, decision.meeting)
    old = Decision.objects.select_for_update().get(pk=decision.pk)
    if hasattr(old, "corrected_by"):
        raise ValidationError("This decision has already been corrected.")
    if not reasons.strip():
        raise ValidationError({"reasons": "Say what the correction is and why"})
    if outcome == Outcome.DEFERRED:
        raise ValidationError("A correction records what was decided; it cannot defer.")
    version = old.proposal.versions.latest("number")
    fund = old.fund
    _checks(
        old.proposal,
        version,
        outcome,
        approved_amount,
        conditions,
        override_reason,
        today or old.decided_on,
        committed=committed_by_year(old.proposal),
    )
    correction = Decision.objects.create(
        proposal=old.proposal,
        item=old.item,
        meeting=old.meeting,
        fund=fund,
        outcome=outcome,
        approved_amount=to_money(approved_amount) if outcome in APPROVALS else None,
        reasons=reasons,
        decided_on=today or old.decided_on,
        recorded_by=user,
        override_reason=override_reason,
        corrects=old,
        is_chairs_action=old.is_chairs_action,
    )
    for condition in conditions:
        Condition.objects.create(decision=correction, **condition)
    log(
        old.proposal,
        "governance.decision_correct",
        user=user,
        data={"corrects": str(old), "now": str(correction)},
    )
    _follow(correction, user)
    return correction


@transaction.atomic
def chairs_action_record(
    *,
    user: User,
    proposal: Proposal,
    outcome: str,
    decided_on: datetime.date,
    reasons: str,
    alternatives: str,
    interests: str,
    approved_amount: Decimal | None = None,
    conditions: Sequence[dict] = (),
    override_reason: str = "",
) -> Decision:
    """An urgent decision by the chair (or the vice-chair, when the chair is conflicted)
    between meetings, under the meeting's rules: a proposal screened eligible (an unscreened
    one only with an override reason), by someone not conflicted on it, dated today or
    earlier. Noted at the next meeting."""
    if not is_chair(user, decided_on):
        raise PermissionDenied("Only the chair or vice-chair can take chair's action.")
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": "The date of the decision cannot be in the future"})
    barred = conflict(user, proposal, decided_on)
    if barred:
        raise ValidationError(
            {
                "proposal": f"You have a conflict on this proposal ({barred[0].lower()}"
                f"{barred[1:].rstrip('.')}); chair's action on it is for the chair or "
                "vice-chair who is not conflicted"
            }
        )
    if proposal.status == Proposal.Status.SUBMITTED and not override_reason.strip():
        raise ValidationError(
            {"override_reason": "Give the reason to decide it before it has been screened"}
        )
    if proposal.status not in (Proposal.Status.SUBMITTED, Proposal.Status.ELIGIBLE):
        raise ValidationError("Chair's action is for a submitted proposal awaiting decision.")
    if not (reasons.strip() and alternatives.strip()):
        raise ValidationError("Record the reasons and the alternatives considered and rejected.")
    if outcome == Outcome.DEFERRED:
        raise ValidationError("Chair's action decides; to defer, leave it for the meeting.")
    version = proposal.versions.latest("number")
    fund = fund_for(decided_on)
    _checks(proposal, version, outcome, approved_amount, conditions, override_reason, decided_on)
    # Urgency is the chair's call: the action stands in for screening and the meeting.
    proposal_admit_urgently(proposal=proposal)
    decision = Decision.objects.create(
        proposal=proposal,
        fund=fund,
        outcome=outcome,
        is_chairs_action=True,
        approved_amount=to_money(approved_amount) if outcome in APPROVALS else None,
        reasons=reasons,
        alternatives_considered=alternatives,
        interests_declared=interests,
        decided_on=decided_on,
        recorded_by=user,
        override_reason=override_reason,
    )
    _apply(decision, user, conditions)
    # Noted at the next meeting: its agenda picks the action up when it is built, or, if its
    # papers are already out, it is added now as an addendum.
    frozen = (
        Meeting.objects.filter(date__gt=decided_on)
        .exclude(status__in=Meeting.ENDED)
        .order_by("date")
        .first()
    )
    if frozen is not None and frozen.status != Meeting.Status.SCHEDULED:
        note_chairs_action(frozen, decision, addendum=True)
    return decision


@transaction.atomic
def condition_met(*, user: User, condition: Condition, on: datetime.date) -> Condition:
    """A condition is met: it stops coming back to the agenda."""
    require_runner(user, condition.decision.meeting)
    condition = Condition.objects.select_for_update().get(pk=condition.pk)
    if condition.met_on:
        raise ValidationError("This condition is already met.")
    condition.met_on = on
    condition.save(update_fields=["met_on"])
    log(
        condition.decision.proposal,
        "governance.condition_met",
        user=user,
        data={"condition": condition.text, "on": on.isoformat()},
    )
    return condition
