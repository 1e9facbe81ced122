from wagtail import hooks

from programme.admin.viewsets import MeetingViewSet, OutcomeViewSet, ProgrammeSetUpGroup


@hooks.register("register_admin_viewset")
def register_programme_set_up():
    return ProgrammeSetUpGroup()


@hooks.register("register_admin_viewset")
def register_meetings():
    return MeetingViewSet("meetings")


@hooks.register("register_admin_viewset")
def register_outcomes():
    return OutcomeViewSet("outcomes")
