"""Family records past the retention period are deleted and recorded; the results they were
counted in do not change, and a later export still carrying the case does not bring it back."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from core.models import Deletion
from evaluations.models import DayCount, Family, FamilyNeed, RetiredCase
from evaluations.services.retention import families_retire
from programme.models import RetentionPolicy
from tests.factories import family_rows_csv, need_rows

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 11, 23)
# With the default 72 months, a case closed on 1 January 2020 (sustained to 1 July 2020)
# has passed its period by 23 November 2026; one closed on 1 June 2021 has not.
OLD = need_rows("CASE-OLD", "01/04/2019", "01/01/2020", [1, 2, 3], achieved="01/12/2019",
                sustained="yes")  # fmt: skip
RECENT = need_rows("CASE-RECENT", "01/04/2020", "01/06/2021", [1, 2, 3])
OPEN = need_rows("CASE-OPEN", "01/04/2018", "", [4, 5, 6])


@pytest.fixture
def cases(import_families):
    data = family_rows_csv(OLD + RECENT + OPEN)
    import_families(data, today=TODAY)
    return data


def calendar():
    return sorted(DayCount.objects.values_list("event", "outcome", "day", "count"))


def test_only_families_past_the_period_are_deleted(cases):
    deletion = families_retire(user=None, today=TODAY)
    assert deletion.count == 1
    assert deletion.cutoff == datetime.date(2020, 11, 23)
    assert Family.objects.count() == 2
    assert RetiredCase.objects.count() == 1
    assert FamilyNeed.objects.count() == 6


def test_a_case_with_a_plan_still_in_its_period_keeps_every_plan(import_families):
    again = need_rows("CASE-OLD", "01/09/2024", "", [7, 8, 9])
    import_families(family_rows_csv(OLD + again), today=TODAY)
    assert families_retire(user=None, today=TODAY).count == 0
    assert Family.objects.count() == 2


def test_the_results_calendar_keeps_counting_deleted_families(cases):
    before = calendar()
    families_retire(user=None, today=TODAY)
    assert calendar() == before


def test_an_export_still_carrying_a_deleted_case_does_not_bring_it_back(cases, import_families):
    families_retire(user=None, today=TODAY)
    before = calendar()
    result = import_families(cases, today=TODAY)
    assert (result.retired, result.added) == (1, 0)
    assert Family.objects.count() == 2
    assert calendar() == before


def test_a_longer_period_keeps_them(cases):
    RetentionPolicy.objects.update_or_create(defaults={"family_record_months": 120})
    assert families_retire(user=None, today=TODAY).count == 0
    assert Family.objects.count() == 3


def test_rebuilding_the_calendar_is_refused_once_families_are_deleted(cases):
    families_retire(user=None, today=TODAY)
    with pytest.raises(CommandError, match="retention policy"):
        call_command("refresh_results_calendar")


def test_the_command_says_what_it_would_delete_then_deletes_and_records_it(cases):
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", "--today", TODAY.isoformat(), stdout=out)
    assert "Would delete 1 family records" in out.getvalue()
    assert Family.objects.count() == 3
    call_command("apply_retention", "--today", TODAY.isoformat(), stdout=out)
    assert Family.objects.count() == 2
    assert sorted(Deletion.objects.values_list("kind", "count")) == [
        ("family records", 1),
        ("proposal attachments", 0),
    ]
