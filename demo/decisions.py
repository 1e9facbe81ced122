"""A year of the group's business, run through the same services as the portal: past meetings
with papers, attendance, votes, decisions and minutes; the next meeting's papers out."""

import datetime

from django.utils import timezone

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


def seed(stdout, today=None):
    today = today or timezone.localdate()
    officer = User.objects.filter(groups__name=PROGRAMME_TEAM).order_by("pk").first()
    chair = Membership.objects.current(today).filter(role=Membership.Role.CHAIR).first().user
    # Apologies come from ordinary members: the chair and vice-chair are at every meeting, so
    # the vice-chair can take the items the chair is barred from.
    members = list(
        Membership.objects.current(today)
        .filter(role=Membership.Role.MEMBER)
        .values_list("user_id", flat=True)
    )
    Interest.objects.get_or_create(
        member=chair,
        description="Trustee of a Liverpool children's charity (unpaid).",
        defaults={"registered_on": datetime.date(2024, 4, 1)},
    )
    year = Meeting.objects.filter(date__gte=today - datetime.timedelta(days=200)).order_by("date")
    previous = None
    decided = 0
    for number, meeting in enumerate(m for m in year if m.date < today):
        if meeting.status == Meeting.Status.SCHEDULED:
            services.agenda_publish(user=officer, meeting=meeting)
            _attend(officer, meeting, apologies=set(members[number % 5 :: 7]))
            services.meeting_start(user=chair, meeting=meeting)
            if previous is not None and not previous.minutes.locked:
                services.minutes_approve(user=chair, minutes=previous.minutes, at_meeting=meeting)
            for index, item in enumerate(meeting.agenda.filter(proposal__isnull=False)):
                if item.is_decision_item:
                    _decide(chair, item, number + index)
                    decided += 1
            services.meeting_close(user=chair, meeting=meeting)
        previous = meeting
    upcoming = next((m for m in year if m.date >= today), None)
    if upcoming is not None and upcoming.status == Meeting.Status.SCHEDULED:
        services.agenda_publish(user=officer, meeting=upcoming)
        item = upcoming.agenda.filter(proposal__isnull=False).first()
        if item is not None:
            asker = User.objects.get(email="member@families.example")
            services.question_ask(
                user=asker,
                item=item,
                text="How will families who do not attend the sessions still be reached?",
            )
    stdout.write(f"Meetings: {decided} decisions recorded; next meeting's papers published.")
    return []
