"""This financial year's and next year's meetings, scheduled as the programme team would."""

from core.financial_years import current_fy, fy_name, fy_start_year
from programme.models import Meeting, User
from programme.services import meetings_schedule


def seed_meetings(today=None):
    start = fy_start_year(current_fy(today))
    officer = User.objects.get(email="programme@families.example")
    for year in (start, start + 1):
        meetings_schedule(user=officer, financial_year=fy_name(year))
    return list(Meeting.objects.order_by("date"))
