from wagtail import hooks

from proposals.admin.viewsets import ProposalViewSet


@hooks.register("register_admin_viewset")
def register_proposals():
    return ProposalViewSet()


@hooks.register("register_log_actions")
def register_proposal_actions(actions):
    actions.register_action("proposals.edit_section", "Edit section", "Edited a section")
    actions.register_action("proposals.budget_line_add", "Add budget line", "Added a budget line")
    actions.register_action(
        "proposals.budget_line_remove", "Remove budget line", "Removed a budget line"
    )
    actions.register_action("proposals.attach", "Attach file", "Attached a file")
    actions.register_action("proposals.detach", "Remove file", "Removed a file")
    actions.register_action("proposals.co_lead_add", "Add co-lead", "Added a co-lead")
    actions.register_action("proposals.co_lead_remove", "Remove co-lead", "Removed a co-lead")
    actions.register_action("proposals.submit", "Submit", "Submitted a version")
    actions.register_action("proposals.screen", "Screen", "Screened against the criteria")
    actions.register_action("proposals.withdraw", "Withdraw", "Withdrew the proposal")
