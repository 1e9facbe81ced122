from django import template

from public.selectors import menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def public_menu_pages(context):
    """The live pages below the site's home page that are shown in menus."""
    return list(menu_pages(context.get("request")))
