from django.urls import reverse
from wagtail import hooks

from core.admin.dashboard import Row, WorkPanel
from core.admin.find import HOOK as SEARCH_HOOK
from core.admin.find import FindSection
from proposals.admin.bulk_actions import BULK_ACTIONS
from proposals.admin.views import screen_url
from proposals.admin.viewsets import ProposalViewSet
from proposals.selectors import awaiting_screening, proposals_for_back_office


@hooks.register("register_admin_viewset")
def register_proposals():
    return ProposalViewSet()


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register(SEARCH_HOOK)
def proposals_search():
    return FindSection(
        label="Proposals",
        queryset=proposals_for_back_office,
        listing_url_name="proposals_admin:index",
        url=lambda proposal: reverse("proposals_admin:inspect", args=[proposal.pk]),
        detail=lambda proposal: (
            f"{proposal.lead_organisation} · {proposal.get_status_display()}"
            + (f" · {proposal.meeting}" if proposal.meeting else "")
        ),
        order=10,
    )


@hooks.register("register_log_actions")
def register_proposal_actions(actions):
    actions.register_action("proposals.edit_section", "Edit section", "Edited a section")
    actions.register_action("proposals.budget_line_add", "Add budget line", "Added a budget line")
    actions.register_action(
        "proposals.budget_line_remove", "Remove budget line", "Removed a budget line"
    )
    actions.register_action("proposals.attach", "Attach file", "Attached a file")
    actions.register_action("proposals.detach", "Remove file", "Removed a file")
    actions.register_action("proposals.co_lead_invite", "Invite co-lead", "Invited a co-lead")
    actions.register_action(
        "proposals.co_lead_withdraw", "Withdraw co-lead invitation", "Withdrew an invitation"
    )
    actions.register_action(
        "proposals.co_lead_decline", "Decline co-lead invitation", "Declined to co-lead"
    )
    actions.register_action("proposals.co_lead_add", "Add co-lead", "Accepted and became a co-lead")
    actions.register_action("proposals.co_lead_remove", "Remove co-lead", "Removed a co-lead")
    actions.register_action("proposals.submit", "Submit", "Submitted a version")
    actions.register_action("proposals.screen", "Screen", "Screened against the criteria")
    actions.register_action(
        "proposals.place_on_agenda", "Place on agenda", "Placed on the next meeting's agenda"
    )
    actions.register_action(
        "proposals.assign_screener", "Assign screener", "Assigned the screening"
    )
    actions.register_action("proposals.withdraw", "Withdraw", "Withdrew the proposal")


@hooks.register("construct_homepage_panels")
def proposals_to_screen(request, panels):
    if not request.user.has_perm("proposals.screen_proposal"):
        return
    waiting = awaiting_screening()
    count = waiting.count()
    panels.append(
        WorkPanel(
            name="screening",
            heading="Proposals to screen",
            summary=f"{count} submitted proposal{'s' if count != 1 else ''} to screen"
            if count
            else "No proposals are waiting to be screened.",
            rows=[
                Row(
                    f"{proposal.reference} {proposal.title}",
                    screen_url(proposal),
                    f"submitted {proposal.submitted_at:%-d %B %Y}"
                    if proposal.submitted_at
                    else "submitted",
                )
                for proposal in waiting[:5]
            ],
            link_text="All proposals",
            link_url=reverse("proposals_admin:index"),
            order=10,
        )
    )
