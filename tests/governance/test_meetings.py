import datetime
import re
from io import StringIO

import pytest
from django.core import signing
from django.core.management import CommandError, call_command

from core.working_days import clear_working_days_before, working_days_before
from governance.views.meetings import FEED_SALT, feed_token
from programme.ical import meetings_calendar
from programme.models import Meeting
from tests.factories import MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_deadline_counts_fifteen_working_days_skipping_christmas_bank_holidays():
    # Christmas Day (Fri), Boxing Day observed (Mon 28th) and New Year's Day (Fri) are skipped.
    meeting = Meeting.objects.create(date=datetime.date(2027, 1, 13))
    assert meeting.submission_deadline == datetime.date(2026, 12, 18)


def test_papers_leave_five_clear_working_days_before_the_meeting():
    meeting = Meeting.objects.create(date=datetime.date(2027, 1, 13))
    assert meeting.papers_date == datetime.date(2027, 1, 5)
    clear = [
        meeting.papers_date + datetime.timedelta(days=n)
        for n in range(1, (meeting.date - meeting.papers_date).days)
    ]
    assert len([d for d in clear if d.weekday() < 5]) == 5


def test_working_days_skip_weekends():
    assert working_days_before(datetime.date(2025, 6, 9), 1) == datetime.date(2025, 6, 6)
    assert clear_working_days_before(datetime.date(2025, 6, 13), 1) == datetime.date(2025, 6, 11)


def test_schedule_meetings_creates_the_years_bimonthly_meetings_once():
    out = StringIO()
    call_command("schedule_meetings", "--year", "2025-26", stdout=out)
    dates = list(Meeting.objects.values_list("date", flat=True))
    assert dates == [
        datetime.date(2025, 5, 14),
        datetime.date(2025, 7, 9),
        datetime.date(2025, 9, 10),
        datetime.date(2025, 11, 12),
        datetime.date(2026, 1, 14),
        datetime.date(2026, 3, 11),
    ]
    assert all(d.weekday() == 2 for d in dates)
    call_command("schedule_meetings", "--year", "2025-26", stdout=out)
    assert Meeting.objects.count() == 6
    assert "0 meetings added for 2025-26" in out.getvalue()


def test_schedule_meetings_refuses_a_malformed_year():
    with pytest.raises(CommandError, match="not a financial year"):
        call_command("schedule_meetings", "--year", "2025", stdout=StringIO())


def test_the_programme_team_schedules_a_year_from_the_admin(client_for, programme_officer):
    client = client_for(programme_officer)
    assert client.get("/admin/meetings/schedule/").status_code == 200
    response = client.post("/admin/meetings/schedule/", {"financial_year": "2026-27"})
    assert response.status_code == 302
    assert Meeting.objects.count() == 6


def test_finance_cannot_schedule_meetings(client_for, finance_officer):
    client_for(finance_officer).post("/admin/meetings/schedule/", {"financial_year": "2026-27"})
    assert Meeting.objects.count() == 0


def test_a_member_subscribes_to_a_calendar_feed_of_the_meetings(client_for, member):
    MeetingFactory(date=datetime.date(2030, 3, 6), location="Cunard Building, Water Street")
    MeetingFactory(date=datetime.date(2030, 5, 8))
    page = client_for(member).get("/portal/meetings/").content.decode()
    assert "6 March 2030" in page
    # The token is signed with a timestamp: read it from the page, not made again here.
    token = re.search(r"/meetings/([^/\s\"<]+)\.ics", page).group(1)
    assert signing.loads(token, salt=FEED_SALT) == member.pk
    response = client_for(UserFactory()).get(f"/meetings/{token}.ics")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert body.count("BEGIN:VEVENT") == 2
    assert "DTSTART:20300306T100000Z" in body
    assert "LOCATION:Cunard Building\\, Water Street" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_a_tampered_or_foreign_feed_token_is_not_found(client, lead):
    assert client.get("/meetings/not-a-token.ics").status_code == 404
    assert client.get(f"/meetings/{feed_token(lead)}.ics").status_code == 404


def test_project_leads_do_not_see_the_groups_meetings_page(client_for, lead):
    assert client_for(lead).get("/portal/meetings/").status_code == 403


def test_a_location_with_line_breaks_cannot_start_a_property_of_its_own(db):
    meeting = MeetingFactory(
        date=datetime.date(2030, 3, 6), location="Room 1\rATTENDEE:x@evil\r\nCunard\nBuilding"
    )
    body = meetings_calendar([meeting], "example.org")
    lines = body.split("\r\n")
    assert "\r" not in "".join(lines) and "\n" not in "".join(lines)
    assert not any(line.startswith("ATTENDEE") for line in lines)
    assert "LOCATION:Room 1\\nATTENDEE:x@evil\\nCunard\\nBuilding" in body
