"""An iCalendar (RFC 5545) feed of the group's meetings."""

import datetime

from django.conf import settings
from django.utils import timezone

MEETING_LENGTH = datetime.timedelta(hours=2)


def _escape(text):
    """A TEXT value: backslash, semicolon and comma escaped; every line break (CRLF, CR or LF)
    written as an escaped newline, and other control characters dropped, so no value can end a
    line or start a property of its own."""
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(char for char in text if char == "\n" or char == "\t" or ord(char) >= 32)
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    parts = []
    while len(data) > 75:
        cut = 75 if not parts else 74
        while cut and (data[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
    parts.append(data)
    return b"\r\n ".join(parts).decode("utf-8")


def _utc(day, time):
    local = timezone.make_aware(datetime.datetime.combine(day, time))
    return local.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def meetings_calendar(meetings, host):
    now = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//{_escape(settings.COUNCIL_NAME)}//Families Programme//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_escape(settings.PROGRAMME_NAME)} strategic group",
    ]
    for meeting in meetings:
        end = datetime.datetime.combine(meeting.date, meeting.start_time) + MEETING_LENGTH
        description = (
            f"Submission deadline {meeting.submission_deadline:%-d %B %Y}. "
            f"Papers by {meeting.papers_date:%-d %B %Y}."
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:meeting-{meeting.pk}@{host}",
            f"DTSTAMP:{now}",
            f"DTSTART:{_utc(meeting.date, meeting.start_time)}",
            f"DTEND:{_utc(end.date(), end.time())}",
            f"SUMMARY:{_escape(settings.PROGRAMME_NAME)} strategic group",
            f"LOCATION:{_escape(meeting.online_link or meeting.location)}",
            f"DESCRIPTION:{_escape(description)}",
            "STATUS:CONFIRMED",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
