"""Panels an app above adds to a page of an app below, so the page's own app need not import
it: the lead's proposal page shows the group's decisions and questions (governance), a
project's page its outcome targets and results (evaluations).

The page asks ``panels(hook, request, subject)``; each function registered with Wagtail's
hooks under that name returns a ``Panel`` for the subject (or None), and the page renders
them, in ``order``, where it keeps its panels."""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from wagtail import hooks


@dataclass
class Panel:
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 0


def panels(hook_name: str, request, subject) -> list[SafeString]:
    found = [
        panel
        for panel_for in hooks.get_hooks(hook_name)
        if (panel := panel_for(request, subject)) is not None
    ]
    found.sort(key=lambda panel: panel.order)
    return [
        render_to_string(panel.template_name, panel.context, request=request) for panel in found
    ]
