from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    path("", views.project_list, name="list"),
    path("<str:reference>/", views.project_detail, name="detail"),
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
