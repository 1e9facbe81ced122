from django.urls import path

from governance.views import chair, ending, interests, items, leads, meetings, minutes, room

app_name = "governance"

urlpatterns = [
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/<int:pk>/", room.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/papers/", room.papers, name="papers"),
    path("meetings/<int:pk>/papers.pdf", room.papers_pdf, name="papers_pdf"),
    path("meetings/<int:pk>/attendance/", room.attendance, name="attendance"),
    path("meetings/<int:pk>/publish/", room.publish, name="publish"),
    path("meetings/<int:pk>/attendance/everyone/", room.all_present, name="all_present"),
    path(
        "meetings/<int:pk>/attendance/<int:user_pk>/<int:present>/",
        room.mark_present,
        name="mark_present",
    ),
    path("chairs-action/", chair.chairs_action, name="chairs_action"),
    path("interests/", interests.my_interests, name="interests"),
    path("interests/<int:interest_pk>/end/", interests.end_interest, name="interest_end"),
    path("meetings/<int:pk>/urgent/", chair.urgent_item, name="urgent"),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/move/<slug:direction>/",
        chair.move_item,
        name="move",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/declarations/<int:declaration_pk>/dispense/",
        chair.dispensation,
        name="dispense",
    ),
    path(
        "meetings/<int:pk>/conditions/<int:condition_pk>/met/",
        chair.mark_condition_met,
        name="condition_met",
    ),
    path(
        "meetings/<int:pk>/minutes/<int:minutes_pk>/approve/",
        minutes.approve_minutes,
        name="approve_minutes",
    ),
    path("meetings/<int:pk>/start/", ending.meeting_end, {"ending": "start"}, name="start"),
    path("meetings/<int:pk>/minutes/", minutes.minutes_edit, name="minutes_edit"),
    path("meetings/<int:pk>/cancel/", ending.meeting_end, {"ending": "cancel"}, name="cancel"),
    path("meetings/<int:pk>/adjourn/", ending.meeting_end, {"ending": "adjourn"}, name="adjourn"),
    path(
        "meetings/<int:pk>/defer-the-rest/",
        ending.meeting_end,
        {"ending": "close"},
        name="defer_rest",
    ),
    path("meetings/<int:pk>/<slug:action>/", room.meeting_action, name="meeting_action"),
    path("meetings/<int:pk>/items/<int:item_pk>/", items.item_detail, name="item"),
    path("meetings/<int:pk>/items/<int:item_pk>/declare/", items.declare, name="declare"),
    path("meetings/<int:pk>/items/<int:item_pk>/ask/", items.ask, name="ask"),
    path("meetings/<int:pk>/items/<int:item_pk>/decide/", items.decide, name="decide"),
    path("meetings/<int:pk>/items/<int:item_pk>/defer/", items.defer, name="defer"),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decide-variation/",
        items.decide_variation,
        name="decide_variation",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/decisions/<int:decision_pk>/correct/",
        items.correct,
        name="correct",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/vote/<slug:action>/",
        items.vote_action,
        name="vote",
    ),
    path("questions/<int:question_id>/answer/", leads.question_answer, name="answer"),
    path("decisions/<int:decision_id>/letter/", leads.decision_letter, name="decision_letter"),
    path(
        "decisions/<int:decision_id>/letter.pdf",
        leads.decision_letter_pdf,
        name="decision_letter_pdf",
    ),
]
