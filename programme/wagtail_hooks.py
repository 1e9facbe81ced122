import datetime

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from core.admin.dashboard import Row, WorkPanel
from core.admin.find import HOOK as SEARCH_HOOK
from core.admin.find import FindSection
from programme.admin.viewsets import MeetingViewSet, OutcomeViewSet, ProgrammeSetUpGroup
from programme.models import Interest, Organisation


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
    actions.register_action(
        "programme.interest_register", "Register an interest", "Added to the register"
    )
    actions.register_action("programme.interest_end", "End an interest", "Ended on the register")
    actions.register_action(
        "programme.sessions_end", "Sign out elsewhere", "Signed out of other sessions"
    )


@hooks.register("construct_homepage_panels")
def register_changes_panel(request, panels):
    """Members keep their own entries on the register in the portal: the programme team sees
    what changed in the last 30 days."""
    if not request.user.has_perm("programme.change_interest"):
        return
    since = timezone.localdate() - datetime.timedelta(days=30)
    changed = (
        Interest.objects.filter(Q(registered_on__gte=since) | Q(ended_on__gte=since))
        .select_related("member", "organisation")
        .order_by("-registered_on")
    )
    count = changed.count()
    panels.append(
        WorkPanel(
            name="register-changes",
            heading="Register of interests",
            summary=f"{count} change{'s' if count != 1 else ''} in the last 30 days"
            if count
            else "No changes to the register in the last 30 days.",
            rows=[
                Row(
                    f"{interest.member}: {interest.description[:80]}",
                    detail=f"ended {interest.ended_on:%-d %b %Y}"
                    if interest.ended_on
                    else f"added {interest.registered_on:%-d %b %Y}",
                )
                for interest in changed[:5]
            ],
            link_text="The register",
            link_url=reverse("interests:index"),
            order=60,
        )
    )


@hooks.register(SEARCH_HOOK)
def organisations_search():
    return FindSection(
        label="Organisations",
        queryset=Organisation.objects.all,
        listing_url_name="organisations:index",
        url=lambda organisation: reverse("organisations:inspect", args=[organisation.pk]),
        detail=lambda organisation: organisation.get_sector_display(),
        order=30,
    )
