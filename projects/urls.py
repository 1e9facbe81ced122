from django.urls import path

from projects import agreement_views, closure_views, variation_views, views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("<str:reference>/", views.project_detail, name="detail"),
    path("<str:reference>/agreement/", agreement_views.agreement_detail, name="agreement"),
    path("<str:reference>/final-report/", closure_views.final_report, name="final_report"),
    path(
        "<str:reference>/agreement/accept/",
        agreement_views.agreement_accept,
        name="agreement_accept",
    ),
    path(
        "<str:reference>/payments/<int:number>/request/",
        agreement_views.payment_request,
        name="payment_request",
    ),
    path(
        "<str:reference>/variations/new/", variation_views.variation_new, name="variation_new"
    ),
    path(
        "<str:reference>/variations/<int:pk>/",
        variation_views.variation_detail,
        name="variation",
    ),
    path(
        "<str:reference>/variations/<int:pk>/withdraw/",
        variation_views.variation_withdraw,
        name="variation_withdraw",
    ),
    path(
        "<str:reference>/reports/<str:financial_year>/q<int:quarter>/",
        views.report_detail,
        name="report",
    ),
    path(
        "<str:reference>/reports/<str:financial_year>/q<int:quarter>/write/",
        views.report_write,
        name="report_write",
    ),
]
