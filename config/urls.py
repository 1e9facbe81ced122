from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from governance.views.meetings import meetings_feed
from portal.urls import account_patterns

urlpatterns = [
    path("accounts/", include(account_patterns)),
    path("portal/", include("portal.urls")),
    path("portal/", include("governance.urls")),
    path("portal/proposals/", include("proposals.urls")),
    path("portal/projects/", include("projects.urls")),
    path("portal/results/", include("evaluations.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("meetings/<str:token>.ics", meetings_feed, name="meetings_feed"),
]

if settings.DEBUG:
    # Image renditions only: documents are served through Wagtail's view, never from MEDIA_ROOT.
    urlpatterns += static(
        f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"
    )

urlpatterns += [path("", include(wagtail_urls))]
