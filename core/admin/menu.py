from django.utils.text import slugify
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem


class CheckedMenu(Menu):
    """A submenu of items already checked for this request, so not checked again (a check
    can be a query: Wagtail's Forms item asks the database)."""

    def menu_items_for_request(self, request):
        return list(self.registered_menu_items)


class PermissionMenuItem(MenuItem):
    """A back-office menu item shown only to people with ``permission``."""

    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


def grouped_main_menu(request, menu_items, groups):
    """The sidebar in groups, as ``groups`` lists them: (label, icon, [menu item names]). An
    item named in a group moves into the group's submenu (a submenu named there brings its own
    items); the groups come first, in the order given, then the items named in no group.
    Called from the ``construct_main_menu`` hook with ``settings.ADMIN_MENU_GROUPS``."""
    by_name = {item.name: item for item in menu_items}
    grouped = []
    for position, (label, icon, names) in enumerate(groups, start=1):
        members = [by_name.pop(name) for name in names if name in by_name]
        if not members:
            continue
        children = []
        for member in members:
            if isinstance(member, SubmenuMenuItem):
                children.extend(member.menu.menu_items_for_request(request))
            else:
                children.append(member)
        grouped.append(
            SubmenuMenuItem(
                label,
                CheckedMenu(items=sorted(children, key=lambda child: child.order)),
                name=slugify(label),
                icon_name=icon,
                order=position,
            )
        )
    menu_items[:] = [*by_name.values(), *grouped]
