from django.shortcuts import render


class BackOfficeAccessMiddleware:
    """Signed-in people without back-office access get a clear 403 from /admin/ (with a way
    back to the portal) instead of Wagtail's login loop. Anonymous visitors still go to login."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        user = request.user
        if (
            path.startswith("/admin/")
            and not path.startswith(("/admin/login/", "/admin/logout/", "/admin/password_reset/"))
            and user.is_authenticated
            and not user.has_perm("wagtailadmin.access_admin")
        ):
            return render(request, "403.html", {"reason": "back_office"}, status=403)
        return self.get_response(request)
