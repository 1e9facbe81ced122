import datetime

import pytest

from tests.factories import CriterionFactory, MeetingFactory, PriorityFactory

TODAY = datetime.date(2030, 1, 6)


@pytest.fixture
def criteria(db):
    return [
        CriterionFactory(title="Works with the whole family"),
        CriterionFactory(title="Value for money"),
    ]


@pytest.fixture
def meetings(db):
    """Three meetings: 6 March 2030 (deadline 13 Feb), 8 May and 10 July."""
    return [
        MeetingFactory(date=datetime.date(2030, 3, 6)),
        MeetingFactory(date=datetime.date(2030, 5, 8)),
        MeetingFactory(date=datetime.date(2030, 7, 10)),
    ]


@pytest.fixture
def ready(criteria, meetings):
    PriorityFactory(title="A whole family approach")
    return meetings
