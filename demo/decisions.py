"""The group's business, run through the same services as the portal: every past meeting with
its papers, attendance, votes, decisions and minutes; the next meeting with its papers out, a
question for a lead, and open with a vote for the members to cast."""

import datetime

from django.utils import timezone

from demo.people import group_since
from governance import services
from governance.models import Attendance
from governance.voting import item_voters
from programme.models import Interest, Meeting, Membership, User
from programme.roles import PROGRAMME_TEAM

CONDITION = "Share the evaluation framework with the programme team before delivery starts."


def _attend(officer, meeting, apologies):
    for membership in Membership.objects.current(meeting.date).select_related("user"):
        adviser = membership.role == Membership.Role.ADVISER
        services.attendance_record(
            user=officer,
            meeting=meeting,
            person=membership.user,
            capacity=Attendance.Capacity.ADVISER if adviser else Attendance.Capacity.MEMBER,
            present=membership.user_id not in apologies,
        )


def _decide(chair, item, number):
    vote = services.vote_open(user=chair, item=item)
    for index, voter in enumerate(sorted(item_voters(item))):
        choice = "abstain" if (index + number) % 7 == 0 else "for"
        services.vote_cast(user=User.objects.get(pk=voter), vote=vote, choice=choice)
    services.vote_close(user=chair, vote=vote)
    amount = item.version.total_requested
    if number % 4 == 1:
        services.decision_record(
            user=chair,
            item=item,
            outcome="approved_with_conditions",
            approved_amount=amount,
            reasons="Approved subject to the evaluation framework being agreed.",
            conditions=[
                {
                    "text": CONDITION,
                    "owner": item.proposal.lead,
                    "due_date": item.meeting.date + datetime.timedelta(days=42),
                    "review_date": item.meeting.date + datetime.timedelta(days=56),
                }
            ],
        )
    else:
        services.decision_record(
            user=chair,
            item=item,
            outcome="approved",
            approved_amount=amount,
            reasons="Meets the programme's criteria and priorities.",
        )


def _chair_and_members(today):
    chair = Membership.objects.current(today).filter(role=Membership.Role.CHAIR).first().user
    # Apologies come from ordinary members: the chair and vice-chair are at every meeting, so
    # the vice-chair can take the items the chair is barred from.
    members = list(
        Membership.objects.current(today)
        .filter(role=Membership.Role.MEMBER)
        .values_list("user_id", flat=True)
    )
    return chair, members


# What the secretary notes of each proposal's discussion, in turn.
DISCUSSION = [
    "Members asked how families would be referred and how the project would reach families "
    "not already known to services. The lead officer explained the referral route.",
    "Members discussed whether the costs were in line with similar work in the city, and "
    "asked for the first progress report to show take-up by ward.",
    "The group welcomed the proposal's links with schools and asked how it would continue "
    "once the programme's funding ends.",
]


def _hold(meeting, number, officer, chair, members, previous):
    """The meeting as the group held it: papers out, attendance, the last minutes approved,
    every proposal voted on and decided, and the meeting closed with its minutes drafted."""
    services.agenda_publish(user=officer, meeting=meeting)
    _attend(officer, meeting, apologies=set(members[number % 5 :: 7]))
    services.meeting_start(user=chair, meeting=meeting, today=meeting.date)
    if previous is not None and not previous.minutes.locked:
        services.minutes_approve(user=chair, minutes=previous.minutes, at_meeting=meeting)
    decided = 0
    for index, item in enumerate(meeting.agenda.filter(proposal__isnull=False)):
        if item.is_decision_item:
            _decide(chair, item, number + index)
            decided += 1
    services.meeting_close(user=chair, meeting=meeting)
    services.minutes_amend(
        user=officer,
        minutes=meeting.minutes,
        discussions={
            item.pk: DISCUSSION[(number + index) % len(DISCUSSION)]
            for index, item in enumerate(meeting.agenda.filter(proposal__isnull=False))
        },
        other_business="",
    )
    return decided


def _open_next(meeting, officer, chair, members):
    """The meeting of the demo's day, ready to try: papers out with a member's question for
    the demo lead, the group's attendance recorded, the meeting open and a vote open."""
    services.agenda_publish(user=officer, meeting=meeting)
    items = list(meeting.agenda.filter(proposal__isnull=False))
    lead = User.objects.get(email="lead@families.example")
    asked = next((item for item in items if item.proposal.lead_id == lead.pk), None)
    if asked is not None:
        services.question_ask(
            user=User.objects.get(email="member@families.example"),
            item=asked,
            text="How will families who do not attend the sessions still be reached?",
        )
    member = User.objects.get(email="member@families.example")
    # The demo's member is in the room today, to vote.
    _attend(officer, meeting, apologies=set(members[1::9]) - {member.pk})
    services.meeting_start(user=chair, meeting=meeting, today=meeting.date)
    # The vote is on another proposal than the lead's, who still has the question to answer.
    first = next((item for item in items if item.is_decision_item and item != asked), None)
    if first is not None:
        services.vote_open(user=chair, item=first)


def seed(stdout, today=None):
    today = today or timezone.localdate()
    officer = User.objects.filter(groups__name=PROGRAMME_TEAM).order_by("pk").first()
    chair, members = _chair_and_members(today)
    Interest.objects.get_or_create(
        member=chair,
        description="Trustee of a Liverpool children's charity (unpaid).",
        defaults={"registered_on": group_since(today)},
    )
    previous = None
    decided = 0
    for number, meeting in enumerate(Meeting.objects.filter(date__lt=today).order_by("date")):
        if meeting.status == Meeting.Status.SCHEDULED:
            decided += _hold(meeting, number, officer, chair, members, previous)
        previous = meeting
    upcoming = Meeting.objects.filter(date__gte=today).order_by("date").first()
    if upcoming is not None and upcoming.status == Meeting.Status.SCHEDULED:
        _open_next(upcoming, officer, chair, members)
    stdout.write(
        f"Meetings: {decided} decisions recorded; today's meeting is in session with a vote open."
    )
    return []
