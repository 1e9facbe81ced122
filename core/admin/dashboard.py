"""The back office's home page starts with the work: each app adds the queues it keeps as a
``WorkPanel`` from Wagtail's ``construct_homepage_panels`` hook, for the people who work them."""

from dataclasses import dataclass, field

from wagtail.admin.ui.components import Component


@dataclass
class Row:
    text: str
    url: str = ""
    detail: str = ""


@dataclass
class WorkPanel(Component):
    """A heading, a one-line summary, up to a few rows and a link to the whole queue."""

    name: str
    heading: str
    summary: str
    rows: list[Row] = field(default_factory=list)
    link_text: str = ""
    link_url: str = ""
    order: int = 50

    template_name = "core/admin/work_panel.html"

    def get_context_data(self, parent_context=None):
        return {"panel": self}
