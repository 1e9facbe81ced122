"""Signing in and permissions: Django's ModelBackend, with the reads every signed-in page makes
in fewer queries: the person with their Wagtail profile (language, time zone) in one, and
their permissions (their own and their groups') with the names of their groups in one more,
where Django takes three."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models import CharField, Q, Value

# Marks a group's name among the (app label, codename) pairs: no app's label is empty.
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
            pairs = perms.values_list("content_type__app_label", "codename").order_by()
            groups = (
                Group.objects.filter(user=user_obj)
                .values_list(Value(GROUP, output_field=CharField()), "name")
                .order_by()
            )
            found, names = set(), set()
            for app_label, name in pairs.union(groups, all=True):
                if app_label == GROUP:
                    names.add(name)
                else:
                    found.add(f"{app_label}.{name}")
            user_obj._perm_cache, user_obj._group_names = found, names
        return user_obj._perm_cache


def group_names(user) -> set[str]:
    """The names of a signed-in person's groups, read with their permissions (one query for
    both, kept on the user object for the request)."""
    if not hasattr(user, "_group_names"):
        user.get_all_permissions()
    if not hasattr(user, "_group_names"):  # inactive, or permissions from another backend
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names
