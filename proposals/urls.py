from django.urls import path

from proposals.views import proposals as views
from proposals.views import sections

app_name = "proposals"

urlpatterns = [
    path("", views.proposal_list, name="list"),
    path("new/", views.proposal_new, name="new"),
    path(
        "invitations/<int:invitation_id>/<slug:answer>/",
        views.invitation_answer,
        name="invitation_answer",
    ),
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
    path("<str:reference>/budget/", sections.budget, name="budget"),
    path(
        "<str:reference>/budget/<int:line_id>/remove/",
        sections.budget_remove,
        name="budget_remove",
    ),
    path("<str:reference>/attachments/", sections.attachments, name="attachments"),
    path(
        "<str:reference>/attachments/<int:attachment_id>/remove/",
        sections.attachment_remove_view,
        name="attachment_remove",
    ),
    path("<str:reference>/co-leads/", sections.co_leads, name="co_leads"),
    path(
        "<str:reference>/co-leads/<int:user_id>/remove/",
        sections.co_lead_remove_view,
        name="co_lead_remove",
    ),
    path(
        "<str:reference>/invitations/<int:invitation_id>/withdraw/",
        sections.invitation_withdraw_view,
        name="invitation_withdraw",
    ),
    path("<str:reference>/outcomes/", sections.outcomes, name="outcomes"),
    path("<str:reference>/criteria/", sections.criteria, name="criteria"),
    path("<str:reference>/<slug:section>/", sections.section, name="section"),
]
