"""Demo proposals, made through the same services the portal uses."""

import datetime

from django.contrib.auth.models import Group
from django.utils import timezone

from core.financial_years import fy_for_date
from demo.proposals_data import ANSWER, PROPOSALS
from programme.models import Criterion, Meeting, Organisation, Outcome, Priority, User
from programme.roles import PROGRAMME_TEAM, PROJECT_LEADS
from proposals import services
from proposals.models import CriterionResult, Proposal, ProposalVersion, Screening

RETURN_REASONS = (
    "Please add how schools will report concerns after the sessions, and who follows them up; "
    "and split the trainers' costs by session."
)


def _lead(email, name, organisation):
    if name is None:
        return User.objects.get(email=email)
    first, last = name.split(" ", 1)
    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "organisation": organisation}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=PROJECT_LEADS))
    return user


def _draft(lead, organisation, row, on, priorities):
    title, kind, _, _, _, summary, outcomes, budget, _ = row
    proposal = services.proposal_create(
        user=lead, kind=kind, title=title, lead_organisation=organisation, today=on
    )
    start = on + datetime.timedelta(days=90)
    services.proposal_update(
        user=lead,
        proposal=proposal,
        section="about",
        data={
            "summary": summary,
            "priorities": priorities,
        },
    )
    services.proposal_update(
        user=lead,
        proposal=proposal,
        section="need",
        data={
            "need_and_evidence": "Local data from the Families Programme shows the need: "
            f"{sum(outcomes.values())} families across the outcomes targeted.",
            "whole_family_approach": "Each family has one lead worker and one family plan; the "
            "work is planned with every member of the family.",
        },
    )
    services.proposal_update(
        user=lead,
        proposal=proposal,
        section="delivery",
        data={
            "delivery_start": start,
            "delivery_end": start + datetime.timedelta(days=364),
            "sustainability": "Mainstreamed into partners' core offer if the evaluation shows it "
            "works; otherwise a planned close with families handed to Early Help.",
        },
    )
    services.outcome_targets_set(
        user=lead,
        proposal=proposal,
        targets={
            Outcome.objects.get(number=number): families for number, families in outcomes.items()
        },
    )
    for cost_type, description, amount in budget:
        services.budget_line_add(
            user=lead,
            proposal=proposal,
            financial_year=fy_for_date(start),
            cost_type=cost_type,
            description=description,
            amount=amount,
        )
    services.criterion_answers_save(
        user=lead,
        proposal=proposal,
        answers=dict.fromkeys(Criterion.objects.filter(is_active=True), (ANSWER, "")),
    )
    return proposal


def _screen(proposal, officer, recommendation, on, reasons=""):
    met = (CriterionResult.Result.MET, "")
    results = dict.fromkeys(Criterion.objects.filter(is_active=True), met)
    services.proposal_screen(
        user=officer,
        proposal=proposal,
        results=results,
        recommendation=recommendation,
        reasons=reasons,
        today=on,
    )


def _backdate(proposal, on):
    """Demo history: give the versions the dates they would have had. Bypasses save(), which
    (rightly) refuses to change a version."""
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10, 0)))
    ProposalVersion.objects.filter(proposal=proposal).update(submitted_at=moment)
    Proposal.objects.filter(pk=proposal.pk).update(submitted_at=moment, created_at=moment)


def seed(stdout, today=None):
    today = today or timezone.localdate()
    officer = User.objects.filter(groups__name=PROGRAMME_TEAM).order_by("pk").first()
    year = list(
        Meeting.objects.filter(date__gte=today - datetime.timedelta(days=200)).order_by("date")
    )
    past = [m for m in year if m.date < today]
    priorities = list(Priority.objects.all()[:3])
    made = 0
    for row in PROPOSALS:
        title, _, email, name, organisation_name, *_rest, plan = row
        if Proposal.objects.filter(title=title).exists():
            continue
        organisation = Organisation.objects.get(name=organisation_name)
        lead = _lead(email, name, organisation)
        if plan[0] == "meeting" and plan[1] < len(past):
            meeting = past[plan[1]]
            on = meeting.submission_deadline - datetime.timedelta(days=7)
        else:
            on = today
        proposal = _draft(lead, organisation, row, on, priorities)
        made += 1
        if plan[0] == "draft":
            continue
        services.proposal_submit(user=lead, proposal=proposal, today=on)
        if plan[0] in ("meeting", "eligible-next"):
            _screen(proposal, officer, Screening.Recommendation.ELIGIBLE, on)
        elif plan[0] in ("returned", "resubmitted"):
            _screen(proposal, officer, Screening.Recommendation.RETURN, on, RETURN_REASONS)
            if plan[0] == "resubmitted":
                services.budget_line_add(
                    user=lead,
                    proposal=proposal,
                    financial_year=fy_for_date(today),
                    cost_type="evaluation",
                    description="Easy-read summary for families",
                    amount="1500.00",
                )
                services.proposal_submit(user=lead, proposal=proposal, today=on)
        elif plan[0] == "withdrawn":
            services.proposal_withdraw(
                user=lead,
                proposal=proposal,
                reason="Funded through the Household Support Fund instead.",
            )
        if plan[0] == "meeting":
            _backdate(proposal, on)
    stdout.write(f"Proposals: {made} added ({Proposal.objects.count()} in all).")
    return []
