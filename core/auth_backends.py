"""Signing in and permissions: Django's ModelBackend, with the reads every signed-in page makes
in fewer queries: the person with their Wagtail profile (language, time zone) in one, and
their permissions (their own and their groups') with the names of their groups in one more,
where Django takes three. The same query gives the kinds of record they hold a permission on,
which Wagtail's audit log reads to choose the entries they may see."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import CharField, IntegerField, Q, Value

# Marks a group's name among the (app label, codename, content type) rows: no app's label is
# empty.
GROUP = ""


class ModelBackendFewerQueries(ModelBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.select_related("wagtail_userprofile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            perms = Permission.objects.all()
            if not user_obj.is_superuser:
                perms = perms.filter(Q(user=user_obj) | Q(group__user=user_obj))
            rows = perms.values_list(
                "content_type__app_label", "codename", "content_type_id"
            ).order_by()
            groups = (
                Group.objects.filter(user=user_obj)
                .values_list(
                    Value(GROUP, output_field=CharField()),
                    "name",
                    Value(0, output_field=IntegerField()),
                )
                .order_by()
            )
            found, names, types = set(), set(), set()
            for app_label, name, content_type_id in rows.union(groups, all=True):
                if app_label == GROUP:
                    names.add(name)
                else:
                    found.add(f"{app_label}.{name}")
                    types.add(content_type_id)
            user_obj._perm_cache, user_obj._group_names = found, names
            user_obj._permitted_content_types = types
        return user_obj._perm_cache


def group_names(user) -> set[str]:
    """The names of a signed-in person's groups, read with their permissions (one query for
    both, kept on the user object for the request)."""
    if not hasattr(user, "_group_names"):
        user.get_all_permissions()
    if not hasattr(user, "_group_names"):  # inactive, or permissions from another backend
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def permitted_content_types(user) -> set[int] | None:
    """The ids of the kinds of record a signed-in person holds any permission on, read with
    their permissions; None where this backend did not read them (another backend's person)."""
    user.get_all_permissions()
    return getattr(user, "_permitted_content_types", None)
