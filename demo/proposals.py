"""The demonstration's proposals, made through the same services the portal uses: the sixteen
approved projects, each submitted and screened before the past meeting that approved it; two
on the next meeting's agenda; and the rest left where the roles' journeys need them."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import Group
from django.utils import timezone

from core.dates import add_months
from core.financial_years import fy_for_date
from core.money import to_money
from core.profiles import split_evenly
from demo.proposals_data import ANSWER, APPROVED, IN_MOTION
from programme.models import Meeting, Organisation, Priority, User
from programme.roles import PROGRAMME_TEAM, PROJECT_LEADS
from programme.selectors import active_criteria, headline_outcomes
from proposals import services
from proposals.models import CriterionResult, Proposal, ProposalVersion, Screening

RETURN_REASONS = (
    "Please say how families will be chosen for a break and who plans it with them, and split "
    "the breaks' cost between travel and activities."
)
MONTHS_OF_DELIVERY = 12


def held_meetings(today):
    """The group's meetings before today, oldest first."""
    return list(Meeting.objects.filter(date__lt=today).order_by("date"))


def next_meeting(today):
    return Meeting.objects.filter(date__gte=today).order_by("date").first()


def delivery_from(meeting):
    """Delivery starts on the first day of the second month after the meeting approves it."""
    month = meeting.date.month + 2
    return datetime.date(meeting.date.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


def budget_by_year(start, end, amount):
    """A budget line's amount spread over the financial years delivery runs in, by months."""
    years = {}
    day = start
    while day <= end:
        years[fy_for_date(day)] = years.get(fy_for_date(day), 0) + 1
        day = add_months(day, 1)
    shares = split_evenly(to_money(amount), sum(years.values()))
    result, index = {}, 0
    for year, months in years.items():
        result[year] = sum(shares[index : index + months], Decimal("0.00"))
        index += months
    return result


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


def _draft(row, on, start, months, priorities):
    title, kind, email, name, organisation_name, summary, outcomes, budget = row[:8]
    organisation = Organisation.objects.get(name=organisation_name)
    lead = _lead(email, name, organisation)
    proposal = services.proposal_create(
        user=lead, kind=kind, title=title, lead_organisation=organisation, today=on
    )
    end = add_months(start, months) - datetime.timedelta(days=1)
    services.proposal_update(
        user=lead,
        proposal=proposal,
        section="about",
        data={"summary": summary, "priorities": priorities},
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
            "delivery_end": end,
            "sustainability": "Mainstreamed into partners' core offer if the evaluation shows it "
            "works; otherwise a planned close with families handed to Early Help.",
        },
    )
    by_number = {outcome.number: outcome for outcome in headline_outcomes()}
    services.outcome_targets_set(
        user=lead,
        proposal=proposal,
        targets={by_number[number]: families for number, families in outcomes.items()},
    )
    for cost_type, description, amount in budget:
        for financial_year, share in budget_by_year(start, end, amount).items():
            services.budget_line_add(
                user=lead,
                proposal=proposal,
                financial_year=financial_year,
                cost_type=cost_type,
                description=description,
                amount=share,
            )
    services.criterion_answers_save(
        user=lead, proposal=proposal, answers=dict.fromkeys(active_criteria(), (ANSWER, ""))
    )
    return lead, proposal


def _screen(proposal, officer, recommendation, on, reasons=""):
    met = (CriterionResult.Result.MET, "")
    services.proposal_screen(
        user=officer,
        proposal=proposal,
        results=dict.fromkeys(active_criteria(), met),
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


def _put_to(meeting, row, months, officer, priorities, today):
    """Drafted, submitted and screened eligible a week before the meeting's deadline (or today,
    if that is later than a week before), so it is placed on that meeting's agenda."""
    on = min(today, meeting.submission_deadline - datetime.timedelta(days=7))
    lead, proposal = _draft(row, on, delivery_from(meeting), months, priorities)
    services.proposal_submit(user=lead, proposal=proposal, today=on)
    _screen(proposal, officer, Screening.Recommendation.ELIGIBLE, on)
    _backdate(proposal, on)
    return proposal


def _officer():
    return User.objects.filter(groups__name=PROGRAMME_TEAM).order_by("pk").first()


def seed_history(stdout, today=None):
    """The sixteen approved projects' proposals, each on the agenda of the meeting that
    approved it (the meetings themselves are run by ``demo.decisions``), and the two on the
    next meeting's agenda."""
    today = today or timezone.localdate()
    held = held_meetings(today)
    priorities = list(Priority.objects.all()[:3])
    made = 0
    for row in APPROVED:
        meetings_ago, months = row[8], row[9]
        if Proposal.objects.filter(title=row[0]).exists() or meetings_ago > len(held):
            continue
        _put_to(held[-meetings_ago], row, months, _officer(), priorities, today)
        made += 1
    upcoming = next_meeting(today)
    for row in IN_MOTION:
        if row[8] != "next-meeting" or Proposal.objects.filter(title=row[0]).exists():
            continue
        _put_to(upcoming, row, MONTHS_OF_DELIVERY, _officer(), priorities, today)
        made += 1
    stdout.write(f"Proposals: {made} put to the group's meetings.")
    return []


def seed_in_motion(stdout, today=None):
    """The proposals on their way, as of today: after the next meeting's papers have gone out,
    so one screened eligible today is placed on the meeting after."""
    today = today or timezone.localdate()
    priorities = list(Priority.objects.all()[:3])
    officer = _officer()
    start = delivery_from(next_meeting(today))
    made = 0
    for row in IN_MOTION:
        state = row[8]
        if state == "next-meeting" or Proposal.objects.filter(title=row[0]).exists():
            continue
        lead, proposal = _draft(row, today, start, MONTHS_OF_DELIVERY, priorities)
        made += 1
        if state == "draft":
            continue
        services.proposal_submit(user=lead, proposal=proposal, today=today)
        if state == "eligible-later":
            _screen(proposal, officer, Screening.Recommendation.ELIGIBLE, today)
        elif state in ("returned", "resubmitted"):
            _screen(proposal, officer, Screening.Recommendation.RETURN, today, RETURN_REASONS)
            if state == "resubmitted":
                services.budget_line_add(
                    user=lead,
                    proposal=proposal,
                    financial_year=fy_for_date(start),
                    cost_type="evaluation",
                    description="Easy-read summary for families",
                    amount=Decimal("1500.00"),
                )
                services.proposal_submit(user=lead, proposal=proposal, today=today)
        elif state == "withdrawn":
            services.proposal_withdraw(
                user=lead,
                proposal=proposal,
                reason="Funded through the Household Support Fund instead.",
            )
    stdout.write(f"Proposals: {made} on their way ({Proposal.objects.count()} in all).")
    return []

