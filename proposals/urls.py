from django.urls import path

from proposals import views, views_sections

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("new/", views.proposal_new, name="new"),
    path("<str:reference>/", views.proposal_detail, name="detail"),
    path("<str:reference>/check/", views.proposal_check, name="check"),
    path("<str:reference>/submitted/", views.proposal_submitted, name="submitted"),
    path("<str:reference>/withdraw/", views.proposal_withdraw_view, name="withdraw"),
    path("<str:reference>/versions/<int:number>/", views.version_detail, name="version"),
    path(
        "<str:reference>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "<str:reference>/questions/<int:question_id>/answer/",
        views.question_answer_view,
        name="answer",
    ),
    path(
        "<str:reference>/decisions/<int:decision_id>/letter/",
        views.decision_letter,
        name="decision_letter",
    ),
    path("<str:reference>/budget/", views_sections.budget, name="budget"),
    path(
        "<str:reference>/budget/<int:line_id>/remove/",
        views_sections.budget_remove,
        name="budget_remove",
    ),
    path("<str:reference>/attachments/", views_sections.attachments, name="attachments"),
    path(
        "<str:reference>/attachments/<int:attachment_id>/remove/",
        views_sections.attachment_remove_view,
        name="attachment_remove",
    ),
    path("<str:reference>/co-leads/", views_sections.co_leads, name="co_leads"),
    path(
        "<str:reference>/co-leads/<int:user_id>/remove/",
        views_sections.co_lead_remove_view,
        name="co_lead_remove",
    ),
    path("<str:reference>/outcomes/", views_sections.outcomes, name="outcomes"),
    path("<str:reference>/criteria/", views_sections.criteria, name="criteria"),
    path("<str:reference>/<slug:section>/", views_sections.section, name="section"),
]
