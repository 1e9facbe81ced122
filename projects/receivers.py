from projects.services import project_from_decision


def on_decision(sender, decision, **kwargs):
    project_from_decision(decision=decision)
