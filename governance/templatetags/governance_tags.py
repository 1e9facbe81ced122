from decimal import Decimal

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


@register.filter
def gbp(value):
    """£1,234.56 from a Decimal (or its string form), exact to the penny."""
    if value in (None, ""):
        return ""
    amount = Decimal(str(value))
    sign = "-" if amount < 0 else ""
    return f"{sign}£{abs(amount):,.2f}"


STATUS_COLOURS = {
    "draft": "grey",
    "submitted": "blue",
    "returned": "orange",
    "eligible": "turquoise",
    "decided": "green",
    "withdrawn": "red",
}


@register.inclusion_tag("includes/status_tag.html")
def status_tag(proposal):
    return {
        "label": proposal.get_status_display(),
        "colour": STATUS_COLOURS.get(proposal.status, "grey"),
    }


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
