import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from programme.models import Membership, User
from tests.factories import FundFactory, MembershipFactory


@pytest.mark.django_db
def test_emails_are_stored_in_lower_case_and_unique():
    User.objects.create_user("Ruth.Okafor@Families.Example", "x" * 12)
    with pytest.raises(IntegrityError):
        User.objects.create_user("ruth.okafor@families.example", "x" * 12)


@pytest.mark.django_db
def test_a_membership_cannot_end_before_it_starts():
    with pytest.raises(IntegrityError):
        MembershipFactory(start_date=datetime.date(2025, 4, 1), end_date=datetime.date(2025, 3, 1))


@pytest.mark.django_db
def test_current_memberships_exclude_ended_and_future_seats():
    today = datetime.date(2025, 6, 1)
    current = MembershipFactory(start_date=datetime.date(2024, 4, 1))
    MembershipFactory(start_date=datetime.date(2024, 4, 1), end_date=datetime.date(2025, 5, 31))
    MembershipFactory(start_date=datetime.date(2025, 7, 1))
    assert list(Membership.objects.current(today)) == [current]


@pytest.mark.django_db
def test_advisers_do_not_vote():
    MembershipFactory(role=Membership.Role.ADVISER)
    voter = MembershipFactory(role=Membership.Role.CHAIR)
    assert list(Membership.objects.voting()) == [voter]


@pytest.mark.django_db
def test_a_fund_name_is_unique_within_a_year_only():
    FundFactory(name="Supporting Families grant", financial_year="2025-26")
    FundFactory(name="Supporting Families grant", financial_year="2026-27")
    with pytest.raises(IntegrityError):
        FundFactory(name="Supporting Families grant", financial_year="2025-26")


@pytest.mark.django_db
def test_a_fund_rejects_a_malformed_financial_year():
    fund = FundFactory.build(financial_year="2025-27")
    with pytest.raises(ValidationError) as error:
        fund.full_clean()
    assert "financial_year" in error.value.message_dict
