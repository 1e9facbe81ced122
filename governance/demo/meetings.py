"""The group's bi-monthly meeting dates for this financial year and the next: the second
Wednesday of May, July, September, November, January and March."""

import datetime

from governance.financial_years import current_fy, fy_start_year
from governance.models import Meeting

MONTHS = [5, 7, 9, 11, 1, 3]
PLACE = "Cunard Building, Water Street, Liverpool"


def second_wednesday(year, month):
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(2 - first.weekday()) % 7 + 7)


def meeting_dates(start_year):
    return [second_wednesday(start_year if m >= 4 else start_year + 1, m) for m in MONTHS]


def seed_meetings(today=None):
    start = fy_start_year(current_fy(today))
    meetings = []
    for year in (start, start + 1):
        for day in meeting_dates(year):
            meeting, _ = Meeting.objects.get_or_create(date=day, defaults={"location": PLACE})
            meetings.append(meeting)
    return meetings
