from django.contrib.auth.models import Group, Permission

from programme import roles


def test_the_four_roles_exist_as_groups_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ROLE_NAMES)


def test_every_permission_named_for_a_role_exists(db):
    for role, dotted_names in roles.ROLE_PERMISSIONS.items():
        for dotted in dotted_names:
            app_label, codename = dotted.split(".")
            assert Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).exists(), f"{role}: {dotted} does not exist"


def test_each_group_holds_exactly_its_permissions(db):
    for role, dotted_names in roles.ROLE_PERMISSIONS.items():
        held = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in Group.objects.get(name=role).permissions.select_related("content_type")
        }
        assert held == set(dotted_names), role


def test_only_staff_roles_reach_the_back_office(db):
    with_admin = {
        group.name for group in Group.objects.filter(permissions__codename="access_admin")
    }
    assert with_admin == {roles.PROGRAMME_TEAM, roles.FINANCE, roles.AUDITORS}


def test_auditors_may_only_read_but_for_their_verdicts_on_a_claims_sample(db):
    held = Group.objects.get(name=roles.AUDITORS).permissions.values_list("codename", flat=True)
    assert held
    writes = {codename for codename in held if not codename.startswith("view_")}
    # Internal audit validates each results-based claim before it is submitted.
    assert writes == {"access_admin", "change_claimedfamily"}
    assert "view_family" not in held
