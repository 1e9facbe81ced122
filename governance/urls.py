from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, reverse_lazy
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from governance import views, views_chair, views_items, views_meeting_room, views_meetings
from governance.forms import EmailAuthenticationForm, GovukPasswordResetForm, GovukSetPasswordForm

account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(form_class=GovukPasswordResetForm),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            form_class=GovukSetPasswordForm, success_url=reverse_lazy("password_reset_complete")
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]

portal_patterns = (
    [
        path("", views.portal_home, name="home"),
        path("meetings/", views_meetings.meeting_list, name="meetings"),
        path("meetings/<int:pk>/", views_meeting_room.meeting_detail, name="meeting"),
        path("meetings/<int:pk>/papers/", views_meeting_room.papers, name="papers"),
        path("meetings/<int:pk>/attendance/", views_meeting_room.attendance, name="attendance"),
        path(
            "meetings/<int:pk>/attendance/<int:user_pk>/<int:present>/",
            views_meeting_room.mark_present,
            name="mark_present",
        ),
        path("chairs-action/", views_chair.chairs_action, name="chairs_action"),
        path("meetings/<int:pk>/urgent/", views_chair.urgent_item, name="urgent"),
        path(
            "meetings/<int:pk>/items/<int:item_pk>/move/<slug:direction>/",
            views_chair.move_item,
            name="move",
        ),
        path(
            "meetings/<int:pk>/items/<int:item_pk>/declarations/<int:declaration_pk>/dispense/",
            views_chair.dispensation,
            name="dispense",
        ),
        path(
            "meetings/<int:pk>/conditions/<int:condition_pk>/met/",
            views_chair.mark_condition_met,
            name="condition_met",
        ),
        path(
            "meetings/<int:pk>/minutes/<int:minutes_pk>/approve/",
            views_chair.approve_minutes,
            name="approve_minutes",
        ),
        path(
            "meetings/<int:pk>/<slug:action>/",
            views_meeting_room.meeting_action,
            name="meeting_action",
        ),
        path("meetings/<int:pk>/items/<int:item_pk>/", views_items.item_detail, name="item"),
        path("meetings/<int:pk>/items/<int:item_pk>/declare/", views_items.declare, name="declare"),
        path("meetings/<int:pk>/items/<int:item_pk>/ask/", views_items.ask, name="ask"),
        path("meetings/<int:pk>/items/<int:item_pk>/decide/", views_items.decide, name="decide"),
        path(
            "meetings/<int:pk>/items/<int:item_pk>/decisions/<int:decision_pk>/correct/",
            views_items.correct,
            name="correct",
        ),
        path(
            "meetings/<int:pk>/items/<int:item_pk>/vote/<slug:action>/",
            views_items.vote_action,
            name="vote",
        ),
    ],
    "portal",
)

urlpatterns = [
    path("accounts/", include(account_patterns)),
    path("portal/", include(portal_patterns)),
    path("portal/proposals/", include("proposals.urls")),
    path("portal/projects/", include("projects.urls")),
    path("portal/results/", include("evaluations.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("meetings/<str:token>.ics", views_meetings.meetings_feed, name="meetings_feed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
