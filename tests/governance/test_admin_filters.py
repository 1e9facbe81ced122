def test_the_interests_filter_lists_only_people_who_sat_on_the_group(db):
    from governance.filters import InterestFilterSet
    from tests.factories import MembershipFactory, UserFactory

    member = MembershipFactory().user
    UserFactory()
    choices = InterestFilterSet(request=None).filters["member"].queryset
    assert list(choices(None)) == [member]
