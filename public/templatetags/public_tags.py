from django import template
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def public_menu_pages(context):
    """The live pages below the site's home page that are shown in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu())
