"""The world the permission matrix is checked in: the demo, plus the things the demo leaves
out that a URL needs (an open vote with a barred member, a question, an attachment, a co-lead),
and the people in each role. Every URL's arguments are resolved here from this world."""

from dataclasses import dataclass

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from evaluations.models import Claim, DataRelease, Family, QuarterlyReturn
from evaluations.selectors.returns import ended_quarters
from evaluations.services import quarterly_return_send
from exports.models import WorkbookRun
from governance import services
from governance.models import (
    AgendaItem,
    Attendance,
    Condition,
    Decision,
    Minutes,
    Question,
)
from governance.views.meetings import feed_token
from programme.models import ImportLayout, Interest, Meeting, Membership, SignedInSession, User
from projects.models import (
    ProgressReport,
    Project,
    SpendLine,
    Variation,
)
from proposals import services as proposal_services
from proposals.models import Attachment, CoLeadInvitation, Proposal
from tests import demo_snapshot
from tests.factories import add_co_lead
from tests.trust import additions

ROLES = ["anon", "lead", "other_lead", "member", "chair", "barred", "team", "finance", "auditor"]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@dataclass
class World:
    users: dict
    draft: Proposal
    placed: Proposal
    decided: Proposal
    project: Project
    report: ProgressReport
    meeting: Meeting
    item: AgendaItem
    declaration: object
    question: object
    attachment: Attachment
    co_lead: User
    invitation: CoLeadInvitation
    past_meeting: Meeting
    past_item: AgendaItem
    decision: Decision
    condition: Condition
    minutes: Minutes
    flagged_line: SpendLine
    interest: Interest
    lead_session: SignedInSession
    workbook: WorkbookRun
    payments: list
    quarterly_return: QuarterlyReturn
    claim: Claim
    variation: Variation
    arguments: dict = None  # each URL name's keyword arguments, filled in by build()


def build(demo_data):
    """The demo, and what the matrix needs besides. Call inside a transaction."""
    demo_snapshot.restore(demo_data)
    officer = User.objects.get(email="programme@families.example")
    lead = User.objects.get(email="lead@families.example")
    reported = Proposal.objects.filter(project__reports__isnull=False).distinct()
    decided = reported.filter(lead=lead).order_by("reference").first()
    other_lead = reported.exclude(lead=lead).order_by("reference").first().lead
    project = decided.project
    draft = Proposal.objects.get(lead=lead, status=Proposal.Status.DRAFT)
    # The demo's meeting of the day: in session, with a vote open on another proposal and a
    # member's question on the demo lead's. The matrix wants a vote on the lead's item too,
    # with a member barred from it.
    meeting = Meeting.objects.get(status=Meeting.Status.IN_SESSION)
    item = meeting.agenda.filter(proposal__lead=lead).first()
    placed = item.proposal

    chair_user = Membership.objects.current(meeting.date).get(role=Membership.Role.CHAIR).user
    member = User.objects.get(email="member@families.example")
    barred = User.objects.get(email="g.price@families.example")
    for membership in Membership.objects.current(meeting.date).voting():
        services.attendance_record(
            user=officer,
            meeting=meeting,
            person=membership.user,
            capacity=Attendance.Capacity.MEMBER,
        )
    declaration = services.declaration_record(
        user=barred, item=item, nature="Manages the service this proposal funds", prejudicial=True
    )
    question = Question.objects.get(item=item, asked_by=member)
    services.vote_open(user=chair_user, item=item)

    co_lead = User.objects.filter(groups__name="Project leads").exclude(
        pk__in=[lead.pk, other_lead.pk]
    )[0]
    add_co_lead(draft, co_lead)
    invitation = proposal_services.co_lead_invite(user=lead, proposal=draft, email=other_lead.email)
    attachment = proposal_services.attachment_add(
        user=lead,
        proposal=draft,
        uploaded_file=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )
    past_meeting = Meeting.objects.get(status=Meeting.Status.CLOSED)
    decision = Decision.objects.filter(item__meeting=past_meeting).order_by("pk").first()
    world = World(
        users={
            "anon": None,
            "lead": lead,
            "other_lead": other_lead,
            "member": member,
            "chair": chair_user,
            "barred": barred,
            "team": officer,
            "finance": User.objects.get(email="finance@families.example"),
            "auditor": User.objects.get(email="auditor@families.example"),
        },
        draft=draft,
        placed=placed,
        decided=decided,
        project=project,
        report=ProgressReport.objects.filter(project=project).order_by("pk").first(),
        meeting=meeting,
        item=item,
        declaration=declaration,
        question=question,
        attachment=attachment,
        co_lead=co_lead,
        invitation=invitation,
        past_meeting=past_meeting,
        past_item=decision.item,
        decision=decision,
        condition=Condition.objects.filter(met_on=None).order_by("pk").first(),
        minutes=Minutes.objects.get(meeting=past_meeting),
        flagged_line=additions.flagged_line(),
        interest=additions.someone_elses_interest(),
        lead_session=SignedInSession.objects.create(
            user=lead, session_key="lead-on-another-device", last_seen_at=timezone.now()
        ),
        workbook=additions.finances_workbook(),
        payments=additions.payments(project, officer),
        quarterly_return=quarterly_return_send(
            user=officer,
            financial_year=ended_quarters(timezone.localdate())[1][0],
            quarter=ended_quarters(timezone.localdate())[1][1],
        ),
        claim=additions.claim(officer),
        variation=additions.variation(project),
    )
    world.arguments = path_arguments(world)
    return world


def path_arguments(world):
    """Keyword arguments for each URL name that takes any, from the world."""
    w = world
    meeting = {"pk": w.meeting.pk}
    item = {**meeting, "item_pk": w.item.pk}
    report = {
        "reference": w.project.reference,
        "financial_year": w.report.financial_year,
        "quarter": w.report.quarter,
    }
    return {
        "password_reset_confirm": {
            "uidb64": urlsafe_base64_encode(force_bytes(w.users["lead"].pk)),
            "token": "set-password",
        },
        "governance:meeting": meeting,
        "governance:papers": meeting,
        "governance:papers_pdf": meeting,
        "governance:attendance": meeting,
        "governance:mark_present": {**meeting, "user_pk": w.users["member"].pk, "present": 0},
        "governance:all_present": meeting,
        "governance:publish": meeting,
        "governance:start": meeting,
        "governance:minutes_edit": {"pk": w.past_meeting.pk},
        "governance:cancel": meeting,
        "governance:adjourn": meeting,
        "governance:defer_rest": meeting,
        "governance:urgent": meeting,
        "governance:move": {**item, "direction": "up"},
        "governance:dispense": {**item, "declaration_pk": w.declaration.pk},
        "governance:condition_met": {"pk": w.past_meeting.pk, "condition_pk": w.condition.pk},
        "governance:approve_minutes": {**meeting, "minutes_pk": w.minutes.pk},
        "governance:meeting_action": {**meeting, "action": "close"},
        "governance:item": item,
        "governance:declare": item,
        "governance:ask": item,
        "governance:decide": item,
        "governance:defer": item,
        "governance:correct": {
            "pk": w.past_meeting.pk,
            "item_pk": w.past_item.pk,
            "decision_pk": w.decision.pk,
        },
        "governance:vote": {**item, "action": "cast"},
        "proposals:detail": {"reference": w.placed.reference},
        "proposals:check": {"reference": w.draft.reference},
        "proposals:submitted": {"reference": w.placed.reference},
        "proposals:withdraw": {"reference": w.draft.reference},
        "proposals:version": {"reference": w.placed.reference, "number": 1},
        "proposals:attachment": {
            "reference": w.draft.reference,
            "attachment_id": w.attachment.pk,
        },
        "governance:answer": {"question_id": w.question.pk},
        "governance:decision_letter": {"decision_id": w.decided.decisions.get().pk},
        "governance:decision_letter_pdf": {"decision_id": w.decided.decisions.get().pk},
        "proposals:budget": {"reference": w.draft.reference},
        "proposals:budget_remove": {
            "reference": w.draft.reference,
            "line_id": w.draft.budget_lines.first().pk,
        },
        "proposals:attachments": {"reference": w.draft.reference},
        "proposals:attachment_remove": {
            "reference": w.draft.reference,
            "attachment_id": w.attachment.pk,
        },
        "session_end": {"session_id": w.lead_session.pk},
        "proposals:co_leads": {"reference": w.draft.reference},
        "proposals:co_lead_remove": {"reference": w.draft.reference, "user_id": w.co_lead.pk},
        "proposals:invitation_withdraw": {
            "reference": w.draft.reference,
            "invitation_id": w.invitation.pk,
        },
        "proposals:invitation_answer": {"invitation_id": w.invitation.pk, "answer": "accept"},
        "proposals:outcomes": {"reference": w.draft.reference},
        "proposals:criteria": {"reference": w.draft.reference},
        "proposals:section": {"reference": w.draft.reference, "section": "about"},
        "projects:detail": {"reference": w.project.reference},
        "projects:report": report,
        "projects:report_write": report,
        "evaluations:project_results": report,
        "meetings_feed": {"token": feed_token(w.users["member"])},
        "projects_admin:profile": {"pk": w.project.pk},
        "projects_admin:milestones": {"pk": w.project.pk},
        "finance:360giving": {"format": "json"},
        "finance:workbook_run": {"pk": w.workbook.pk},
        "projects_admin:agreement": {"pk": w.project.pk},
        "projects_admin:closure": {"pk": w.project.pk},
        "projects:final_report": {"reference": w.project.reference},
        "quarterly_returns:prepare": dict(
            zip(["financial_year", "quarter"], ended_quarters(timezone.localdate())[0], strict=True)
        ),
        "quarterly_returns:detail": {"pk": w.quarterly_return.pk},
        "claims:detail": {"pk": w.claim.pk},
        "claims:csv": {"pk": w.claim.pk},
        "claims:submit": {"pk": w.claim.pk},
        "claims:verdict": {
            "pk": w.claim.pk,
            "family_pk": w.claim.families.filter(verdict="waiting").first().pk,
        },
        "quarterly_returns:csv": {"pk": w.quarterly_return.pk},
        "projects_admin:payment_approve": {"pk": w.project.pk, "payment_pk": w.payments[0].pk},
        "projects_admin:payment_match": {"pk": w.project.pk, "payment_pk": w.payments[1].pk},
        "projects:agreement": {"reference": w.project.reference},
        "projects:agreement_accept": {"reference": w.project.reference},
        "projects:payment_request": {"reference": w.project.reference, "number": 3},
        "projects:variation_new": {"reference": w.project.reference},
        "projects:variation": {"reference": w.project.reference, "pk": w.variation.pk},
        "projects:variation_withdraw": {"reference": w.project.reference, "pk": w.variation.pk},
        "variations:decide": {"pk": w.variation.pk},
        "governance:decide_variation": item,
        "finance:workbook_file": {"pk": w.workbook.pk},
        "proposals_admin:screen": {"pk": w.placed.pk},
        "spend:explain": {"pk": w.flagged_line.pk},
        "governance:interest_end": {"interest_pk": w.interest.pk},
    }


def viewset_object(model, world):
    """The object a back-office viewset's per-object URLs are checked against."""
    chosen = {
        Proposal: world.placed,
        Project: world.project,
        Meeting: world.meeting,
        Decision: world.decision,
    }
    if model in chosen:
        return chosen[model]
    if model is DataRelease and not DataRelease.objects.exists():
        DataRelease.objects.create(
            released_by=world.users["team"],
            purpose="Evaluation by the universities",
            families=Family.objects.count(),
        )
    if model is ImportLayout and not ImportLayout.objects.exists():
        ImportLayout.objects.create(
            name="Council ERP", kind="ledger", based_on="standard-ledger", columns=""
        )
    return model.objects.order_by("pk").first()


# What is posted to each URL that only takes a POST: a real answer, so that the matrix shows
# who can do the thing, not who can fail a form.
POST_DATA = {
    "governance:dispense": {"reason": "Needed for the item to be quorate"},
    "finance:workbook_prepare": {"query": "financial_year="},
    "projects_admin:payment_match": {"transaction_number": "T-WORLD-PAY"},
    "claims:verdict": {"verdict": "passed"},
    "governance:declare": {"nature": "Trustee of the provider", "prejudicial": "on"},
    "governance:ask": {"text": "What does a family's support cost?"},
    "governance:decide": {"outcome": "approved", "reasons": "Meets every criterion"},
    "governance:decide_variation": {"variation-outcome": "agreed"},
    "governance:defer": {"defer-reasons": "Not reached"},
    "governance:correct": {
        "correct-outcome": "rejected",
        "correct-reasons": "Recorded against the wrong item",
    },
    "governance:vote": {"choice": "for"},
    "governance:answer": {"answer": "About forty families a year."},
}
