from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A back-office menu item shown only to people with ``permission``."""

    def __init__(self, *args, permission, **kwargs):
        self.permission = permission
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        return request.user.has_perm(self.permission)
