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


@hooks.register("register_log_actions")
def register_two_factor_actions(actions):
    actions.register_action(
        "programme.two_factor_set_up", "Set up two-factor sign-in", "Set up an authenticator app"
    )
    actions.register_action(
        "programme.two_factor_reset", "Reset two-factor sign-in", "Reset two-factor sign-in"
    )
