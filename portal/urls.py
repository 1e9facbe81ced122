from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from portal import sessions, twofactor, views
from portal.forms import EmailAuthenticationForm, GovukPasswordResetForm, GovukSetPasswordForm

app_name = "portal"

urlpatterns = [path("", views.portal_home, name="home")]

account_patterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            authentication_form=EmailAuthenticationForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("sessions/", sessions.session_list, name="sessions"),
    path("sessions/others/end/", sessions.sessions_end_others, name="sessions_end_others"),
    path("sessions/<int:session_id>/end/", sessions.session_end, name="session_end"),
    path("two-factor/set-up/", twofactor.two_factor_setup, name="two_factor_setup"),
    path("two-factor/recovery-codes/", twofactor.two_factor_codes, name="two_factor_codes"),
    path("two-factor/", twofactor.two_factor_verify, name="two_factor_verify"),
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
