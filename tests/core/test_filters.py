"""A back-office filter on a related record lists its choices in one query, not through a
server-side cursor (three round trips on PostgreSQL)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.filters import FilterSet
from governance.models import Decision
from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


class DecisionsByMeeting(FilterSet):
    class Meta:
        model = Decision
        fields = ["meeting"]


def test_a_foreign_key_filter_lists_its_choices_in_one_query():
    meetings = MeetingFactory.create_batch(3)
    field = DecisionsByMeeting(queryset=Decision.objects.none()).form.fields["meeting"]
    with CaptureQueriesContext(connection) as queries:
        choices = [value for value, _label in field.choices if value]
    by_date = sorted(meetings, key=lambda meeting: meeting.date)
    assert [str(value) for value in choices] == [str(meeting.pk) for meeting in by_date]
    assert len(queries) == 1
    assert "DECLARE" not in queries[0]["sql"]


def test_a_foreign_key_filter_keeps_its_empty_choice_first():
    MeetingFactory()
    field = DecisionsByMeeting(queryset=Decision.objects.none()).form.fields["meeting"]
    assert list(field.choices)[0][0] == ""

