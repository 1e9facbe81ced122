"""Reads of proposals shared by the portal, the back office and exports."""

import datetime

from django.db.models import Count, Q, QuerySet, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from core.security import normalise_email
from programme.models import Meeting, User
from programme.roles import PROGRAMME_TEAM
from programme.selectors import active_criteria, meeting_for_submission, missed_meeting
from proposals.models import Attachment, BudgetLine, CoLeadInvitation, Proposal, ProposalVersion
from proposals.permissions import can_view, is_lead
from proposals.snapshots import compare_snapshots
from proposals.workflow import SECTIONS, section_problems


def proposals_for_lead(user: User) -> QuerySet[Proposal]:
    """A lead's proposals (and those they co-lead) with their totals, for the dashboard."""
    return (
        Proposal.objects.filter(pk__in=Proposal.objects.led_by(user).values("pk"))
        .with_total()
        .select_related("meeting", "lead_organisation")
        .order_by("-updated_at")
    )


def proposals_for_back_office() -> QuerySet[Proposal]:
    """Every proposal but drafts, which nobody but their leads sees."""
    return (
        Proposal.objects.exclude(status=Proposal.Status.DRAFT)
        .with_total()
        .select_related("meeting", "lead_organisation", "lead")
    )


# The listing's quick views: what the programme team looks for every day.
QUICK_VIEWS = [
    ("mine_to_screen", "Mine to screen"),
    ("awaiting_screening", "Awaiting screening"),
    ("screening_overdue", "Screening overdue"),
    ("next_agenda", "For the next meeting"),
    ("changed_this_week", "Changed in the last 7 days"),
]


def _quick_conditions(today: datetime.date, user: User) -> dict[str, Q]:
    """Each quick view as a condition on proposals: awaiting screening by this person;
    awaiting screening; still unscreened when its meeting's papers were due; screened
    eligible for the next meeting; changed in the last seven days. Each but the last holds
    only proposals submitted or eligible (listing_counts counts the views among those)."""
    coming = Meeting.objects.filter(date__gte=today).order_by("date").values("pk")[:1]
    return {
        "mine_to_screen": Q(status=Proposal.Status.SUBMITTED, screener=user),
        "awaiting_screening": Q(status=Proposal.Status.SUBMITTED),
        "screening_overdue": Q(status=Proposal.Status.SUBMITTED, meeting__papers_date__lt=today),
        "next_agenda": Q(status=Proposal.Status.ELIGIBLE, meeting=Subquery(coming)),
        "changed_this_week": Q(
            updated_at__gte=timezone.make_aware(
                datetime.datetime.combine(today - datetime.timedelta(days=7), datetime.time())
            )
        ),
    }


def quick_view(
    queryset: QuerySet[Proposal], name: str, today: datetime.date, user: User
) -> QuerySet[Proposal]:
    return queryset.filter(_quick_conditions(today, user)[name])


def listing_counts(today: datetime.date, user: User) -> dict:
    """How many proposals (drafts aside) each status and each quick view holds, and in all:
    ``{"statuses": [(value, label, count)], "views": [(name, label, count)], "total": n}``.
    Two queries that read no more than they count: the statuses from the index on status
    alone (never the proposals' rows), and the quick views among the proposals that can be
    in one (those awaiting screening or placed, and those changed in the week, each reached
    by an index)."""
    conditions = _quick_conditions(today, user)
    statuses = [c for c in Proposal.Status.choices if c[0] != Proposal.Status.DRAFT]
    listed = Proposal.objects.exclude(status=Proposal.Status.DRAFT).order_by()
    by_status = dict(listed.values_list("status").annotate(count=Count("*")))
    in_views = listed.filter(
        Q(status__in=[Proposal.Status.SUBMITTED, Proposal.Status.ELIGIBLE])
        | conditions["changed_this_week"]
    ).aggregate(**{name: Count("pk", filter=conditions[name]) for name, _ in QUICK_VIEWS})
    return {
        "statuses": [(value, label, by_status.get(value, 0)) for value, label in statuses],
        "views": [(name, label, in_views[name]) for name, label in QUICK_VIEWS],
        "total": sum(by_status.values()),
    }


def screeners() -> QuerySet[User]:
    """Who may be assigned screening: the programme team's active members."""
    return User.objects.filter(is_active=True, groups__name=PROGRAMME_TEAM).order_by(
        "first_name", "last_name"
    )


def forward_plan(today: datetime.date) -> QuerySet[Proposal]:
    """Forthcoming decisions, as council committee systems publish them: proposals screened
    eligible and placed on a meeting still to come, soonest meeting first."""
    return (
        Proposal.objects.filter(status=Proposal.Status.ELIGIBLE, meeting__date__gte=today)
        .with_total()
        .select_related("meeting", "lead_organisation")
        .order_by("meeting__date", "reference")
    )


def proposal_with_total(proposal_pk: int) -> Proposal:
    return (
        Proposal.objects.with_total()
        .select_related("meeting", "lead_organisation")
        .get(pk=proposal_pk)
    )


def task_list(proposal: Proposal) -> tuple[list[dict], dict[str, list[str]]]:
    """Each task-list section with its status: completed, incomplete, not started or optional."""
    problems = section_problems(proposal, list(active_criteria()))
    started = {
        "about": bool(proposal.summary),
        "need": bool(proposal.need_and_evidence or proposal.whole_family_approach),
        "priorities": proposal.priorities.exists(),
        "outcomes": proposal.outcome_targets.exists(),
        "budget": proposal.budget_lines.exists(),
        "delivery": bool(proposal.delivery_start or proposal.sustainability),
        "criteria": proposal.answers.exists(),
        "attachments": proposal.attachments.filter(removed_at=None).exists(),
        "co-leads": proposal.co_leads.exists(),
    }
    sections = []
    for slug, name, required in SECTIONS:
        if not required:
            status = "completed" if started[slug] else "optional"
        elif slug not in problems:
            status = "completed"
        else:
            status = "incomplete" if started[slug] else "not_started"
        sections.append(
            {"slug": slug, "name": name, "status": status, "problems": problems.get(slug, [])}
        )
    return sections, problems


def placement(on: datetime.date) -> tuple[Meeting | None, Meeting | None]:
    """(meeting a submission made on this day is placed for, the earlier meeting whose deadline
    it missed, if any)."""
    meeting = meeting_for_submission(on)
    missed = missed_meeting(on)
    return meeting, (missed if meeting and missed and missed.date < meeting.date else None)


def awaiting_decision() -> QuerySet[Proposal]:
    """Proposals submitted or screened eligible and not yet decided: what chair's action can
    decide."""
    return Proposal.objects.filter(status__in=[Proposal.Status.SUBMITTED, Proposal.Status.ELIGIBLE])


def awaiting_screening() -> QuerySet[Proposal]:
    """Submitted proposals the programme team has not screened yet, longest waiting first."""
    return Proposal.objects.filter(status=Proposal.Status.SUBMITTED).order_by("submitted_at")


def visible_proposal(user: User, reference: str) -> Proposal:
    """The proposal with this reference, if this person may see it; otherwise 404, so nobody
    learns by guessing a URL that someone else's proposal exists."""
    proposal = get_object_or_404(Proposal, reference=reference)
    if not can_view(user, proposal):
        raise Http404
    return proposal


def latest_version(proposal: Proposal) -> ProposalVersion | None:
    return proposal.versions.select_related("meeting").order_by("-number").first()


def lead_page(proposal: Proposal) -> dict:
    """What a proposal's own page shows its leads beside the task list: its submitted
    versions, why it was last returned (if it was) and where a submission today would go."""
    returned = None
    if proposal.status == Proposal.Status.RETURNED:
        returned = proposal.versions.latest("number").screenings.order_by("-screened_at").first()
    return {
        "versions": proposal.versions.select_related("meeting").order_by("-number"),
        "latest_screening": returned,
        "placement": placement(timezone.localdate()),
    }


def check_answers(proposal: Proposal) -> dict:
    """Everything the lead has entered, for "check your answers"."""
    return {
        "placement": placement(timezone.localdate()),
        "budget_lines": budget_of(proposal),
        "targets": proposal.outcome_targets.select_related("outcome"),
        "answers": proposal.answers.select_related("criterion"),
        "attachments": attachments_of(proposal),
    }


def version_page(proposal: Proposal, number: int) -> dict:
    """One submitted version as the group reads it, with what changed since the one before."""
    version = get_object_or_404(
        proposal.versions.select_related("meeting", "submitted_by"), number=number
    )
    previous = proposal.versions.filter(number=number - 1).first()
    return {
        "proposal": proposal,
        "version": version,
        "snapshot": version.snapshot,
        "changes": compare_snapshots(previous.snapshot, version.snapshot) if previous else None,
        "previous": previous,
        "other_versions": proposal.versions.exclude(pk=version.pk).order_by("number"),
        "attachments": Attachment.objects.filter(pk__in=version.snapshot.get("attachment_ids", [])),
    }


def attachment_to_open(user: User, proposal: Proposal, attachment_id: int) -> Attachment:
    """An attachment of the proposal this person may open: its leads any of them, everyone
    else only those a submitted version lists (they read versions). Otherwise 404."""
    attachment = get_object_or_404(
        Attachment, pk=attachment_id, proposal=proposal, retired_on__isnull=True
    )
    if not is_lead(user, proposal):
        submitted = (v.snapshot.get("attachment_ids", []) for v in proposal.versions.all())
        if not any(attachment.pk in ids for ids in submitted):
            raise Http404
    return attachment


def targets_of(proposal: Proposal) -> dict[int, int]:
    """{outcome id: expected families} the lead has entered."""
    return dict(proposal.outcome_targets.values_list("outcome_id", "expected_families"))


def answers_of(proposal: Proposal) -> dict[int, tuple[str, str]]:
    """{criterion id: (answer, evidence)} the lead has entered."""
    return {a.criterion_id: (a.answer, a.evidence) for a in proposal.answers.all()}


def budget_of(proposal: Proposal) -> QuerySet[BudgetLine]:
    return proposal.budget_lines.all()


def attachments_of(proposal: Proposal) -> QuerySet[Attachment]:
    """The files attached now (a removed one stays for the versions that list it)."""
    return proposal.attachments.filter(removed_at=None)


def co_leads_of(proposal: Proposal) -> QuerySet[User]:
    return proposal.co_leads.all()


def open_invitations(proposal: Proposal) -> QuerySet[CoLeadInvitation]:
    """Invitations to co-lead the proposal still waiting for an answer."""
    return proposal.invitations.filter(status=CoLeadInvitation.Status.PENDING)


def invitations_for(user: User) -> QuerySet[CoLeadInvitation]:
    """Invitations to co-lead sent to the person's address and not yet answered."""
    return CoLeadInvitation.objects.filter(
        email=normalise_email(user.email), status=CoLeadInvitation.Status.PENDING
    ).select_related("proposal__lead_organisation", "invited_by")


def screening_record(proposal: Proposal) -> dict:
    """A proposal as the programme team inspects it: its latest version with what changed
    since the one before, every version, every screening and the files the latest lists."""
    versions = list(proposal.versions.select_related("meeting", "submitted_by"))
    latest = versions[-1] if versions else None
    previous = versions[-2] if len(versions) > 1 else None
    return {
        "proposal": proposal,
        "version": latest,
        "snapshot": latest.snapshot if latest else None,
        "changes": compare_snapshots(previous.snapshot, latest.snapshot)
        if previous and latest
        else None,
        "previous": previous,
        "versions": versions,
        "screenings": [
            screening
            for version in versions
            for screening in version.screenings.select_related("screened_by").prefetch_related(
                "results__criterion"
            )
        ],
        "attachments": Attachment.objects.filter(
            pk__in=latest.snapshot.get("attachment_ids", []) if latest else []
        ),
    }
