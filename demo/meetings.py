"""The group's meetings from two financial years back to the next one, scheduled as the
programme team would; the meeting nearest the demo's day is moved to that day, so the group
is in session as the demo opens. The demo holds the ones before it."""

from core.financial_years import current_fy, fy_bounds, fy_name, fy_start_year
from programme.models import Meeting, User
from programme.services import meetings_schedule

YEARS = (-2, -1, 0, 1)


def _meet_today(today):
    """Move the scheduled meeting nearest today to today (as the programme team may from the
    back office), unless the group already meets today."""
    if Meeting.objects.filter(date=today).exists():
        return
    scheduled = Meeting.objects.filter(status=Meeting.Status.SCHEDULED)
    nearest = min(scheduled, key=lambda meeting: abs((meeting.date - today).days))
    nearest.date = today
    nearest.submission_deadline = None
    nearest.papers_date = None
    nearest.save()


def seed_meetings(today):
    start = fy_start_year(current_fy(today))
    officer = User.objects.get(email="programme@families.example")
    for offset in YEARS:
        year = fy_name(start + offset)
        if not Meeting.objects.filter(date__range=fy_bounds(year)).exists():
            meetings_schedule(user=officer, financial_year=year)
    _meet_today(today)
    return list(Meeting.objects.order_by("date"))
