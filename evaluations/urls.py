from django.urls import path

from evaluations import views

app_name = "evaluations"

urlpatterns = [
    path("", views.results_page, name="results"),
    path(
        "projects/<str:reference>/<str:financial_year>/q<int:quarter>/",
        views.results_write,
        name="project_results",
    ),
]
