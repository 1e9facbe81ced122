from io import StringIO

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Page

from demo.people import DEMO_LOGINS, DEMO_PASSWORD
from programme import roles
from programme.models import Criterion, Fund, Meeting, Membership, Organisation, Priority, User
from proposals.models import Proposal, ProposalVersion

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (
            User,
            Organisation,
            Membership,
            Priority,
            Criterion,
            Fund,
            Page,
            Meeting,
            Proposal,
            ProposalVersion,
        )
    ]


def test_seed_demo_prints_one_login_per_role(demo):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    text = out.getvalue()
    for email, *_ in DEMO_LOGINS:
        assert email in text
    assert DEMO_PASSWORD in text
    for role in roles.ROLE_NAMES:
        assert User.objects.filter(groups__name=role, email__in=[d[0] for d in DEMO_LOGINS])


def test_seed_demo_is_idempotent(demo):
    first = counts()
    call_command("seed_demo", stdout=StringIO())
    assert counts() == first


def test_seed_demo_loads_the_liverpool_group_and_priorities(demo):
    assert Organisation.objects.filter(on_strategic_group=True).count() == 15
    assert Priority.objects.filter(is_additional=False).count() == 5
    assert Priority.objects.filter(is_additional=True).count() == 4
    assert Membership.objects.filter(role=Membership.Role.CHAIR).count() == 1


def test_only_demo_logins_can_sign_in(demo):
    demo_emails = {d[0] for d in DEMO_LOGINS}
    for user in User.objects.all():
        assert user.check_password(DEMO_PASSWORD) == (user.email in demo_emails)


def test_seed_demo_is_refused_where_demo_data_is_not_allowed(settings):
    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError, match="not allowed"):
        call_command("seed_demo", stdout=StringIO())
    assert User.objects.count() == 0


def test_seed_demo_adds_the_liverpool_projects_in_a_spread_of_statuses(demo):
    statuses = set(Proposal.objects.values_list("status", flat=True))
    assert statuses >= {"draft", "submitted", "returned", "eligible", "withdrawn"}
    assert Proposal.objects.filter(title="Operation Encompass").exists()
    assert ProposalVersion.objects.filter(number=2).exists()
    demo_lead = User.objects.get(email="lead@families.example")
    assert set(Proposal.objects.filter(lead=demo_lead).values_list("status", flat=True)) == {
        "draft",
        "returned",
        "eligible",
        "decided",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_demo_sends_no_email():
    """Run with real commits, so the services' after-commit emails really fire."""

    call_command("seed_demo", stdout=StringIO())
    assert Proposal.objects.exists()
    assert mail.outbox == []
