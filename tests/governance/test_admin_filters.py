from programme.filters import InterestFilterSet
from tests.factories import MembershipFactory, UserFactory


def test_the_interests_filter_lists_only_people_who_sat_on_the_group(db):
    member = MembershipFactory().user
    UserFactory()
    choices = InterestFilterSet(request=None).filters["member"].queryset
    assert list(choices(None)) == [member]
